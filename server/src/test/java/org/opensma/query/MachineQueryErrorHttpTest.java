package org.opensma.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opensma.support.ApiClient;
import org.opensma.support.ApiResponse;
import org.opensma.support.ApiTestBase;
import tools.jackson.databind.JsonNode;

/**
 * Invalid query parameters on {@code GET /api/inventory/machines}: each gives 400 with the KACE
 * error envelope, a message that quotes the offending text and lists what is accepted, and no SQL.
 */
class MachineQueryErrorHttpTest extends ApiTestBase {

    /** KACE errorCode of every rejected query parameter. */
    private static final int INVALID_QUERY = 1102;

    static Stream<Arguments> invalidQueries() {
        return Stream.of(
                Arguments.of("filtering", "nosuchfield eq 1", List.of("'nosuchfield'", "Fields:", "Name")),
                Arguments.of("filtering", "nosuchentity.name eq 1", List.of("'nosuchentity'", "software")),
                Arguments.of("filtering", "name like x", List.of("'like'", "Accepted operators", "nco")),
                Arguments.of("filtering", "Id co 5", List.of("'co'", "Id", "eq, ne, lt, le, gt, ge, in, nin")),
                Arguments.of("filtering", "id eq abc", List.of("'abc'", "whole number")),
                Arguments.of("filtering", "created gt yesterday", List.of("'yesterday'", "YYYY-MM-DD HH:MM:SS")),
                Arguments.of("filtering", "id in (1,2)", List.of("closing parenthesis", "(1;2;3)")),
                Arguments.of("filtering", "name eq", List.of("'name eq'", "no value")),
                Arguments.of("filtering", "name ex", List.of("'ex'", "relation", "software")),
                Arguments.of("filtering", "* lt x", List.of("'lt'", "co, nc")),
                Arguments.of("sorting", "name sideways", List.of("'sideways'", "asc, desc")),
                Arguments.of("sorting", "nosuchfield asc", List.of("'nosuchfield'", "Fields:")),
                Arguments.of("sorting", "name asc,,id", List.of("Empty sort key")),
                Arguments.of("paging", "limit -1", List.of("'-1'", "limit N")),
                Arguments.of("paging", "limit ten", List.of("'ten'", "ALL")),
                Arguments.of("paging", "page 2", List.of("'page'", "offset M")),
                Arguments.of("paging", "limit 99999999999999999999", List.of("too large")),
                Arguments.of("shaping", "machine huge", List.of("'huge'", "LIMITED, STANDARD, EXTENDED, ALL")),
                Arguments.of("shaping", "hardware all", List.of("'hardware'", "software")),
                Arguments.of("shaping", "machine", List.of("no level", "LIMITED")));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("invalidQueries")
    void invalidParameter_returns400WithExplanation(String parameter, String value, List<String> fragments) {
        ApiResponse response = admin().get("/api/inventory/machines?" + parameter + "=" + ApiClient.encode(value));

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        JsonNode body = response.json();
        assertThat(body.propertyNames()).containsExactlyInAnyOrder("errorCode", "errorDescription");
        assertThat(body.get("errorCode").asInt()).isEqualTo(INVALID_QUERY);
        String description = body.get("errorDescription").asString();
        for (String fragment : fragments) {
            assertThat(description).contains(fragment);
        }
        String lower = description.toLowerCase(Locale.ROOT);
        assertThat(lower).doesNotContain("select ").doesNotContain("from machine").doesNotContain("exception");
    }

    @Test
    void invalidUtf8_returns400NamingParameter() {
        ApiResponse response = admin().get("/api/inventory/machines?paging=limit%202&filtering=name%20co%20%C3%28");

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("errorCode").asInt()).isEqualTo(INVALID_QUERY);
        assertThat(response.json().get("errorDescription").asString()).contains("'filtering'", "UTF-8");
    }

    /** Clients that ask for XML still get the JSON envelope on errors, as on every other route. */
    @Test
    void errorsOfXmlRequests_useTheJsonEnvelope() {
        ApiResponse badQuery = admin().get("/api/inventory/machines?filtering=name%20like%20x", "Accept",
                "application/xml");
        ApiResponse missing = admin().get("/api/inventory/machines/987654321", "Accept", "application/xml");

        for (ApiResponse response : List.of(badQuery, missing)) {
            assertThat(response.status()).as(response.body()).isBetween(400, 404);
            assertThat(response.header("Content-Type")).as(response.body()).startsWith("application/json");
            assertThat(response.json().get("errorCode").asInt()).as(response.body()).isPositive();
        }
    }

    @Test
    void nulCharacter_returns400NamingParameter() {
        ApiResponse response = admin().get("/api/inventory/machines?filtering=name%20co%20a%00b");

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("errorDescription").asString()).contains("'filtering'", "NUL");
    }

    @Test
    void tooLongParameter_returns400WithMaximum() {
        ApiResponse response = admin().get("/api/inventory/machines?filtering=" + "x".repeat(9_000));

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("errorDescription").asString()).contains("'filtering'", "8192");
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("invalidQueries")
    void invalidParameter_onGetById_returns400(String parameter, String value, List<String> fragments) {
        ApiResponse response = admin().get("/api/inventory/machines/1?" + parameter + "=" + ApiClient.encode(value));

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("errorDescription").asString()).contains(fragments.getFirst());
    }
}

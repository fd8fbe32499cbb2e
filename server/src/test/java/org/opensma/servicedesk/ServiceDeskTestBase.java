package org.opensma.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.opensma.organization.TestOrganizations;
import org.opensma.support.ApiClient;
import org.opensma.support.ApiResponse;
import org.opensma.support.ApiTestBase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Helpers of the service desk tests: ticket writes and reads, and fixture key sets. */
abstract class ServiceDeskTestBase extends ApiTestBase {

    static final String TICKETS = "/api/service_desk/tickets";
    static final String QUEUES = "/api/service_desk/queues";
    static final String JSON = "application/json";

    private static final Path FIXTURES = Path.of("..", "testdata", "kace-fixtures");

    /** The administrator of Default, sending a KACE version header as clients do. */
    ApiClient agent() {
        return TestOrganizations.kaceClient(admin());
    }

    static long create(ApiClient client, String body) {
        ApiResponse response = client.post(TICKETS, body, "Content-Type", JSON);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("Result").asString()).isEqualTo("Success");
        return response.json().get("IDs").get(0).asLong();
    }

    static JsonNode ticket(ApiClient client, long id, String shaping) {
        String query = shaping == null ? "" : "&shaping=" + ApiClient.encode(shaping);
        ApiResponse response = client.get(TICKETS + "?filtering=" + ApiClient.encode("id eq " + id) + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("Tickets")).as(response.body()).hasSize(1);
        return response.json().get("Tickets").get(0);
    }

    static ApiResponse update(ApiClient client, long id, String body) {
        return client.post(TICKETS + "/" + id, body, "Content-Type", JSON);
    }

    static Set<String> keys(JsonNode object) {
        return new TreeSet<>(object.propertyNames());
    }

    /** The keys of item {@code index} of {@code collection} in a fixture file. */
    static JsonNode fixtureItem(String file, String collection, int index) {
        try {
            JsonNode json = JsonMapper.builder().build().readTree(Files.readString(FIXTURES.resolve(file)));
            return json.get(collection).get(index);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

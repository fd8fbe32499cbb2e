package org.opensma.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opensma.query.SeedMachine.SeedSoftware;
import org.opensma.support.ApiClient;
import org.opensma.support.ApiResponse;
import org.opensma.support.ApiTestBase;
import tools.jackson.databind.JsonNode;

/**
 * Sends random and malformed query parameters to the machine list and checks that every response
 * is 200 with the list envelope or 400 with the KACE error envelope, never a 500. The random
 * seed is fixed so that a failure repeats.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryFuzzTest extends ApiTestBase {

    private static final int REQUESTS = 400;
    private static final String[] PARAMETERS = {"filtering", "sorting", "paging", "shaping", "use_count",
        "use_count_only"};
    private static final String[] FRAGMENTS = {"name", "Name", "id", "Id", "software", "software.name",
        "machine.", "*", "Ram_Total", "created", "eq", "ne", "co", "nc", "in", "nin", "ex", "nex", "lt", "ge",
        "st", "nend", "limit", "offset", "ALL", "0", "-1", "99999999999999999999", "asc", "desc", "all",
        "limited", "regular", "machine", "(", ")", ";", ",", " ", "  ", "%", "_", "!", "'", "\"", "\\", "..",
        "2020-04-12 02:28:02", "0000-00-00 00:00:00", "2026-13-45", "é", "日本", "\u0000", "\t", "\n", "true",
        "false", "select * from machine", "--", "/*", "1e9", "NaN"};

    private ApiClient admin;

    @BeforeAll
    void seedMachine() {
        new SeedMachine("qfz-fuzz", "Fuzz OS", 1024, "10.66.0.1",
                List.of(new SeedSoftware("QfzTool", "1.0", "Fuzzers"))).ingest(client(), "qfz-fuzz");
        admin = admin();
    }

    @Test
    void randomParameters_returnOkOrBadRequest() {
        Random random = new Random(20261204L);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            StringBuilder query = new StringBuilder();
            int parameters = 1 + random.nextInt(3);
            for (int p = 0; p < parameters; p++) {
                query.append(p == 0 ? "" : "&").append(PARAMETERS[random.nextInt(PARAMETERS.length)]).append('=')
                        .append(value(random));
            }
            ApiResponse response = admin.get("/api/inventory/machines?" + query);
            String problem = problem(response);
            if (problem != null) {
                failures.add(problem + " for ?" + shorten(query.toString()));
            }
        }
        assertThat(failures).as("responses that are neither a list nor a KACE 400").isEmpty();
    }

    /** Returns what is wrong with the response, or null when it is a valid list or a KACE 400. */
    private static String problem(ApiResponse response) {
        if (response.status() != 200 && response.status() != 400) {
            return "status " + response.status() + " " + shorten(response.body());
        }
        JsonNode body;
        try {
            body = response.json();
        } catch (RuntimeException e) {
            return "status " + response.status() + " with a body that is not JSON: " + shorten(response.body());
        }
        if (response.status() == 400) {
            boolean envelope = body.has("errorCode") && body.get("errorCode").isInt()
                    && body.has("errorDescription") && !body.get("errorDescription").asString().isBlank();
            return envelope ? null : "400 without the KACE error envelope: " + shorten(response.body());
        }
        boolean list = body.has("Machines") && body.get("Machines").isArray();
        boolean countOnly = body.size() == 1 && body.has("Count");
        return list || countOnly ? null : "200 without Machines or Count: " + shorten(response.body());
    }

    /** Generates a parameter value, already percent-encoded for the query string. */
    private static String value(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> randomBytes(random);
            case 1 -> ApiClient.encode(fragments(random));
            case 2 -> ApiClient.encode(unbalanced(random));
            case 3 -> ApiClient.encode(huge(random));
            case 4 -> ApiClient.encode(unicode(random));
            default -> ApiClient.encode(fragments(random)).replace("%20", "+");
        };
    }

    private static String randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(40)];
        random.nextBytes(bytes);
        StringBuilder encoded = new StringBuilder();
        for (byte b : bytes) {
            encoded.append('%').append(String.format("%02X", b & 0xFF));
        }
        return encoded.toString();
    }

    private static String fragments(Random random) {
        StringBuilder text = new StringBuilder();
        int count = 1 + random.nextInt(8);
        for (int i = 0; i < count; i++) {
            text.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
            if (random.nextBoolean()) {
                text.append(' ');
            }
        }
        return text.toString();
    }

    private static String unbalanced(Random random) {
        String[] forms = {"id in (1;2", "id in 1;2)", "id in ((1;2))", "id in ()", "id in (;)", "name eq ((",
            "software.name in (a;b", "id nin (", ")", "(name eq x)", "id in (1,2)"};
        return forms[random.nextInt(forms.length)];
    }

    private static String huge(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> "limit " + "9".repeat(1 + random.nextInt(40));
            case 1 -> "id gt " + "9".repeat(1 + random.nextInt(40));
            case 2 -> "name co " + "x".repeat(10_000);
            case 3 -> "name eq x,".repeat(60) + "id eq 1";
            default -> "x".repeat(8_000 + random.nextInt(400));
        };
    }

    private static String unicode(Random random) {
        StringBuilder text = new StringBuilder("name co ");
        int length = 1 + random.nextInt(12);
        for (int i = 0; i < length; i++) {
            int codePoint;
            do {
                codePoint = random.nextInt(0x10FFFF);
            } while (Character.getType(codePoint) == Character.SURROGATE
                    || Character.getType(codePoint) == Character.UNASSIGNED);
            text.appendCodePoint(codePoint);
        }
        return new String(text.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    private static String shorten(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}

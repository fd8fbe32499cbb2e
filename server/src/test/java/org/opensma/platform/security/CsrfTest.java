package org.opensma.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opensma.support.ApiClient;
import org.opensma.support.ApiResponse;
import org.opensma.support.ApiTestBase;
import tools.jackson.databind.JsonNode;

/**
 * Writes made with the session cookie. With the cookie alone they are rejected. The CSRF
 * header, a KACE version header or a JSON content type each lets them through to routing,
 * so a write that passes the check ends in 405 on the read-only route
 * {@code /api/inventory/nodes} or in 404 on a path without a route.
 */
class CsrfTest extends ApiTestBase {

    private static final String MACHINES = "/api/inventory/nodes";
    private static final String NO_ROUTE = "/api/no_such_module/items";
    private static final List<String> WRITE_METHODS = List.of("POST", "PUT", "DELETE");

    @Test
    void cookieOnlyWrite_gets403NamingCsrfHeader() {
        ApiClient client = admin();

        for (String method : WRITE_METHODS) {
            for (String path : List.of(MACHINES, NO_ROUTE)) {
                ApiResponse response = client.send(method, path, body(method));

                assertThat(response.status()).as("%s %s: %s", method, path, response.body()).isEqualTo(403);
                JsonNode error = response.json();
                assertThat(error.get("errorCode").asInt()).isEqualTo(1004);
                assertThat(error.get("errorDescription").asString())
                        .contains("x-kace-csrf-token")
                        .contains("KACE_CSRF_TOKEN");
            }
        }
    }

    @Test
    void nonJsonContentType_gets403() {
        ApiClient client = admin();

        for (String contentType : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data")) {
            ApiResponse response = client.send("POST", MACHINES, body("POST"), "Content-Type", contentType);

            assertThat(response.status()).as("%s: %s", contentType, response.body()).isEqualTo(403);
            assertThat(response.json().get("errorDescription").asString()).contains("x-kace-csrf-token");
        }
    }

    @Test
    void correctKaceCsrfHeader_passesToRouting() {
        ApiClient client = admin();
        String token = client.cookies().get("KACE_CSRF_TOKEN");

        for (String method : WRITE_METHODS) {
            assertMethodNotAllowed(client.send(method, MACHINES, body(method), "x-kace-csrf-token", token), method);
            assertNoRoute(client.send(method, NO_ROUTE, body(method), "x-kace-csrf-token", token), method);
        }
    }

    @Test
    void correctDellCsrfHeader_passesToRouting() {
        ApiClient client = admin();
        String token = client.cookies().get("KACE_CSRF_TOKEN");

        for (String method : WRITE_METHODS) {
            assertMethodNotAllowed(client.send(method, MACHINES, body(method), "x-dell-csrf-token", token), method);
            assertNoRoute(client.send(method, NO_ROUTE, body(method), "x-dell-csrf-token", token), method);
        }
    }

    @Test
    void versionHeader_passesToRouting() {
        ApiClient client = admin();

        for (String version : List.of("x-kace-api-version", "x-dell-api-version")) {
            for (String method : WRITE_METHODS) {
                assertMethodNotAllowed(client.send(method, MACHINES, body(method), version, "8.1"), method);
                assertNoRoute(client.send(method, NO_ROUTE, body(method), version, "8"), method);
            }
        }
    }

    @Test
    void jsonContentType_passesToRouting() {
        ApiClient client = admin();

        for (String method : WRITE_METHODS) {
            assertMethodNotAllowed(client.send(method, MACHINES, body(method),
                    "Content-Type", "application/json; charset=utf-8"), method);
            assertNoRoute(client.send(method, NO_ROUTE, body(method), "Content-Type", "application/json"), method);
        }
    }

    @Test
    void wrongKaceCsrfHeader_gets403NamingHeader() {
        ApiClient client = admin();

        for (String method : WRITE_METHODS) {
            // A version header and JSON do not excuse a CSRF header that is present and wrong.
            ApiResponse response = client.send(method, MACHINES, body(method), "x-kace-csrf-token", "wrong",
                    "x-kace-api-version", "8", "Content-Type", "application/json");

            assertThat(response.status()).as("%s: %s", method, response.body()).isEqualTo(403);
            assertThat(response.json().get("errorCode").asInt()).isEqualTo(1005);
            assertThat(response.json().get("errorDescription").asString())
                    .isEqualTo("The x-kace-csrf-token header does not match this session's KACE_CSRF_TOKEN");
        }
    }

    @Test
    void wrongDellCsrfHeader_gets403NamingHeader() {
        ApiClient client = admin();

        ApiResponse response = client.send("DELETE", MACHINES, null, "x-dell-csrf-token", "wrong");

        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.json().get("errorDescription").asString())
                .isEqualTo("The x-dell-csrf-token header does not match this session's KACE_CSRF_TOKEN");
    }

    @Test
    void csrfTokenOfOtherSession_gets403() {
        ApiClient first = admin();
        ApiClient second = admin();

        ApiResponse response = first.send("POST", MACHINES, body("POST"),
                "x-kace-csrf-token", second.cookies().get("KACE_CSRF_TOKEN"));

        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.json().get("errorDescription").asString()).contains("x-kace-csrf-token");
    }

    @Test
    void tokenHeaderWrite_needsNoCsrf() {
        ApiResponse login = client().login("admin", ADMIN_PASSWORD);
        String token = login.header("x-kace-authorization");
        String jwt = login.setCookies().get("x-kace-auth-jwt").value();

        for (String method : WRITE_METHODS) {
            assertMethodNotAllowed(client().send(method, MACHINES, body(method), "x-kace-authorization", token),
                    method);
            assertMethodNotAllowed(client().send(method, MACHINES, body(method), "Authorization", "Bearer " + jwt),
                    method);
            assertNoRoute(client().send(method, NO_ROUTE, body(method), "x-kace-authorization", token), method);
        }
    }

    @Test
    void safeMethodsWithCookieOnly_needNoCsrf() {
        ApiClient client = admin();

        ApiResponse list = client.get(MACHINES);
        ApiResponse head = client.send("HEAD", MACHINES, null);

        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(head.status()).isEqualTo(200);
    }

    @Test
    void unauthenticatedWrite_gets401NotCsrfError() {
        ApiResponse response = client().send("POST", MACHINES, body("POST"));

        assertThat(response.status()).as(response.body()).isEqualTo(401);
        assertThat(response.json().get("errorDescription").asString()).contains("log in");
    }

    private static byte[] body(String method) {
        return method.equals("DELETE") ? null : "{}".getBytes();
    }

    private static void assertMethodNotAllowed(ApiResponse response, String method) {
        assertThat(response.status()).as("%s: %s", method, response.body()).isEqualTo(405);
        assertThat(response.json().get("errorCode").asInt()).isEqualTo(1202);
        assertThat(response.json().get("errorDescription").asString())
                .isEqualTo("Method " + method + " is not allowed on " + MACHINES + "; allowed: GET");
    }

    private static void assertNoRoute(ApiResponse response, String method) {
        assertThat(response.status()).as("%s: %s", method, response.body()).isEqualTo(404);
        assertThat(response.json().get("errorCode").asInt()).isEqualTo(1201);
        assertThat(response.json().get("errorDescription").asString())
                .isEqualTo("No route found for " + method + " " + NO_ROUTE);
    }
}

package org.opensma.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.opensma.support.ApiClient;
import org.opensma.support.ApiResponse;
import org.opensma.support.ApiTestBase;

/** Calls without a valid session: never logged in, logged out, or with a token that was altered. */
class SessionEndTest extends ApiTestBase {

    private static final String MACHINES = LoginTest.MACHINES;
    private static final String LOGOUT = "/ams/shared/api/security/logout";

    @Test
    void noCredentials_get401TellingToLogIn() {
        ApiResponse list = client().get(MACHINES, "x-kace-api-version", "8");

        assertThat(list.status()).isEqualTo(401);
        assertThat(list.json().get("errorCode").asInt()).isEqualTo(-1);
        assertThat(list.json().get("errorDescription").asString())
                .contains("log in")
                .contains("/ams/shared/api/security/login");
    }

    @Test
    void logout_endsCookieSession() {
        ApiClient client = client();
        client.login("admin", ADMIN_PASSWORD);
        String sessionId = client.cookies().get("kboxid");
        assertThat(client.get(MACHINES).status()).isEqualTo(200);

        ApiResponse logout = client.get(LOGOUT);

        assertThat(logout.status()).as(logout.body()).isEqualTo(200);
        assertThat(logout.json().get("Result").asString()).isEqualTo("Success");
        assertThat(logout.setCookies().get("kboxid").expired()).as(logout.setCookieLines().toString()).isTrue();
        ApiResponse after = client().get(MACHINES, "Cookie", "kboxid=" + sessionId);
        assertExpired(after);
    }

    @Test
    void logout_endsTokenOfSameSession() {
        ApiClient client = client();
        ApiResponse login = client.login("admin", ADMIN_PASSWORD);
        String token = login.header("x-kace-authorization");
        String jwt = login.setCookies().get("x-kace-auth-jwt").value();
        assertThat(client().get(MACHINES, "x-kace-authorization", token).status()).isEqualTo(200);

        client.get(LOGOUT);

        assertExpired(client().get(MACHINES, "x-kace-authorization", token));
        assertExpired(client().get(MACHINES, "Authorization", "Bearer " + jwt));
    }

    @Test
    void logoutByToken_endsCookieSession() {
        ApiClient client = client();
        ApiResponse login = client.login("admin", ADMIN_PASSWORD);
        String sessionId = client.cookies().get("kboxid");

        ApiResponse logout = client().get(LOGOUT, "x-kace-authorization", login.header("x-kace-authorization"));

        assertThat(logout.status()).as(logout.body()).isEqualTo(200);
        assertExpired(client().get(MACHINES, "Cookie", "kboxid=" + sessionId));
    }

    @Test
    void logout_leavesOtherSessionsOfUserValid() {
        ApiClient first = client();
        first.login("admin", ADMIN_PASSWORD);
        ApiClient second = client();
        second.login("admin", ADMIN_PASSWORD);

        first.get(LOGOUT);

        ApiResponse list = second.get(MACHINES);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
    }

    @Test
    void logoutWithoutSession_succeeds() {
        ApiResponse logout = client().get(LOGOUT);

        assertThat(logout.status()).as(logout.body()).isEqualTo(200);
        assertThat(logout.json().get("Result").asString()).isEqualTo("Success");
    }

    @Test
    void unknownSessionCookie_gets401ExpiredToken() {
        assertExpired(client().get(MACHINES, "Cookie", "kboxid=00000000-0000-0000-0000-000000000000"));
    }

    @Test
    void tamperedJwt_gets401ExpiredToken() {
        ApiResponse login = client().login("admin", ADMIN_PASSWORD);
        String jwt = login.setCookies().get("x-kace-auth-jwt").value();
        String[] parts = jwt.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(claims).contains("\"sub\":\"admin\"");
        String changedClaims = claims.replace("\"sub\":\"admin\"", "\"sub\":\"root\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(changedClaims.getBytes()) + "." + parts[2];

        assertExpired(client().get(MACHINES, "Authorization", "Bearer " + tampered));
        assertExpired(client().get(MACHINES, "x-kace-authorization", "Bearer " + tampered));
        assertThat(client().get(MACHINES, "Authorization", "Bearer " + jwt).status()).isEqualTo(200);
    }

    @Test
    void garbageBearerToken_gets401ExpiredToken() {
        assertExpired(client().get(MACHINES, "Authorization", "Bearer not-a-jwt"));
    }

    private static void assertExpired(ApiResponse response) {
        assertThat(response.status()).as(response.body()).isEqualTo(401);
        assertThat(response.json().get("errorCode").asInt()).isEqualTo(-1);
        assertThat(response.json().get("errorDescription").asString()).isEqualTo("Expired token");
    }
}

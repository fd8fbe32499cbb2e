package org.opensma.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opensma.support.ApiClient;
import org.opensma.support.ApiResponse;
import org.opensma.support.ApiTestBase;
import tools.jackson.databind.JsonNode;

/** Logins that must fail, and the error each one returns. */
class LoginRejectionTest extends ApiTestBase {

    private static final String LOGIN = LoginTest.LOGIN;

    @Test
    void wrongPassword_gets401Envelope() {
        ApiResponse login = client().post(LOGIN, "{\"userName\":\"admin\",\"password\":\"wrong\"}",
                "Content-Type", "application/json");

        assertThat(login.status()).isEqualTo(401);
        JsonNode body = login.json();
        assertThat(body.get("errorCode").asInt()).isEqualTo(-1);
        assertThat(body.get("errorDescription").asString()).isEqualTo("Invalid user name, password or organization");
        assertThat(login.setCookieLines()).noneMatch(line -> line.startsWith("kboxid="));
        assertThat(login.header("x-kace-authorization")).isNull();
    }

    @Test
    void unknownUser_getsSame401AsWrongPassword() {
        ApiResponse wrongPassword = client().post(LOGIN, "{\"userName\":\"admin\",\"password\":\"wrong\"}",
                "Content-Type", "application/json");
        ApiResponse unknownUser = client().post(LOGIN, "{\"userName\":\"nobody\",\"password\":\"wrong\"}",
                "Content-Type", "application/json");

        assertThat(unknownUser.status()).isEqualTo(401);
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownUser.bytes()).isEqualTo(wrongPassword.bytes());
        assertThat(unknownUser.header("Content-Type")).isEqualTo(wrongPassword.header("Content-Type"));
    }

    @Test
    void unknownOrganization_getsSame401AsWrongPassword() {
        ApiResponse wrongPassword = client().post(LOGIN, "{\"userName\":\"admin\",\"password\":\"wrong\"}",
                "Content-Type", "application/json");
        ApiResponse unknownOrganization = client().post(LOGIN, "{\"userName\":\"admin\",\"password\":\""
                + ADMIN_PASSWORD + "\",\"organizationName\":\"No Such Org\"}", "Content-Type", "application/json");

        assertThat(unknownOrganization.status()).isEqualTo(401);
        assertThat(unknownOrganization.json().get("errorCode").asInt()).isEqualTo(-1);
        assertThat(unknownOrganization.json().get("errorDescription").asString()).contains("organization");
        assertThat(unknownOrganization.bytes()).isEqualTo(wrongPassword.bytes());
        assertThat(unknownOrganization.setCookieLines()).noneMatch(line -> line.startsWith("kboxid="));
    }

    @Test
    void missingBody_gets400NamingFields() {
        ApiResponse login = client().post(LOGIN, null, "Content-Type", "application/json");

        assertInvalidBody(login);
    }

    @Test
    void nonJsonBodies_get400NamingFields() {
        for (String body : List.of("userName=admin&password=x", "{", "[]", "\"admin\"", "<login/>")) {
            ApiResponse login = client().post(LOGIN, body, "Content-Type", "application/json");

            assertInvalidBody(login);
        }
    }

    @Test
    void bodyWithoutPassword_gets400NamingFields() {
        for (String body : List.of("{\"userName\":\"admin\"}", "{\"password\":\"x\"}", "{}", "null")) {
            ApiResponse login = client().post(LOGIN, body, "Content-Type", "application/json");

            assertInvalidBody(login);
        }
    }

    @Test
    void queryStringCredentials_areIgnored() {
        String query = "?userName=admin&password=" + ApiClient.encode(ADMIN_PASSWORD);

        ApiResponse noBody = client().post(LOGIN + query, null, "Content-Type", "application/json");
        ApiResponse wrongBody = client().post(LOGIN + query, "{\"userName\":\"admin\",\"password\":\"wrong\"}",
                "Content-Type", "application/json");
        ApiResponse rightBody = client().post(LOGIN + "?userName=nobody&password=wrong",
                "{\"userName\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}",
                "Content-Type", "application/json");

        assertInvalidBody(noBody);
        assertThat(wrongBody.status()).as(wrongBody.body()).isEqualTo(401);
        assertThat(rightBody.status()).as(rightBody.body()).isEqualTo(200);
    }

    private static void assertInvalidBody(ApiResponse login) {
        assertThat(login.status()).as(login.body()).isEqualTo(400);
        JsonNode body = login.json();
        assertThat(body.get("errorCode").isNumber()).as(login.body()).isTrue();
        assertThat(body.get("errorDescription").asString()).contains("userName").contains("password");
        assertThat(login.setCookieLines()).noneMatch(line -> line.startsWith("kboxid="));
    }
}

package org.opensma.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensma.support.AgentSamples;
import org.opensma.support.ApiClient;
import org.opensma.support.ApiResponse;
import org.opensma.support.ApiTestBase;
import org.opensma.support.RawHttp;
import tools.jackson.databind.JsonNode;

/**
 * The login forms of the KACE clients in use, each sent exactly as that client sends it,
 * followed by the machine list call that client makes next.
 */
class LoginTest extends ApiTestBase {

    static final String LOGIN = "/ams/shared/api/security/login";
    static final String MACHINES = "/api/inventory/machines";

    /** Every cookie a login sets. The XSOAR integration fails if any of the first five is missing. */
    private static final List<String> LOGIN_COOKIES = List.of("kboxid", "KACE_CSRF_TOKEN", "x-dell-auth-jwt",
            "KACE_LAST_USER_SECURE", "KACE_LAST_ORG_SECURE", "x-kace-auth-jwt");

    /** Keys of an unshaped machine in the order a SMA 10.0 returned them, as the XSOAR integration reads them. */
    private static final List<String> STANDARD_MACHINE_KEYS = List.of("Id", "Modified", "Created", "User", "Name",
            "Ip", "Os_name", "Os_number", "Last_inventory", "Last_sync", "Ram Total", "Ram_used", "Ram_max",
            "Bios_identification_code", "Sound_devices", "Cdrom_devices", "Video_controllers", "Monitor",
            "Registry_size", "Registry_max_size", "Pagefile_size", "Pagefile_max_size", "Manual_entry");

    private static final String ADMIN_BODY = "{\"userName\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}";

    /** Makes sure the machine list is not empty, so the list checks below see a real machine. */
    @BeforeEach
    void storeSampleMachine() {
        ApiResponse ingest = client().postBytes("/ocsinventory", AgentSamples.ocsInventoryZlib(),
                "Authorization", AgentSamples.basicAuth("agent", AGENT_TOKEN),
                "Content-Type", "application/x-compress");
        assertThat(ingest.status()).as(ingest.body()).isEqualTo(200);
    }

    @Test
    void xsoarLogin_setsHostOnlyCookies() {
        ApiResponse login = client().post(LOGIN, ADMIN_BODY, "Content-Type", "application/json");

        assertThat(login.status()).as(login.body()).isEqualTo(200);
        Map<String, String> lines = setCookieLinesByName(login);
        assertThat(lines).containsKeys(LOGIN_COOKIES.toArray(String[]::new));
        for (String name : LOGIN_COOKIES) {
            Map<String, String> attributes = cookieAttributes(lines.get(name));
            assertThat(attributes).as("Path of %s in %s", name, lines.get(name)).containsEntry("path", "/");
            assertThat(attributes).as("Domain of %s in %s", name, lines.get(name)).doesNotContainKey("domain");
            assertThat(attributes).as("SameSite of %s in %s", name, lines.get(name))
                    .containsEntry("samesite", "Lax");
            assertThat(attributes).as("Secure of %s over http in %s", name, lines.get(name))
                    .doesNotContainKey("secure");
            assertThat(login.setCookies().get(name).value()).as("value of %s", name).isNotBlank();
        }
        assertThat(login.setCookies().get("KACE_LAST_USER_SECURE").value()).isEqualTo("admin");
        assertThat(login.setCookies().get("KACE_LAST_ORG_SECURE").value()).isEqualTo("Default");
    }

    @Test
    void xsoarHandBuiltCookieHeader_listsMachines() {
        ApiResponse login = client().post(LOGIN, ADMIN_BODY, "Content-Type", "application/json");
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        Map<String, ApiResponse.SetCookie> cookies = login.setCookies();

        List<String> pairs = new ArrayList<>();
        for (String name : List.of("KACE_CSRF_TOKEN", "x-dell-auth-jwt", "kboxid", "KACE_LAST_USER_SECURE",
                "KACE_LAST_ORG_SECURE")) {
            pairs.add(name + "=" + cookies.get(name).value());
        }
        ApiResponse list = client().get(MACHINES,
                "Cookie", String.join("; ", pairs),
                "x-dell-csrf-token", cookies.get("KACE_CSRF_TOKEN").value(),
                "x-dell-api-version", "5");

        assertThat(list.status()).as(list.body()).isEqualTo(200);
        JsonNode machines = list.json().get("Machines");
        assertThat(machines).as(list.body()).isNotNull();
        assertThat(machines.isArray()).isTrue();
        assertThat(machines.size()).isPositive();
        assertThat(machines.get(0).propertyNames()).containsExactlyElementsOf(STANDARD_MACHINE_KEYS);
    }

    @Test
    void unversionedLogin_returnsCsrfHeaderAndJsonBody() {
        ApiResponse login = client().post(LOGIN, ADMIN_BODY, "Content-Type", "application/json");

        assertThat(login.status()).as(login.body()).isEqualTo(200);
        String csrf = login.header("x-dell-csrf-token");
        assertThat(csrf).isNotBlank();
        assertThat(login.setCookies().get("KACE_CSRF_TOKEN").value()).isEqualTo(csrf);
        JsonNode body = login.json();
        assertThat(body.isObject()).as(login.body()).isTrue();
        assertThat(body.get("Result").asString()).isEqualTo("Success");
    }

    @Test
    void unversionedLogin_csrfHeaderWorksWithCookieJar() {
        ApiClient oomnitza = client();
        ApiResponse login = oomnitza.post(LOGIN, ADMIN_BODY, "Content-Type", "application/json");
        assertThat(login.status()).as(login.body()).isEqualTo(200);

        ApiResponse list = oomnitza.get(MACHINES,
                "x-dell-csrf-token", login.header("x-dell-csrf-token"),
                "x-dell-api-version", "8");

        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.json().get("Machines").size()).isPositive();
    }

    @Test
    void kaceAuthorizationHeader_aloneAuthenticates() {
        ApiResponse login = client().post(LOGIN, ADMIN_BODY, "Content-Type", "application/json",
                "x-kace-api-version", "8.1");
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        String token = login.header("x-kace-authorization");
        assertThat(token).isNotBlank();

        ApiResponse list = client().get(MACHINES + "?filtering=" + ApiClient.encode("Name co testhost"),
                "x-kace-authorization", token, "x-kace-api-version", "8.1");

        assertThat(list.status()).as(list.body()).isEqualTo(200);
        JsonNode machines = list.json().get("Machines");
        assertThat(machines.size()).as(list.body()).isPositive();
        for (JsonNode machine : machines) {
            assertThat(machine.get("Name").asString()).contains("testhost");
        }

        String id = machines.get(0).get("Id").asString();
        ApiResponse single = client().get(MACHINES + "/" + id,
                "x-kace-authorization", token, "x-kace-api-version", "8.1");
        assertThat(single.status()).as(single.body()).isEqualTo(200);
        JsonNode one = single.json().get("Machines");
        assertThat(one.isArray()).as(single.body()).isTrue();
        assertThat(one.size()).isEqualTo(1);
        assertThat(one.get(0).get("Id").asString()).isEqualTo(id);
    }

    @Test
    void kaceAuthorizationHeader_worksWithCookiesToo() {
        ApiClient ansible = client();
        ApiResponse login = ansible.post(LOGIN, ADMIN_BODY, "Content-Type", "application/json");
        assertThat(login.status()).as(login.body()).isEqualTo(200);

        ApiResponse list = ansible.get(MACHINES + "?filtering=" + ApiClient.encode("Name co hq"),
                "x-kace-authorization", login.header("x-kace-authorization"), "x-kace-api-version", "8.1");

        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.json().get("Machines").isArray()).isTrue();
    }

    @Test
    void v14BearerWithTwoCookies_returnsAllMachines() {
        ApiResponse login = client().post(LOGIN, ADMIN_BODY, "Content-Type", "application/json",
                "x-kace-api-version", "14");
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        String joinedSetCookie = String.join("\n", login.setCookieLines());
        assertThat(joinedSetCookie).contains("x-kace-auth-jwt=").contains("kboxid=");
        String jwt = login.setCookies().get("x-kace-auth-jwt").value();
        String sessionId = login.setCookies().get("kboxid").value();

        ApiResponse all = client().get(MACHINES + "?shaping=machine+all&paging=limit+0",
                "Authorization", "Bearer " + jwt,
                "Cookie", "kboxid=" + sessionId + "; x-kace-auth-jwt=" + jwt,
                "x-kace-api-version", "14");

        assertThat(all.status()).as(all.body()).isEqualTo(200);
        JsonNode body = all.json();
        int count = body.get("Count").asInt();
        assertThat(count).isPositive();
        assertThat(body.get("Machines").size()).isEqualTo(count);
        // "machine all" adds fields that the unshaped list leaves out.
        assertThat(body.get("Machines").get(0).has("Mac")).as(all.body()).isTrue();
    }

    @Test
    void v14BearerAlone_authenticates() {
        ApiResponse login = client().post(LOGIN, ADMIN_BODY, "Content-Type", "application/json",
                "x-kace-api-version", "14");
        String jwt = login.setCookies().get("x-kace-auth-jwt").value();

        ApiResponse list = client().get(MACHINES, "Authorization", "Bearer " + jwt);

        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.json().get("Machines").size()).isPositive();
    }

    @Test
    void cookieJarWithVersionHeader_getsWithoutCsrf() {
        for (String[] version : new String[][] {{"x-kace-api-version", "5"}, {"x-dell-api-version", "13"}}) {
            ApiClient jar = client();
            ApiResponse login = jar.post(LOGIN, ADMIN_BODY, "Content-Type", "application/json", version[0],
                    version[1]);
            assertThat(login.status()).as(login.body()).isEqualTo(200);

            ApiResponse list = jar.get(MACHINES, version[0], version[1]);

            assertThat(list.status()).as("%s: %s", version[0], list.body()).isEqualTo(200);
            assertThat(list.json().get("Machines").size()).isPositive();
        }
    }

    @Test
    void organizationName_matchesDefaultInAnyCase() {
        for (String organization : List.of("Default", "default", "DEFAULT", "dEfAuLt")) {
            ApiResponse login = client().post(LOGIN, "{\"userName\":\"admin\",\"password\":\"" + ADMIN_PASSWORD
                    + "\",\"organizationName\":\"" + organization + "\"}", "Content-Type", "application/json");

            assertThat(login.status()).as("%s: %s", organization, login.body()).isEqualTo(200);
            assertThat(login.setCookies().get("KACE_LAST_ORG_SECURE").value()).isEqualTo("Default");
            assertThat(login.json().get("organizationName").asString()).isEqualTo("Default");
        }
    }

    @Test
    void loginWithoutContentType_succeeds() {
        ApiClient client = client();

        ApiResponse login = client.post(LOGIN, ADMIN_BODY);

        assertThat(login.status()).as(login.body()).isEqualTo(200);
        assertThat(client.get(MACHINES).status()).isEqualTo(200);
    }

    @Test
    void chunkedLoginBody_succeeds() {
        ApiResponse login = RawHttp.postChunked(client().baseUrl() + LOGIN, ADMIN_BODY.getBytes(),
                "Content-Type", "application/json");

        assertThat(login.status()).as(login.body()).isEqualTo(200);
        assertThat(login.header("x-kace-authorization")).isNotBlank();
    }

    @Test
    void twoLoginsOfOneUser_bothStayValid() {
        ApiClient first = client();
        first.login("admin", ADMIN_PASSWORD);
        ApiClient second = client();
        second.login("admin", ADMIN_PASSWORD);

        ApiResponse firstList = first.get(MACHINES);
        ApiResponse secondList = second.get(MACHINES);

        assertThat(firstList.status()).as(firstList.body()).isEqualTo(200);
        assertThat(secondList.status()).as(secondList.body()).isEqualTo(200);
        assertThat(first.cookies().get("kboxid")).isNotEqualTo(second.cookies().get("kboxid"));
    }

    /** Returns each Set-Cookie line of the response by cookie name. */
    static Map<String, String> setCookieLinesByName(ApiResponse response) {
        Map<String, String> lines = new LinkedHashMap<>();
        response.setCookies().forEach((name, cookie) -> lines.put(name, cookie.line()));
        return lines;
    }

    /** Parses the attributes after the name=value pair into lower-case names, with "" for flags such as Secure. */
    static Map<String, String> cookieAttributes(String line) {
        Map<String, String> attributes = new LinkedHashMap<>();
        String[] parts = line.split(";");
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].strip();
            int equals = part.indexOf('=');
            String name = equals < 0 ? part : part.substring(0, equals).strip();
            String value = equals < 0 ? "" : part.substring(equals + 1).strip();
            attributes.put(name.toLowerCase(Locale.ROOT), value);
        }
        return attributes;
    }
}

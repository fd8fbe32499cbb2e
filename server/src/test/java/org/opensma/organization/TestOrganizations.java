package org.opensma.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.opensma.support.AgentSamples;
import org.opensma.support.ApiClient;
import org.opensma.support.ApiResponse;
import tools.jackson.databind.JsonNode;

/**
 * Builds organizations, users and machines through the API for tests. Names carry a
 * per-run suffix, because every test class shares one server and one database.
 */
public final class TestOrganizations {

    /** A password that meets the default password policy. */
    public static final String PASSWORD = "Correct-Horse-42";

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36);

    private TestOrganizations() {
    }

    /** An organization created in a test, with its agent token. */
    public record Org(long id, String name, String agentToken) {
    }

    /** A name no other test uses, starting with {@code prefix}. */
    public static String unique(String prefix) {
        return prefix + "-" + RUN + "-" + COUNTER.incrementAndGet();
    }

    /**
     * Returns the client after making it send {@code x-kace-api-version: 8}, as KACE
     * clients do; without it, a POST or DELETE without a JSON body fails the CSRF check.
     */
    public static ApiClient kaceClient(ApiClient client) {
        return client.header("x-kace-api-version", "8");
    }

    /** Creates an organization as the system administrator {@code admin}. */
    public static Org create(ApiClient admin, String name) {
        ApiResponse created = admin.post("/ams/shared/api/organizations", "{\"name\":\"" + name + "\"}",
                "Content-Type", "application/json");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        JsonNode json = created.json();
        return new Org(json.get("IDs").get(0).asLong(), name, json.get("agentToken").asString());
    }

    /** Switches the session of {@code client} to the organization. */
    public static void switchTo(ApiClient client, long orgId) {
        ApiResponse switched = client.post("/ams/shared/api/security/organization/" + orgId + "/switchto", null);
        assertThat(switched.status()).as(switched.body()).isEqualTo(200);
    }

    /** Creates a user in the organization the session of {@code admin} works in, and returns the id. */
    public static long createUser(ApiClient admin, String userName, String role) {
        ApiResponse created = admin.post("/api/users/users", "{\"Users\":[{\"user_name\":\"" + userName
                + "\",\"full_name\":\"Test " + userName + "\",\"email\":\"" + userName + "@example.test\","
                + "\"password\":\"" + PASSWORD + "\",\"role\":\"" + role + "\"}]}", "Content-Type", "application/json");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        return created.json().get("IDs").get(0).asLong();
    }

    /** Creates a custom role in the organization the session of {@code admin} works in. */
    public static long createRole(ApiClient admin, String roleJson) {
        ApiResponse created = admin.post("/api/users/roles", "{\"Roles\":[" + roleJson + "]}",
                "Content-Type", "application/json");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        return created.json().get("IDs").get(0).asLong();
    }

    /** Logs in to a given organization; fails the test unless the server returns 200. */
    public static ApiClient login(String baseUrl, String userName, String password, String orgName) {
        ApiClient client = kaceClient(new ApiClient(baseUrl));
        ApiResponse login = client.post("/ams/shared/api/security/login", "{\"userName\":\"" + userName
                + "\",\"password\":\"" + password + "\",\"organizationName\":\"" + orgName + "\"}",
                "Content-Type", "application/json");
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return client;
    }

    /** Sends the recorded OCS inventory with the organization's agent token, creating machine testhost-01 there. */
    public static void seedMachine(ApiClient anyClient, String agentToken) {
        ApiResponse ingest = anyClient.postBytes("/ocsinventory", AgentSamples.ocsInventoryZlib(),
                "Authorization", AgentSamples.basicAuth("agent", agentToken),
                "Content-Type", "application/x-compress");
        assertThat(ingest.status()).as(ingest.body()).isEqualTo(200);
    }

    /** The values of {@code key} of every item under {@code collection}. */
    public static List<Long> ids(ApiResponse list, String collection, String key) {
        List<Long> ids = new ArrayList<>();
        for (JsonNode item : list.json().get(collection)) {
            ids.add(Long.parseLong(item.get(key).asString()));
        }
        return ids;
    }
}

package org.opensma.inventory.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensma.inventory.ingest.AgentRequests.ENDPOINT;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.opensma.inventory.ingest.AgentRequests.StoredInventory;
import org.opensma.support.AgentSamples;
import org.opensma.support.ApiClient;
import org.opensma.support.ApiResponse;
import org.opensma.support.ApiTestBase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The agent endpoint with the GLPI Agent native JSON protocol: a CONTACT and an inventory, zlib
 * or plain, and messages that break the inventory format. Each inventory is renamed to a host of
 * its own, so the machines of different tests stay apart.
 */
class GlpiInventoryTest extends ApiTestBase {

    private static final String GLPI_USER_AGENT = "GLPI-Agent_v1.7";
    private static final String AGENT_ID = "3a5b1c2d-4e6f-4a8b-9c0d-1e2f3a4b5c6d";
    private static final String SAMPLE_HOST = "testhost-01";
    private static final int AGENT_REJECTED = 1300;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void zlibContact_getsZlibJsonWithInventoryTask() {
        ApiResponse response = post(AgentSamples.zlib(sample("contact.json")), "application/x-compress-zlib");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/x-compress-zlib");
        assertThat(response.bytes()[0]).isEqualTo((byte) 0x78);
        assertThat(response.bytes()[1]).isEqualTo((byte) 0x9C);
        JsonNode reply = JSON.readTree(AgentSamples.inflate(response.bytes()));
        assertThat(reply.get("status").asString()).isEqualTo("ok");
        assertThat(reply.get("expiration").isInt()).isTrue();
        assertThat(reply.get("expiration").asInt()).isEqualTo(24);
        assertThat(reply.get("tasks").get("inventory").isObject()).isTrue();
    }

    @Test
    void plainContact_getsPlainJson() {
        ApiResponse response = post(sample("contact.json"), "application/json");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.json().get("status").asString()).isEqualTo("ok");
        assertThat(response.json().get("expiration").asInt()).isEqualTo(24);
        assertThat(response.json().get("tasks").has("inventory")).isTrue();
    }

    @Test
    void zlibInventory_isListedWithItsValues() {
        ApiResponse response = post(AgentSamples.zlib(inventoryFor("glpi-zlib-host")), "application/x-compress-zlib");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/x-compress-zlib");
        JsonNode reply = JSON.readTree(AgentSamples.inflate(response.bytes()));
        assertThat(reply.get("status").asString()).isEqualTo("ok");
        assertThat(reply.get("expiration").asInt()).isEqualTo(24);
        assertThat(reply.has("tasks")).isFalse();
        assertStoredSample("glpi-zlib-host");
    }

    @Test
    void plainInventory_isStoredWithPlainReply() {
        ApiResponse response = post(inventoryFor("glpi-plain-host"), "application/json");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.body()).isEqualTo("{\"status\":\"ok\",\"expiration\":24}");
        assertStoredSample("glpi-plain-host");
    }

    @Test
    void gzipInventory_isStoredWithPlainReply() {
        ApiResponse response = post(gzip(inventoryFor("glpi-gzip-host")), "application/x-compress-gzip");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.json().get("status").asString()).isEqualTo("ok");
        assertStoredSample("glpi-gzip-host");
    }

    @Test
    void contactOfKnownMachine_keepsItsInventory() {
        post(inventoryFor("glpi-contact-host"), "application/json");
        byte[] contact = sampleText("contact.json").replace(SAMPLE_HOST, "glpi-contact-host")
                .getBytes(StandardCharsets.UTF_8);

        ApiResponse response = post(contact, "application/json");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertStoredSample("glpi-contact-host");
    }

    @Test
    void noAuthorization_gets401() {
        ApiClient admin = admin();
        StoredInventory before = StoredInventory.read(admin);

        ApiResponse response = client().postBytes(ENDPOINT, inventoryFor("glpi-no-auth-host"),
                "Content-Type", "application/json", "User-Agent", GLPI_USER_AGENT, "GLPI-Agent-ID", AGENT_ID);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Basic realm=\"OpenSMA\"");
        assertThat(machinesNamed(admin, "glpi-no-auth-host")).isEmpty();
        assertThat(StoredInventory.read(admin)).isEqualTo(before);
    }

    @Test
    void malformedJson_gets400() {
        byte[] inventory = inventoryFor("glpi-malformed-host");
        byte[] half = Arrays.copyOf(inventory, inventory.length / 2);

        assertRejected(half, "application/json", "glpi-malformed-host", "Invalid JSON");
        assertRejected(AgentSamples.zlib(half), "application/x-compress-zlib", "glpi-malformed-host",
                "Invalid JSON");
        assertRejected("[]".getBytes(StandardCharsets.UTF_8), "application/json", "glpi-malformed-host",
                "Invalid GLPI Agent message at $: the root must be an object");
    }

    @Test
    void schemaViolations_get400() {
        String host = "glpi-schema-host";
        String inventory = new String(inventoryFor(host), StandardCharsets.UTF_8);
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] {"\"memory\": 24105", "\"memory\": \"24105\"",
                "at content.hardware.memory: expected an integer, found string '24105'"});
        cases.add(new String[] {"\"versionclient\": \"GLPI-Agent_v1.7\",", "",
                "at content.versionclient: the required property is missing"});
        cases.add(new String[] {"\"deviceid\": \"" + host + "-", "\"deviceid\": \"" + host + " ",
                "at deviceid: '" + host + " 2026-12-04-19-28-08' is invalid"});
        cases.add(new String[] {"\"partial\": false", "\"partial\": true",
                "at partial: partial inventories are not supported"});
        cases.add(new String[] {"\"action\": \"inventory\"", "\"action\": \"netdiscovery\"",
                "at action: 'netdiscovery' is not supported; expected inventory or contact"});
        cases.add(new String[] {"\"virtualdev\": false", "\"virtualdev\": 0",
                "at content.networks[2].virtualdev: expected a boolean, found number 0"});

        for (String[] violation : cases) {
            assertThat(inventory).as("sample text to replace").contains(violation[0]);
            byte[] body = inventory.replaceFirst(Pattern.quote(violation[0]), violation[1])
                    .getBytes(StandardCharsets.UTF_8);

            assertRejected(body, "application/json", host, violation[2]);
            assertRejected(AgentSamples.zlib(body), "application/x-compress-zlib", host, violation[2]);
        }
    }

    /** Checks what the API lists for a machine stored from the GLPI sample. */
    private void assertStoredSample(String host) {
        List<JsonNode> machines = machinesNamed(admin(), host);
        assertThat(machines).as("machines named %s", host).hasSize(1);
        JsonNode machine = machines.getFirst();
        assertThat(machine.get("Os_name").asString()).isEqualTo("Debian GNU/Linux 12 (bookworm)");
        assertThat(machine.get("Ip").asString()).isEqualTo("192.0.2.2");
        assertThat(machine.get("Mac").asString()).isEqualTo("00:00:5e:00:53:03");
        assertThat(machine.get("Ram Total").asString()).isEqualTo("24105 MB");
        assertThat(machine.get("Client_version").asString()).isEqualTo("GLPI-Agent_v1.7");

        List<String> software = new ArrayList<>();
        for (JsonNode title : machine.get("Software")) {
            software.add(title.get("DISPLAY_NAME").asString());
        }
        assertThat(software).containsExactlyInAnyOrder("bash", "curl", "perl", "postgresql-15", "tzdata");
    }

    /** Posts the body as GLPI Agent and checks the KACE error envelope and that nothing was stored. */
    private void assertRejected(byte[] body, String contentType, String host, String messagePart) {
        ApiClient admin = admin();
        StoredInventory before = StoredInventory.read(admin);

        ApiResponse response = post(body, contentType);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        JsonNode error = response.json();
        assertThat(error.get("errorCode").asInt()).isEqualTo(AGENT_REJECTED);
        assertThat(error.get("errorDescription").asString()).contains(messagePart);
        assertThat(machinesNamed(admin, host)).as("machines named %s", host).isEmpty();
        assertThat(StoredInventory.read(admin)).isEqualTo(before);
    }

    private ApiResponse post(byte[] body, String contentType) {
        return client().postBytes(ENDPOINT, body,
                "Authorization", AgentSamples.basicAuth("agent", AGENT_TOKEN),
                "Content-Type", contentType,
                "User-Agent", GLPI_USER_AGENT,
                "GLPI-Agent-ID", AGENT_ID);
    }

    /** Returns the machines that {@code filtering=name eq host} lists, with their software. */
    private static List<JsonNode> machinesNamed(ApiClient admin, String host) {
        ApiResponse list = admin.get("/api/inventory/machines?filtering=" + ApiClient.encode("name eq " + host)
                + "&shaping=" + ApiClient.encode("machine all,software limited")
                + "&paging=" + ApiClient.encode("limit 0"));
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        List<JsonNode> machines = new ArrayList<>();
        list.json().get("Machines").forEach(machines::add);
        return machines;
    }

    /** Returns the GLPI sample inventory renamed to another host, in its name and its deviceid. */
    private static byte[] inventoryFor(String host) {
        String json = sampleText("inventory.json");
        assertThat(json).contains("\"name\": \"" + SAMPLE_HOST + "\"");
        return json.replace(SAMPLE_HOST, host).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sample(String name) {
        return sampleText(name).getBytes(StandardCharsets.UTF_8);
    }

    private static String sampleText(String name) {
        try {
            return Files.readString(AgentSamples.SAMPLES.resolve("glpi").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("GLPI sample missing: " + name, e);
        }
    }

    private static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

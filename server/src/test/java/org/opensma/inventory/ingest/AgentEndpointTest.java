package org.opensma.inventory.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensma.inventory.ingest.AgentRequests.ENDPOINT;
import static org.opensma.inventory.ingest.AgentRequests.FUSION_USER_AGENT;
import static org.opensma.inventory.ingest.AgentRequests.OCS_USER_AGENT;
import static org.opensma.inventory.ingest.AgentRequests.SAMPLE_HOST;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.opensma.inventory.ingest.AgentRequests.StoredInventory;
import org.opensma.support.AgentSamples;
import org.opensma.support.ApiClient;
import org.opensma.support.ApiResponse;
import org.opensma.support.ApiTestBase;
import tools.jackson.databind.JsonNode;

/** The agent endpoint with the recorded messages of the OCS and FusionInventory agents. */
class AgentEndpointTest extends ApiTestBase {

    /** Distinct software titles (name, version, publisher) in each recorded inventory. */
    private static final int SAMPLE_SOFTWARE_TITLES = 806;

    @Test
    void noAuthorization_gets401WithBasicChallenge() {
        ApiResponse response = client().postBytes(ENDPOINT, AgentSamples.ocsPrologZlib(),
                "Content-Type", "application/x-compress", "User-Agent", OCS_USER_AGENT);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Basic realm=\"OpenSMA\"");
        assertThat(response.json().get("errorCode").asInt()).isEqualTo(-1);
        assertThat(response.json().get("errorDescription").asString())
                .isEqualTo("Agent token required: send it as the HTTP Basic password");
    }

    @Test
    void wrongToken_gets401AndStoresNothing() {
        ApiClient admin = admin();
        StoredInventory before = StoredInventory.read(admin);
        byte[] inventory = AgentSamples.zlib(AgentRequests.ocsInventoryXmlFor("wrong-token-host")
                .getBytes(StandardCharsets.UTF_8));

        ApiResponse response = client().postBytes(ENDPOINT, inventory,
                "Authorization", AgentSamples.basicAuth("agent", "not-the-agent-token"),
                "Content-Type", "application/x-compress", "User-Agent", OCS_USER_AGENT);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Basic realm=\"OpenSMA\"");
        assertThat(response.json().get("errorDescription").asString())
                .isEqualTo("Agent token rejected: the HTTP Basic password is not a known agent token");
        assertThat(AgentRequests.machinesNamed(admin, "wrong-token-host")).isEmpty();
        assertThat(StoredInventory.read(admin)).isEqualTo(before);
    }

    @Test
    void sessionLogin_doesNotAuthenticateAgentEndpoint() {
        ApiClient admin = admin();

        ApiResponse response = admin.postBytes(ENDPOINT, AgentSamples.ocsPrologZlib(),
                "Content-Type", "application/x-compress",
                "x-kace-authorization", admin.cookies().get("x-kace-auth-jwt"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Basic realm=\"OpenSMA\"");
    }

    @Test
    void ocsProlog_getsZlibReplyToSend() throws Exception {
        ApiResponse response = AgentRequests.post(client(), AgentSamples.ocsPrologZlib(), "application/x-compress",
                OCS_USER_AGENT);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.bytes().length).isGreaterThan(2);
        assertThat(response.bytes()[0]).isEqualTo((byte) 0x78);
        assertThat(response.bytes()[1]).isEqualTo((byte) 0x9C);
        byte[] reply = AgentSamples.inflate(response.bytes());
        assertThat(AgentRequests.replyResponse(reply)).isEqualTo("SEND");
        assertThat(new String(reply, StandardCharsets.UTF_8)).contains("<PROLOG_FREQ>24</PROLOG_FREQ>");
    }

    @Test
    void ocsInventory_isListedWithItsValues() throws Exception {
        ApiResponse response = AgentRequests.post(client(), AgentSamples.ocsInventoryZlib(),
                "application/x-compress", OCS_USER_AGENT);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.bytes()[0]).isEqualTo((byte) 0x78);
        assertThat(response.bytes()[1]).isEqualTo((byte) 0x9C);
        assertThat(AgentRequests.replyResponse(AgentSamples.inflate(response.bytes())))
                .isEqualTo("no_account_update");

        JsonNode machine = AgentRequests.machineNamed(admin(), SAMPLE_HOST);
        assertThat(machine.get("Os_name").asString()).isEqualTo("Debian GNU/Linux 12");
        assertThat(machine.get("Ip").asString()).isEqualTo("192.0.2.2");
        assertThat(machine.get("Ram Total").asString()).isEqualTo("24105 MB");
        assertThat(machine.get("Mac").asString()).isEqualTo("00:00:5e:00:53:03");
        assertThat(machine.get("Client_version").asString()).isEqualTo(OCS_USER_AGENT);
    }

    @Test
    void ocsInventory_storesEverySoftwareTitle() {
        AgentRequests.post(client(), AgentSamples.ocsInventoryZlib(), "application/x-compress", OCS_USER_AGENT);

        ApiResponse list = admin().get("/api/inventory/machines?filtering="
                + ApiClient.encode("name eq " + SAMPLE_HOST) + "&shaping="
                + ApiClient.encode("machine limited,software limited") + "&paging=" + ApiClient.encode("limit 0"));

        assertThat(list.status()).as(list.body()).isEqualTo(200);
        JsonNode software = list.json().get("Machines").get(0).get("Software");
        assertThat(software.size()).isEqualTo(SAMPLE_SOFTWARE_TITLES);
        Set<String> names = new HashSet<>();
        for (JsonNode title : software) {
            names.add(title.get("DISPLAY_NAME").asString());
        }
        assertThat(names).hasSize(SAMPLE_SOFTWARE_TITLES).contains("adduser", "bash", "ocsinventory-agent");
    }

    @Test
    void ocsInventorySentTwice_keepsOneMachine() throws Exception {
        ApiClient admin = admin();
        AgentRequests.post(client(), AgentSamples.ocsInventoryZlib(), "application/x-compress", OCS_USER_AGENT);
        StoredInventory before = StoredInventory.read(admin);
        String firstInventory = AgentRequests.machineNamed(admin, SAMPLE_HOST).get("Last_inventory").asString();

        // Last_inventory has whole seconds, so the second inventory must come in a later second.
        Thread.sleep(1100);
        ApiResponse again = AgentRequests.post(client(), AgentSamples.ocsInventoryZlib(), "application/x-compress",
                OCS_USER_AGENT);

        assertThat(again.status()).as(again.body()).isEqualTo(200);
        StoredInventory after = StoredInventory.read(admin);
        assertThat(after.machines()).isEqualTo(before.machines());
        assertThat(after.softwareLinks()).isEqualTo(before.softwareLinks());
        JsonNode machine = AgentRequests.machineNamed(admin, SAMPLE_HOST);
        assertThat(machine.get("Last_inventory").asString()).isGreaterThan(firstInventory);
        assertThat(machine.get("Software").size()).isEqualTo(SAMPLE_SOFTWARE_TITLES);
    }

    @Test
    void fusionInventory_isStored() throws Exception {
        ApiResponse response = AgentRequests.post(client(), AgentSamples.fusionInventoryZlib(),
                "application/x-compress-zlib", FUSION_USER_AGENT);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/x-compress-zlib");
        assertThat(AgentRequests.replyResponse(AgentSamples.inflate(response.bytes())))
                .isEqualTo("no_account_update");
        JsonNode machine = AgentRequests.machineNamed(admin(), SAMPLE_HOST);
        assertThat(machine.get("Os_name").asString()).isEqualTo("Debian GNU/Linux 12 (bookworm)");
        assertThat(machine.get("Ip").asString()).isEqualTo("192.0.2.2");
        assertThat(machine.get("Ram Total").asString()).isEqualTo("24105 MB");
        assertThat(machine.get("Client_version").asString()).isEqualTo(FUSION_USER_AGENT);
        assertThat(machine.get("Software").size()).isEqualTo(SAMPLE_SOFTWARE_TITLES);
    }

    @Test
    void plainXmlProlog_getsPlainXmlReply() throws Exception {
        byte[] prolog = AgentSamples.inflate(AgentSamples.ocsPrologZlib());

        ApiResponse response = AgentRequests.post(client(), prolog, "application/xml", FUSION_USER_AGENT);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/xml");
        assertThat(response.body()).startsWith("<?xml");
        assertThat(AgentRequests.replyResponse(response.bytes())).isEqualTo("SEND");
    }

    @Test
    void plainXmlInventory_isStoredWithPlainReply() throws Exception {
        byte[] inventory = AgentRequests.ocsInventoryXmlFor("plain-xml-host").getBytes(StandardCharsets.UTF_8);

        ApiResponse response = AgentRequests.post(client(), inventory, "application/xml", FUSION_USER_AGENT);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(AgentRequests.replyResponse(response.bytes())).isEqualTo("no_account_update");
        JsonNode machine = AgentRequests.machineNamed(admin(), "plain-xml-host");
        assertThat(machine.get("Software").size()).isEqualTo(SAMPLE_SOFTWARE_TITLES);
    }

    @Test
    void gzipPrologFromOcsAgent_getsGzipReply() throws Exception {
        byte[] prolog = gzip(AgentSamples.inflate(AgentSamples.ocsPrologZlib()));

        ApiResponse response = AgentRequests.post(client(), prolog, "application/x-compress", OCS_USER_AGENT);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.bytes()[0]).isEqualTo((byte) 0x1F);
        assertThat(response.bytes()[1]).isEqualTo((byte) 0x8B);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(response.bytes()))) {
            assertThat(AgentRequests.replyResponse(in.readAllBytes())).isEqualTo("SEND");
        }
    }

    @Test
    void fusionJsonAction_getsEmptyObject() {
        ApiResponse response = client().get(ENDPOINT + "?action=getConfig&machineid=" + SAMPLE_HOST,
                "Authorization", AgentSamples.basicAuth("agent", AGENT_TOKEN), "User-Agent", FUSION_USER_AGENT);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().isObject()).isTrue();
        assertThat(response.json().size()).isZero();
    }

    private static byte[] gzip(byte[] plain) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(plain);
        }
        return out.toByteArray();
    }
}

package org.opensma.inventory.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.opensma.support.AgentSamples;
import org.opensma.support.ApiClient;
import org.opensma.support.ApiResponse;
import org.opensma.support.ApiTestBase;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;

/** Agent requests built from the recorded samples, and what the API lists afterwards. */
final class AgentRequests {

    static final String ENDPOINT = "/ocsinventory";
    static final String SAMPLE_HOST = "testhost-01";
    static final String OCS_USER_AGENT = "OCS-NG_unified_unix_agent_v2.10.0";
    static final String FUSION_USER_AGENT = "FusionInventory-Agent_v2.6-3";

    /** Listing that shows every machine with its software titles. */
    static final String MACHINES_WITH_SOFTWARE = "/api/inventory/machines?shaping="
            + ApiClient.encode("machine all,software limited") + "&paging=" + ApiClient.encode("limit 0");

    private AgentRequests() {
    }

    /** Posts a body with the test agent token, as the named agent. */
    static ApiResponse post(ApiClient client, byte[] body, String contentType, String userAgent) {
        return client.postBytes(ENDPOINT, body,
                "Authorization", AgentSamples.basicAuth("agent", ApiTestBase.AGENT_TOKEN),
                "Content-Type", contentType,
                "User-Agent", userAgent);
    }

    /** Returns the decoded OCS sample inventory. */
    static String ocsInventoryXml() {
        return new String(AgentSamples.inflate(AgentSamples.ocsInventoryZlib()), StandardCharsets.UTF_8);
    }

    /**
     * Returns the OCS sample inventory renamed to another host, so that if the server
     * stored it, a new machine with that name would appear.
     */
    static String ocsInventoryXmlFor(String host) {
        String xml = ocsInventoryXml();
        assertThat(xml).contains("<NAME>" + SAMPLE_HOST + "</NAME>");
        return xml.replace(SAMPLE_HOST, host);
    }

    /** Parses an agent reply and returns the text of RESPONSE, failing unless the root is REPLY. */
    static String replyResponse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        assertThat(document.getDocumentElement().getTagName()).isEqualTo("REPLY");
        return document.getElementsByTagName("RESPONSE").item(0).getTextContent();
    }

    /** Returns the machines with the given name, in the full shape with software titles. */
    static List<JsonNode> machinesNamed(ApiClient admin, String name) {
        ApiResponse list = admin.get(MACHINES_WITH_SOFTWARE);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        List<JsonNode> named = new ArrayList<>();
        for (JsonNode machine : list.json().get("Machines")) {
            if (machine.get("Name").asString().equals(name)) {
                named.add(machine);
            }
        }
        return named;
    }

    /** Returns the one machine with the given name, and fails if there is none or more than one. */
    static JsonNode machineNamed(ApiClient admin, String name) {
        List<JsonNode> named = machinesNamed(admin, name);
        assertThat(named).as("machines named %s", name).hasSize(1);
        return named.getFirst();
    }

    /** Everything the API shows about stored inventory, to compare before and after a request. */
    record StoredInventory(int machines, int softwareLinks, String listing) {

        static StoredInventory read(ApiClient admin) {
            ApiResponse list = admin.get(MACHINES_WITH_SOFTWARE);
            assertThat(list.status()).as(list.body()).isEqualTo(200);
            JsonNode body = list.json();
            int software = 0;
            for (JsonNode machine : body.get("Machines")) {
                JsonNode titles = machine.get("Software");
                software += titles == null ? 0 : titles.size();
            }
            return new StoredInventory(body.get("Count").asInt(), software, list.body());
        }
    }
}

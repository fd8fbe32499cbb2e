package org.opensma.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opensma.support.AgentSamples;
import org.opensma.support.ApiClient;
import org.opensma.support.ApiResponse;
import org.opensma.support.ApiTestBase;
import tools.jackson.databind.JsonNode;

/**
 * A machine that a test sends through the OCS agent endpoint, since agents are the only way
 * machines enter the server for now.
 *
 * @param name     HARDWARE/NAME, stored as {@code Name}
 * @param osName   HARDWARE/OSNAME, stored as {@code Os_name}
 * @param ramMb    HARDWARE/MEMORY in MB, stored as {@code Ram Total}
 * @param ip       HARDWARE/IPADDR, stored as {@code Ip}
 * @param software the SOFTWARES entries
 */
record SeedMachine(String name, String osName, long ramMb, String ip, List<SeedSoftware> software) {

    /** One SOFTWARES entry of an inventory. */
    record SeedSoftware(String name, String version, String publisher) {
    }

    /**
     * Sends the inventory of this machine under the agent device id {@code deviceKey}, which must
     * be unique in the suite and contain only letters, digits, '.', '_' and '-'.
     */
    void ingest(ApiClient client, String deviceKey) {
        ApiResponse response = client.postBytes("/ocsinventory", AgentSamples.zlib(inventoryXml(deviceKey)),
                "Authorization", AgentSamples.basicAuth("agent", ApiTestBase.AGENT_TOKEN),
                "Content-Type", "application/x-compress");
        assertThat(response.status()).as("ingest of %s: %s", name, response.body()).isEqualTo(200);
    }

    private byte[] inventoryXml(String deviceKey) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<REQUEST><CONTENT>");
        xml.append("<HARDWARE><NAME>").append(escape(name)).append("</NAME><OSNAME>").append(escape(osName))
                .append("</OSNAME><MEMORY>").append(ramMb).append("</MEMORY><IPADDR>").append(escape(ip))
                .append("</IPADDR></HARDWARE>");
        xml.append("<BIOS><SMANUFACTURER>OpenSMA Test</SMANUFACTURER><SMODEL>Model T</SMODEL>")
                .append("<SSN>SN-").append(escape(deviceKey)).append("</SSN></BIOS>");
        for (SeedSoftware title : software) {
            xml.append("<SOFTWARES><NAME>").append(escape(title.name())).append("</NAME><VERSION>")
                    .append(escape(title.version())).append("</VERSION><PUBLISHER>").append(escape(title.publisher()))
                    .append("</PUBLISHER></SOFTWARES>");
        }
        xml.append("</CONTENT><DEVICEID>").append(deviceKey).append("-2026-01-01-00-00-00</DEVICEID>")
                .append("<QUERY>INVENTORY</QUERY></REQUEST>");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Returns the {@code Id} of every machine whose name starts with {@code prefix}, by name. */
    static Map<String, String> idsByName(ApiClient admin, String prefix) {
        ApiResponse response = admin.get("/api/inventory/machines?paging=limit%20ALL&filtering="
                + ApiClient.encode("name st " + prefix));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Map<String, String> ids = new LinkedHashMap<>();
        for (JsonNode machine : response.json().get("Machines")) {
            ids.put(machine.get("Name").asString(), machine.get("Id").asString());
        }
        return ids;
    }

    /** Returns the {@code Id} values of a list response, in order. */
    static List<String> ids(ApiResponse response) {
        List<String> ids = new ArrayList<>();
        for (JsonNode machine : response.json().get("Machines")) {
            ids.add(machine.get("Id").asString());
        }
        return ids;
    }
}

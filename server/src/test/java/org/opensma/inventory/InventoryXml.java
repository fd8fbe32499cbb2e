package org.opensma.inventory;

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

/**
 * An OCS inventory message built section by section, sent to the agent endpoint as an agent
 * sends it. Field values are written in the order given.
 */
public final class InventoryXml {

    private final String deviceKey;
    private final List<Map.Entry<String, Map<String, String>>> sections = new ArrayList<>();

    /** Starts an inventory under {@code deviceKey}, which must be unique in the suite. */
    public InventoryXml(String deviceKey) {
        this.deviceKey = deviceKey;
    }

    /** Adds one occurrence of a section from name, value pairs. */
    public InventoryXml section(String name, String... fieldsAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i + 1 < fieldsAndValues.length; i += 2) {
            fields.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        sections.add(Map.entry(name, fields));
        return this;
    }

    /** Sends the inventory and fails the test unless the server accepts it. */
    public void ingest(ApiClient client) {
        ApiResponse response = client.postBytes("/ocsinventory", AgentSamples.zlib(xml()),
                "Authorization", AgentSamples.basicAuth("agent", ApiTestBase.AGENT_TOKEN),
                "Content-Type", "application/x-compress");
        assertThat(response.status()).as("ingest of %s: %s", deviceKey, response.body()).isEqualTo(200);
    }

    private byte[] xml() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<REQUEST><CONTENT>");
        for (Map.Entry<String, Map<String, String>> section : sections) {
            xml.append('<').append(section.getKey()).append('>');
            section.getValue().forEach((field, value) -> xml.append('<').append(field).append('>')
                    .append(escape(value)).append("</").append(field).append('>'));
            xml.append("</").append(section.getKey()).append('>');
        }
        xml.append("</CONTENT><DEVICEID>").append(deviceKey).append("-2026-01-01-00-00-00</DEVICEID>")
                .append("<QUERY>INVENTORY</QUERY></REQUEST>");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

package org.opensma.agent.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.opensma.agent.AgentProtocolException;
import org.opensma.agent.AgentProtocolException.Problem;
import org.opensma.agent.Samples;
import org.opensma.agent.machine.MachineSnapshot;
import org.opensma.agent.machine.MachineSnapshotMapper;
import org.opensma.agent.machine.SoftwareItem;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class GlpiMessageParserTest {

    private static final String INVENTORY = "glpi/inventory.json";
    private static final String CONTACT = "glpi/contact.json";
    private static final String DEVICE_ID = "testhost-01-2026-12-04-19-28-08";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void contact_readsAgentFields() {
        GlpiMessage message = GlpiMessageParser.parse(Samples.bytes(CONTACT));

        assertThat(message).isInstanceOf(GlpiMessage.Contact.class);
        GlpiMessage.Contact contact = (GlpiMessage.Contact) message;
        assertThat(contact.deviceId()).isEqualTo(DEVICE_ID);
        assertThat(contact.agentName()).isEqualTo("GLPI-Agent");
        assertThat(contact.agentVersion()).isEqualTo("1.7");
        assertThat(contact.enabledTasks()).containsExactly("Inventory");
        assertThat(contact.tag()).isEqualTo("lab-1");
    }

    @Test
    void inventory_mapsKeysToXmlNames() {
        Inventory inventory = parseInventory(Samples.bytes(INVENTORY));

        assertThat(inventory.first("HARDWARE").get("MEMORY")).isEqualTo("24105");
        assertThat(inventory.first("HARDWARE").get("SWAP")).isEqualTo("0");
        assertThat(inventory.first("OPERATINGSYSTEM").get("TIMEZONE/NAME")).isEqualTo("UTC");
        assertThat(inventory.first("OPERATINGSYSTEM").get("TIMEZONE/OFFSET")).isEqualTo("+0000");
        assertThat(inventory.first("VERSIONCLIENT").text()).isEqualTo("GLPI-Agent_v1.7");
        assertThat(inventory.first("CPUS").get("SPEED")).isEqualTo("2450");

        Section bash = inventory.first("SOFTWARES");
        assertThat(bash.get("NAME")).isEqualTo("bash");
        assertThat(bash.get("INSTALLDATE")).isEqualTo("2026-11-30");
        assertThat(bash.has("INSTALL_DATE")).isFalse();
        assertThat(bash.get("NO_REMOVE")).isEqualTo("1");
        assertThat(bash.get("FILESIZE")).isEqualTo("7335936");
        assertThat(inventory.all("SOFTWARES")).hasSize(5);

        List<Section> networks = inventory.all("NETWORKS");
        assertThat(networks).hasSize(4);
        assertThat(networks.get(2).get("MACADDR")).isEqualTo("00:00:5e:00:53:03");
        assertThat(networks.get(2).has("MAC")).isFalse();
        assertThat(networks.get(0).get("VIRTUALDEV")).isEqualTo("1");
        assertThat(networks.get(2).get("VIRTUALDEV")).isEqualTo("0");

        assertThat(inventory.first("LOCAL_GROUPS").get("MEMBER")).isEqualTo("postgres, admin");
        assertThat(inventory.first("PROCESSES").get("CPUUSAGE")).isEqualTo("0.4");
        assertThat(inventory.first("PROCESSES").get("MEM")).isEqualTo("0.0");
        assertThat(inventory.first("ACCOUNTINFO").get("KEYNAME")).isEqualTo("TAG");
        assertThat(inventory.first("ACCOUNTINFO").get("KEYVALUE")).isEqualTo("lab-1");
    }

    @Test
    void inventory_mapsToSameMachineAsXml() {
        Inventory json = parseInventory(Samples.bytes(INVENTORY));
        OcsMessage.InventoryMessage xml =
                (OcsMessage.InventoryMessage) OcsMessageParser.parse(Samples.bytes(Samples.FI_LOCAL));

        MachineSnapshot fromJson = MachineSnapshotMapper.map(DEVICE_ID, json, null);
        MachineSnapshot fromXml = MachineSnapshotMapper.map(xml.deviceId(), xml.inventory(), Samples.FI_USER_AGENT);

        assertThat(fromJson.name()).isEqualTo(fromXml.name()).isEqualTo("testhost-01");
        assertThat(fromJson.osName()).isEqualTo(fromXml.osName());
        assertThat(fromJson.osArch()).isEqualTo(fromXml.osArch());
        assertThat(fromJson.ip()).isEqualTo(fromXml.ip()).isEqualTo("192.0.2.2");
        assertThat(fromJson.mac()).isEqualTo(fromXml.mac());
        assertThat(fromJson.ramTotalMb()).isEqualTo(fromXml.ramTotalMb()).isEqualTo(24105L);
        assertThat(fromJson.tzAgent()).isEqualTo(fromXml.tzAgent());
        assertThat(fromJson.lastReboot()).isEqualTo(fromXml.lastReboot());
        assertThat(fromJson.clientVersion()).isEqualTo("GLPI-Agent_v1.7");
        assertThat(fromJson.ramMaxMb()).isEqualTo(24576L);
        assertThat(fromJson.biosSerialNumber()).isEqualTo("FAKE-SYSTEM-0001");

        SoftwareItem bash = fromJson.software().getFirst();
        assertThat(bash.name()).isEqualTo("bash");
        assertThat(bash.version()).isEqualTo("5.2.15-2+b8");
        assertThat(bash.installDate()).startsWith("2026-11-30");
        assertThat(fromJson.software()).extracting(SoftwareItem::name)
                .containsExactly("bash", "curl", "perl", "postgresql-15", "tzdata");
    }

    @Test
    void missingAction_meansInventory() {
        ObjectNode message = sample(INVENTORY);
        message.remove("action");

        assertThat(GlpiMessageParser.parse(bytes(message))).isInstanceOf(GlpiMessage.InventoryMessage.class);
    }

    @Test
    void minimalInventory_isAccepted() {
        String json = "{\"deviceid\":\"" + DEVICE_ID + "\",\"content\":{\"versionclient\":\"GLPI-Agent_v1.7\"}}";

        Inventory inventory = parseInventory(json.getBytes(StandardCharsets.UTF_8));

        assertThat(inventory.sections().keySet()).containsExactly("VERSIONCLIENT");
    }

    @Test
    void schemaViolations_areRejectedWithPath() {
        assertInvalid(INVENTORY, m -> m.remove("deviceid"), "at deviceid: the required property is missing");
        assertInvalid(INVENTORY, m -> m.put("deviceid", 42), "at deviceid: expected a string, found number 42");
        assertInvalid(INVENTORY, m -> m.put("deviceid", "no date"), "at deviceid: 'no date' is invalid");
        assertInvalid(INVENTORY, m -> m.remove("content"), "at content: the required property is missing");
        assertInvalid(INVENTORY, m -> m.putArray("content"), "at content: expected an object, found an array");
        assertInvalid(INVENTORY, m -> content(m).remove("versionclient"),
                "at content.versionclient: the required property is missing");
        assertInvalid(INVENTORY, m -> content(m).put("versionclient", 1.7),
                "at content.versionclient: expected a string, found number 1.7");
        assertInvalid(INVENTORY, m -> ((ObjectNode) content(m).get("hardware")).put("memory", "24105"),
                "at content.hardware.memory: expected an integer, found string '24105'");
        assertInvalid(INVENTORY, m -> element(m, "cpus", 0).put("speed", 2450.5),
                "at content.cpus[0].speed: expected an integer, found number 2450.5");
        assertInvalid(INVENTORY, m -> element(m, "softwares", 1).put("filesize", true),
                "at content.softwares[1].filesize: expected an integer, found boolean true");
        assertInvalid(INVENTORY, m -> element(m, "networks", 2).put("virtualdev", "0"),
                "at content.networks[2].virtualdev: expected a boolean, found string '0'");
        assertInvalid(INVENTORY, m -> ((ArrayNode) content(m).get("softwares")).set(1, "curl"),
                "at content.softwares[1]: expected an object, found string 'curl'");
        assertInvalid(INVENTORY, m -> m.put("action", "netdiscovery"),
                "at action: 'netdiscovery' is not supported; expected inventory or contact");
        assertInvalid(INVENTORY, m -> m.put("action", 1), "at action: expected a string, found number 1");
        assertInvalid(INVENTORY, m -> m.put("partial", "no"), "at partial: expected a boolean, found string 'no'");
        assertInvalid(INVENTORY, m -> m.put("partial", true), "at partial: partial inventories are not supported");
        assertInvalid(INVENTORY, m -> m.put("itemtype", "Phone"), "at itemtype: 'Phone' is not supported");
        assertInvalid(INVENTORY, m -> m.put("tag", 5), "at tag: expected a string, found number 5");
        assertInvalid(CONTACT, m -> m.remove("deviceid"), "at deviceid: the required property is missing");
        assertInvalid(CONTACT, m -> m.put("httpd-port", 70000),
                "at httpd-port: expected an integer from 1 to 65535, found number 70000");
        assertInvalid(CONTACT, m -> m.put("enabled-tasks", "Inventory"),
                "at enabled-tasks: expected an array of strings, found string 'Inventory'");
        assertInvalid(CONTACT, m -> ((ArrayNode) m.get("enabled-tasks")).add(3),
                "at enabled-tasks[1]: expected a string, found number 3");
    }

    @Test
    void malformedJson_isRejected() {
        assertProblem("{", Problem.INVALID_JSON, "Invalid JSON");
        assertProblem("[]", Problem.INVALID_JSON, "at $: the root must be an object, found an array");
        assertProblem("\"inventory\"", Problem.INVALID_JSON, "at $: the root must be an object");
        assertProblem("{\"deviceid\":\"a-2026-01-01-00-00-00\",\"deviceid\":\"b-2026-01-01-00-00-00\"}",
                Problem.INVALID_JSON, "Duplicate");
        assertProblem("{\"action\":\"contact\",\"deviceid\":\"" + DEVICE_ID + "\"} {}", Problem.INVALID_JSON,
                "Invalid JSON");
        assertProblem("{\"action\":'contact'}", Problem.INVALID_JSON, "Invalid JSON");
        assertProblem("", Problem.EMPTY_BODY, "Request body is empty");
    }

    @Test
    void limits_areEnforced() {
        String deep = "{\"content\":" + "[".repeat(GlpiMessageParser.MAX_DEPTH) + "]".repeat(GlpiMessageParser.MAX_DEPTH)
                + "}";
        assertProblem(deep, Problem.INVALID_JSON, "nesting depth");

        String longValue = "x".repeat(GlpiMessageParser.MAX_STRING_CHARS + 1);
        assertProblem("{\"tag\":\"" + longValue + "\"}", Problem.TOO_LARGE, "JSON document is over a limit");

        String longName = "n".repeat(GlpiMessageParser.MAX_NAME_CHARS + 1);
        assertProblem("{\"" + longName + "\":1}", Problem.TOO_LARGE, "JSON document is over a limit");

        StringBuilder many = new StringBuilder("{\"content\":{\"softwares\":[");
        for (long i = 0; i < GlpiMessageParser.MAX_TOKENS / 2; i++) {
            many.append(i == 0 ? "" : ",").append("{}");
        }
        many.append("]}}");
        assertProblem(many.toString(), Problem.TOO_LARGE, "JSON document is over a limit");
    }

    @Test
    void limits_allowValuesAtTheLimit() {
        String value = "x".repeat(GlpiMessageParser.MAX_STRING_CHARS);
        ObjectNode message = sample(INVENTORY);
        element(message, "softwares", 0).put("comments", value);

        Inventory inventory = parseInventory(bytes(message));

        assertThat(inventory.first("SOFTWARES").get("COMMENTS")).hasSize(GlpiMessageParser.MAX_STRING_CHARS);
    }

    private static Inventory parseInventory(byte[] json) {
        GlpiMessage message = GlpiMessageParser.parse(json);
        assertThat(message).isInstanceOf(GlpiMessage.InventoryMessage.class);
        assertThat(message.deviceId()).isEqualTo(DEVICE_ID);
        return ((GlpiMessage.InventoryMessage) message).inventory();
    }

    private static ObjectNode sample(String path) {
        return (ObjectNode) JSON.readTree(Samples.bytes(path));
    }

    private static ObjectNode content(ObjectNode message) {
        return (ObjectNode) message.get("content");
    }

    private static ObjectNode element(ObjectNode message, String section, int index) {
        return (ObjectNode) content(message).get(section).get(index);
    }

    private static byte[] bytes(ObjectNode message) {
        return JSON.writeValueAsBytes(message);
    }

    private static void assertInvalid(String samplePath, Consumer<ObjectNode> change, String messagePart) {
        ObjectNode message = sample(samplePath);
        change.accept(message);

        assertThatThrownBy(() -> GlpiMessageParser.parse(bytes(message)))
                .as("%s changed to %s", samplePath, message)
                .isInstanceOfSatisfying(AgentProtocolException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.INVALID_JSON);
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.getMessage()).startsWith("Invalid GLPI Agent message at ").contains(messagePart);
                });
    }

    private static void assertProblem(String json, Problem problem, String messagePart) {
        assertThatThrownBy(() -> GlpiMessageParser.parse(json.getBytes(StandardCharsets.UTF_8)))
                .as(json.length() > 200 ? json.substring(0, 200) : json)
                .isInstanceOfSatisfying(AgentProtocolException.class, e -> {
                    assertThat(e.problem()).isEqualTo(problem);
                    assertThat(e.getMessage()).contains(messagePart);
                });
    }
}

package org.opensma.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensma.support.ApiClient;
import org.opensma.support.ApiResponse;
import org.opensma.support.ApiTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Machine writes as KACE clients send them: manual creation, edits, deletion, inventory
 * requests and the custom inventory list. Machine names start with "mwr" because all test
 * classes share one database.
 */
class MachineWriteHttpTest extends ApiTestBase {

    private static final String MACHINES = "/api/inventory/machines";
    private static final String JSON = "application/json";

    /** The create example of the appliance's API guide (SMA 14.0), unchanged except for the name. */
    private static final String GUIDE_EXAMPLE = """
            {"Machines":[{"Name":"mwr-guide","Ip":"192.168.101.110","Os_number":"10.0.14393",
             "User":"user1","Cdrom_devices":"NECVMWar VMware SATA CD01","Os_name":"Microsoft Windows 10 Pro x64",
             "Ram Total":"2048 Bytes","Ram_used":"1324.1","Pagefile_max_size":"385","Ram_max":"33792",
             "Bios_identification_code":"","Monitor":"Generic Non-PnP Monitor",
             "Sound_devices":"High Definition Audio Device","Video_controllers":"VMware SVGA 3D:1024 MB",
             "Pagefile_size":"385"}]}""";

    @Autowired
    private DSLContext dsl;

    private ApiClient admin;

    @BeforeEach
    void logIn() {
        admin = admin();
    }

    private ApiResponse create(String body) {
        return admin.post(MACHINES, body, "Content-Type", JSON);
    }

    private String createOne(String name) {
        ApiResponse response = create("{\"Machines\":[{\"Name\":\"" + name + "\"}]}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("IDs").get(0).asString();
    }

    private JsonNode machine(String id, String shaping) {
        ApiResponse response = admin.get(MACHINES + "/" + id + "?shaping=" + ApiClient.encode(shaping));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("Machines").get(0);
    }

    private String agentMachineId(String name) {
        ApiResponse response = admin.get(MACHINES + "?filtering=" + ApiClient.encode("name eq " + name));
        assertThat(response.json().get("Machines")).hasSize(1);
        return response.json().get("Machines").get(0).get("Id").asString();
    }

    private static InventoryXml agentInventory(String name) {
        return new InventoryXml(name)
                .section("HARDWARE", "NAME", name, "OSNAME", "Debian GNU/Linux 12", "MEMORY", "2048")
                .section("OPERATINGSYSTEM", "FULL_NAME", "Debian GNU/Linux 12", "VERSION", "12.11")
                .section("PROCESSES", "USER", "root", "PID", "1", "CMD", "/usr/sbin/mwrd")
                .section("SOFTWARES", "NAME", "MwrEditor", "VERSION", "2.1", "PUBLISHER", "Mwr")
                .section("SOFTWARES", "NAME", "MwrViewer", "VERSION", "1.0", "PUBLISHER", "Mwr");
    }

    private static List<String> values(JsonNode items, String key) {
        List<String> values = new ArrayList<>();
        for (JsonNode item : items) {
            values.add(item.get(key).asString());
        }
        return values;
    }

    private static void assertBadRequest(ApiResponse response, String... fragments) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("errorCode").asInt()).isEqualTo(1100);
        assertThat(response.json().get("errorDescription").asString()).contains(fragments);
    }

    @Test
    void create_guideExample_storesManualMachine() {
        ApiResponse response = create(GUIDE_EXAMPLE);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("Result").asString()).isEqualTo("Success");
        assertThat(response.json().get("IDs")).hasSize(1);
        assertThat(response.json().get("IDs").get(0).isNumber()).isTrue();
        JsonNode machine = machine(response.json().get("IDs").get(0).asString(), "machine standard");
        assertThat(machine.get("Name").asString()).isEqualTo("mwr-guide");
        assertThat(machine.get("Manual_entry").asString()).isEqualTo("1");
        assertThat(machine.get("Ip").asString()).isEqualTo("192.168.101.110");
        assertThat(machine.get("User").asString()).isEqualTo("user1");
        assertThat(machine.get("Ram Total").asString()).isEqualTo("2048 MB");
        assertThat(machine.get("Ram_used").asString()).isEqualTo("1324");
        assertThat(machine.get("Ram_max").asString()).isEqualTo("33792");
        assertThat(machine.get("Pagefile_size").asString()).isEqualTo("385");
        assertThat(machine.get("Last_inventory").asString()).isEqualTo("0000-00-00 00:00:00");
        assertThat(machine.get("Created").asString()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
    }

    @Test
    void create_lowerCaseKeys_match() {
        ApiResponse response = create("{\"machines\":[{\"name\":\"mwr-lower\",\"ram_total\":4096,"
                + "\"OS_NAME\":\"Ubuntu 24.04\"}]}");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode machine = machine(response.json().get("IDs").get(0).asString(), "machine standard");
        assertThat(machine.get("Ram Total").asString()).isEqualTo("4096 MB");
        assertThat(machine.get("Os_name").asString()).isEqualTo("Ubuntu 24.04");
    }

    @Test
    void create_manualMachine_hasOperatingSystem() {
        ApiResponse response = create("{\"Machines\":[{\"Name\":\"mwr-os\",\"Os_name\":\"MwrOS 7\"}]}");
        String id = response.json().get("IDs").get(0).asString();

        ApiResponse os = admin.get("/api/inventory/operating_systems/" + id);

        assertThat(os.status()).as(os.body()).isEqualTo(200);
        assertThat(os.json().get("OperatingSystems").get(0).get("Name").asString()).isEqualTo("MwrOS 7");
    }

    @Test
    void create_severalMachines_returnsAllIds() {
        ApiResponse response = create("{\"Machines\":[{\"Name\":\"mwr-many-1\"},{\"Name\":\"mwr-many-2\"}]}");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("IDs")).hasSize(2);
        ApiResponse list = admin.get(MACHINES + "?filtering=" + ApiClient.encode("name st mwr-many-"));
        assertThat(values(list.json().get("Machines"), "Id"))
                .containsExactly(response.json().get("IDs").get(0).asString(),
                        response.json().get("IDs").get(1).asString());
    }

    @Test
    void create_oneInvalidMachine_createsNone() {
        ApiResponse response = create("{\"Machines\":[{\"Name\":\"mwr-atomic-1\"},{\"Name\":\"mwr-atomic-2\","
                + "\"Ram_max\":\"lots\"}]}");

        assertBadRequest(response, "Machines[1]", "Ram_max", "megabytes");
        ApiResponse list = admin.get(MACHINES + "?filtering=" + ApiClient.encode("name st mwr-atomic-"));
        assertThat(list.json().get("Count").asLong()).isZero();
    }

    @Test
    void create_unknownField_namesIt() {
        assertBadRequest(create("{\"Machines\":[{\"Name\":\"mwr-x\",\"Colour\":\"red\"}]}"), "'Colour'", "Notes");
    }

    @Test
    void create_readOnlyField_isRejected() {
        assertBadRequest(create("{\"Machines\":[{\"Name\":\"mwr-x\",\"Kuid\":\"abc\"}]}"), "'Kuid'");
    }

    @Test
    void create_wrongValueType_namesFieldAndType() {
        assertBadRequest(create("{\"Machines\":[{\"Name\":\"mwr-x\",\"Ip\":17}]}"), "'Ip'", "must be a string");
    }

    @Test
    void create_tooLongValue_isRejected() {
        assertBadRequest(create("{\"Machines\":[{\"Name\":\"" + "m".repeat(256) + "\"}]}"), "'Name'", "255");
    }

    @Test
    void create_withoutName_isRejected() {
        assertBadRequest(create("{\"Machines\":[{\"Ip\":\"10.0.0.1\"}]}"), "Name is required");
    }

    @Test
    void create_withId_isRejected() {
        assertBadRequest(create("{\"Machines\":[{\"id\":5,\"Name\":\"mwr-x\"}]}"), "assigned by the server");
    }

    @Test
    void create_sameFieldTwice_isRejected() {
        assertBadRequest(create("{\"Machines\":[{\"Name\":\"a\",\"name\":\"b\"}]}"), "given twice");
    }

    @Test
    void create_bodyShapes_areRejected() {
        assertBadRequest(create("{\"Machines\":[]}"), "non-empty array");
        assertBadRequest(create("{\"Machine\":[{\"Name\":\"x\"}]}"), "'Machine'");
        assertBadRequest(create("[{\"Name\":\"x\"}]"), "JSON object");
        assertBadRequest(create("{\"Machines\":[{\"Name\":"), "not valid JSON");
        assertBadRequest(admin.post(MACHINES, null, "Content-Type", JSON), "missing");
    }

    @Test
    void notesUpdate_keepsSoftware() {
        agentInventory("mwr-agent-notes").ingest(client());
        String id = agentMachineId("mwr-agent-notes");
        String shaping = "machine all,software standard,processes limited,operating_system limited";
        JsonNode before = machine(id, shaping);

        ApiResponse response = admin.put(MACHINES + "/" + id,
                "{\"Machines\":[{\"id\":" + id + ",\"notes\":\"Moved to room 4\"}]}", "Content-Type", JSON);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().toString()).isEqualTo("{\"Result\":\"Success\"}");
        JsonNode after = machine(id, shaping);
        assertThat(after.get("Notes").asString()).isEqualTo("Moved to room 4");
        assertThat(values(after.get("Software"), "DISPLAY_NAME")).containsExactly("MwrEditor", "MwrViewer");
        assertThat(after.get("Software")).isEqualTo(before.get("Software"));
        assertThat(after.get("Processes")).isEqualTo(before.get("Processes"));
        assertThat(after.get("OperatingSystems")).isEqualTo(before.get("OperatingSystems"));
        for (String key : List.of("Name", "Os_name", "Ram Total", "Last_inventory", "Kuid", "Manual_entry")) {
            assertThat(after.get(key)).as(key).isEqualTo(before.get(key));
        }
    }

    @Test
    void update_assetTagAndUser_onAgentMachine() {
        agentInventory("mwr-agent-tag").ingest(client());
        String id = agentMachineId("mwr-agent-tag");

        ApiResponse response = admin.put(MACHINES + "/" + id,
                "{\"Machines\":[{\"Asset_tag\":\"AT-77\",\"USER\":\"jdoe\"}]}", "Content-Type", JSON);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode machine = machine(id, "machine all");
        assertThat(machine.get("Asset_tag").asString()).isEqualTo("AT-77");
        assertThat(machine.get("User").asString()).isEqualTo("jdoe");
    }

    @Test
    void update_agentReportedField_onAgentMachine_isRejected() {
        agentInventory("mwr-agent-name").ingest(client());
        String id = agentMachineId("mwr-agent-name");

        ApiResponse response = admin.put(MACHINES + "/" + id, "{\"Machines\":[{\"Name\":\"renamed\"}]}",
                "Content-Type", JSON);

        assertBadRequest(response, "reported by an agent", "Name", "Notes");
        assertThat(machine(id, "machine limited").get("Name").asString()).isEqualTo("mwr-agent-name");
    }

    @Test
    void update_descriptiveField_onManualMachine() {
        String id = createOne("mwr-manual-edit");

        ApiResponse response = admin.put(MACHINES + "/" + id,
                "{\"Machines\":[{\"Name\":\"mwr-manual-edited\",\"Ram Total\":\"2 GB\",\"Monitor\":\"Dell U2720Q\"}]}",
                "Content-Type", JSON);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode machine = machine(id, "machine standard");
        assertThat(machine.get("Name").asString()).isEqualTo("mwr-manual-edited");
        assertThat(machine.get("Ram Total").asString()).isEqualTo("2048 MB");
        assertThat(machine.get("Monitor").asString()).isEqualTo("Dell U2720Q");
        assertThat(machine.get("Manual_entry").asString()).isEqualTo("1");
    }

    @Test
    void update_noEditableField_isRejected() {
        String id = createOne("mwr-noop");

        assertBadRequest(admin.put(MACHINES + "/" + id, "{\"Machines\":[{\"id\":" + id + "}]}",
                "Content-Type", JSON), "no editable field given");
    }

    @Test
    void update_idMismatch_isRejected() {
        String id = createOne("mwr-mismatch");

        assertBadRequest(admin.put(MACHINES + "/" + id, "{\"Machines\":[{\"id\":1,\"notes\":\"x\"}]}",
                "Content-Type", JSON), "does not match");
    }

    @Test
    void update_twoMachineObjects_isRejected() {
        String id = createOne("mwr-two");

        assertBadRequest(admin.put(MACHINES + "/" + id, "{\"Machines\":[{\"notes\":\"a\"},{\"notes\":\"b\"}]}",
                "Content-Type", JSON), "exactly one");
    }

    @Test
    void update_unknownMachine_returns404() {
        ApiResponse response = admin.put(MACHINES + "/987654321", "{\"Machines\":[{\"notes\":\"x\"}]}",
                "Content-Type", JSON);

        assertThat(response.status()).as(response.body()).isEqualTo(404);
        assertThat(response.json().get("errorDescription").asString()).isEqualTo("Machine 987654321 not found");
    }

    @Test
    void writes_otherOrganizationMachine_return404() {
        long orgId = dsl.insertInto(DSL.table("organization"), DSL.field("name"))
                .values("mwr-other-org-" + System.nanoTime())
                .returningResult(DSL.field("id", Long.class)).fetchSingle().value1();
        long machineId = dsl.insertInto(DSL.table("machine"), DSL.field("org_id"), DSL.field("name"))
                .values(orgId, "mwr-foreign")
                .returningResult(DSL.field("id", Long.class)).fetchSingle().value1();
        String path = MACHINES + "/" + machineId;
        admin.header("x-kace-api-version", "14");

        assertThat(admin.put(path, "{\"Machines\":[{\"notes\":\"x\"}]}", "Content-Type", JSON).status())
                .isEqualTo(404);
        assertThat(admin.delete(path).status()).isEqualTo(404);
        assertThat(admin.post(path + "/force", null).status()).isEqualTo(404);
        assertThat(admin.get(path + "/custom_inventory").status()).isEqualTo(404);
        assertThat(admin.get(path).status()).isEqualTo(404);
        assertThat(dsl.fetchCount(DSL.table("machine"), DSL.field("id").eq(machineId))).isEqualTo(1);
    }

    @Test
    void delete_removesMachine() {
        String id = createOne("mwr-delete");
        admin.header("x-kace-api-version", "14");

        ApiResponse response = admin.delete(MACHINES + "/" + id);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().toString()).isEqualTo("{\"Result\":\"Success\"}");
        assertThat(admin.get(MACHINES + "/" + id).status()).isEqualTo(404);
        assertThat(admin.delete(MACHINES + "/" + id).status()).isEqualTo(404);
    }

    @Test
    void delete_agentMachine_removesItsLinks() {
        agentInventory("mwr-agent-delete").ingest(client());
        String id = agentMachineId("mwr-agent-delete");
        admin.header("x-kace-api-version", "14");

        assertThat(admin.delete(MACHINES + "/" + id).status()).isEqualTo(200);

        assertThat(dsl.fetchCount(DSL.table("machine_software"), DSL.field("machine_id").eq(Long.parseLong(id))))
                .isZero();
        assertThat(dsl.fetchCount(DSL.table("machine_process"), DSL.field("machine_id").eq(Long.parseLong(id))))
                .isZero();
    }

    @Test
    void collectionPutAndDelete_return405Json() {
        admin.header("x-kace-api-version", "14");

        ApiResponse put = admin.put(MACHINES, "{\"Machines\":[{\"notes\":\"x\"}]}", "Content-Type", JSON);
        ApiResponse delete = admin.delete(MACHINES);

        assertThat(put.status()).as(put.body()).isEqualTo(405);
        assertThat(put.json().get("errorCode").asInt()).isEqualTo(1202);
        assertThat(delete.status()).as(delete.body()).isEqualTo(405);
        assertThat(delete.json().get("errorCode").asInt()).isEqualTo(1202);
    }

    @Test
    void force_setsFlag_nextInventoryClearsIt() {
        agentInventory("mwr-agent-force").ingest(client());
        String id = agentMachineId("mwr-agent-force");
        admin.header("x-kace-api-version", "14");

        ApiResponse response = admin.post(MACHINES + "/" + id + "/force", null);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().toString()).isEqualTo("{\"Result\":\"Success\"}");
        assertThat(machine(id, "machine all").get("Force_inventory").asString()).isEqualTo("1");

        agentInventory("mwr-agent-force").ingest(client());

        assertThat(machine(id, "machine all").get("Force_inventory").asString()).isEqualTo("0");
    }

    @Test
    void force_trailingSlash_isAccepted() {
        agentInventory("mwr-agent-slash").ingest(client());
        String id = agentMachineId("mwr-agent-slash");
        admin.header("x-kace-api-version", "14");

        ApiResponse response = admin.post(MACHINES + "/" + id + "/force/", null);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(machine(id, "machine all").get("Force_inventory").asString()).isEqualTo("1");
    }

    @Test
    void force_manualMachine_isRejected() {
        String id = createOne("mwr-force-manual");
        admin.header("x-kace-api-version", "14");

        ApiResponse response = admin.post(MACHINES + "/" + id + "/force", null);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("errorDescription").asString()).contains("entered by hand");
    }

    @Test
    void customInventory_emptyEnvelope() {
        String id = createOne("mwr-custom");

        ApiResponse response = admin.get(MACHINES + "/" + id + "/custom_inventory");
        ApiResponse missing = admin.get(MACHINES + "/987654321/custom_inventory");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().toString()).isEqualTo("{\"Count\":0,\"Warnings\":{},\"CustomInventory\":[]}");
        assertThat(missing.status()).isEqualTo(404);
    }
}

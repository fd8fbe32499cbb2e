package org.opensma.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opensma.support.AgentSamples;
import org.opensma.support.ApiClient;
import org.opensma.support.ApiResponse;
import org.opensma.support.ApiTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The hardware sections of a machine as machine relations, filled by the recorded OCS and
 * FusionInventory inventories of testdata/agent-samples. Each sample is sent under its own
 * host name, starting with "hws-" because all test classes share one database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HardwareSectionsHttpTest extends ApiTestBase {

    private static final String SAMPLE_HOST = "testhost-01";
    private static final String SAMPLE_MAC_PREFIX = "00:00:5e:00:53:";
    private static final String OCS_HOST = "hws-ocs";
    private static final String FUSION_HOST = "hws-fusion";
    private static final String SYNTHETIC_HOST = "hws-synthetic";

    @Autowired
    private DSLContext dsl;

    private ApiClient admin;
    private String ocsId;
    private String fusionId;
    private String syntheticId;

    @BeforeAll
    void ingestSamples() {
        ApiClient agent = client();
        postSample(agent, AgentSamples.ocsInventoryZlib(), OCS_HOST, "02:00:00:aa:01:",
                "OCS-NG_unified_unix_agent_v2.10.0");
        postSample(agent, AgentSamples.fusionInventoryZlib(), FUSION_HOST, "02:00:00:aa:02:",
                "FusionInventory-Agent_v2.6-3");
        // The samples carry no memory, video, monitor, printer, sound, logged-in user or VM sections.
        new InventoryXml(SYNTHETIC_HOST)
                .section("HARDWARE", "NAME", SYNTHETIC_HOST)
                .section("MEMORIES", "CAPACITY", "8192", "CAPTION", "DIMM 0", "DESCRIPTION", "SODIMM",
                        "TYPE", "DDR4", "SPEED", "3200", "NUMSLOTS", "1", "SERIALNUMBER", "HWS-MEM-1",
                        "MANUFACTURER", "Hws Memory")
                .section("VIDEOS", "NAME", "Hws Graphics", "CHIPSET", "HWS-GPU", "MEMORY", "512",
                        "RESOLUTION", "1920x1080", "PCISLOT", "0000:00:02.0")
                .section("MONITORS", "MANUFACTURER", "Hws Displays", "CAPTION", "HWS-24", "DESCRIPTION",
                        "24 inch", "TYPE", "LCD", "SERIAL", "HWS-MON-1")
                .section("PRINTERS", "NAME", "hws-laser", "DRIVER", "Generic PCL", "PORT", "ipp://192.0.2.9/ipp",
                        "NETWORK", "1", "SHARED", "0", "SERIAL", "HWS-PRN-1")
                .section("SOUNDS", "NAME", "Hws Audio", "MANUFACTURER", "Hws Sound", "DESCRIPTION", "rev 01")
                .section("USERS", "LOGIN", "hwsadmin", "DOMAIN", "HWS")
                .section("VIRTUALMACHINES", "NAME", "hws-guest", "UUID", "6f1c0000-0000-4000-8000-000000000001",
                        "STATUS", "running", "SUBSYSTEM", "libvirt", "VMTYPE", "kvm", "MEMORY", "2048", "VCPU", "2")
                .ingest(agent);

        admin = admin();
        ocsId = machineId(OCS_HOST);
        fusionId = machineId(FUSION_HOST);
        syntheticId = machineId(SYNTHETIC_HOST);
    }

    /**
     * Sends a recorded inventory with {@code host} in place of the sample's host name (and so in its
     * device id) and {@code macPrefix} in place of the sample's MAC prefix, so that no machine identity
     * rule matches it to a machine another test stored from the same sample.
     */
    private static void postSample(ApiClient agent, byte[] sampleZlib, String host, String macPrefix,
            String userAgent) {
        String xml = new String(AgentSamples.inflate(sampleZlib), StandardCharsets.UTF_8);
        assertThat(xml).contains("<NAME>" + SAMPLE_HOST + "</NAME>");
        assertThat(xml).contains(SAMPLE_MAC_PREFIX);
        String renamed = xml.replace(SAMPLE_HOST, host).replace(SAMPLE_MAC_PREFIX, macPrefix);
        byte[] body = AgentSamples.zlib(renamed.getBytes(StandardCharsets.UTF_8));

        ApiResponse response = agent.postBytes("/ocsinventory", body,
                "Authorization", AgentSamples.basicAuth("agent", AGENT_TOKEN),
                "Content-Type", "application/x-compress",
                "User-Agent", userAgent);

        assertThat(response.status()).as("ingest of %s: %s", host, response.body()).isEqualTo(200);
    }

    private String machineId(String name) {
        JsonNode machines = ok("/api/inventory/machines?filtering=" + ApiClient.encode("name eq " + name))
                .json().get("Machines");
        assertThat(machines).as("machines named %s", name).hasSize(1);
        return machines.get(0).get("Id").asString();
    }

    private ApiResponse ok(String path) {
        ApiResponse response = admin.get(path);
        assertThat(response.status()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return response;
    }

    /** Returns the machine with one relation at the given shaping level, such as {@code cpus all}. */
    private JsonNode machineWith(String machineId, String relationShaping) {
        JsonNode response = ok("/api/inventory/machines/" + machineId + "?shaping="
                + ApiClient.encode("machine limited," + relationShaping)).json();
        assertThat(response.get("Count").asLong()).isEqualTo(1);
        return response.get("Machines").get(0);
    }

    private List<String> hwsMachinesMatching(String filter) {
        JsonNode machines = ok("/api/inventory/machines?filtering=" + ApiClient.encode("name st hws-," + filter))
                .json().get("Machines");
        return values(machines, "Name");
    }

    private static List<String> keys(JsonNode item) {
        List<String> keys = new ArrayList<>();
        item.propertyNames().forEach(keys::add);
        return keys;
    }

    private static List<String> values(JsonNode items, String key) {
        List<String> values = new ArrayList<>();
        for (JsonNode item : items) {
            values.add(item.get(key).asString());
        }
        return values;
    }

    private static JsonNode itemWith(JsonNode items, String key, String value) {
        for (JsonNode item : items) {
            if (item.get(key).asString().equals(value)) {
                return item;
            }
        }
        throw new AssertionError("no item with " + key + " " + value + " in " + items);
    }

    @Test
    void ocsSample_showsCpus() {
        JsonNode cpus = machineWith(ocsId, "cpus all").get("Cpus");

        assertThat(cpus).hasSize(1);
        JsonNode cpu = cpus.get(0);
        assertThat(keys(cpu)).containsExactly("Id", "Name", "Manufacturer", "Arch", "Core_count", "Thread_count",
                "Speed", "Serial", "Machine_id");
        assertThat(cpu.get("Id").isString()).isTrue();
        assertThat(cpu.get("Name").asString()).isEqualTo("AMD EPYC");
        assertThat(cpu.get("Manufacturer").asString()).isEqualTo("AMD");
        assertThat(cpu.get("Arch").asString()).isEqualTo("x86_64");
        assertThat(cpu.get("Core_count").asString()).isEqualTo("2");
        assertThat(cpu.get("Thread_count").asString()).isEqualTo("2");
        assertThat(cpu.get("Machine_id").asString()).isEqualTo(ocsId);
    }

    @Test
    void fusionSample_showsCpus() {
        JsonNode cpus = machineWith(fusionId, "cpus standard").get("Cpus");

        assertThat(cpus).hasSize(1);
        JsonNode cpu = cpus.get(0);
        assertThat(cpu.get("Name").asString()).isEqualTo("AMD EPYC");
        assertThat(cpu.get("Manufacturer").asString()).isEqualTo("AMD");
        assertThat(cpu.get("Arch").asString()).isEqualTo("i386");
        assertThat(cpu.get("Core_count").asString()).isEqualTo("2");
        assertThat(cpu.get("Thread_count").asString()).isEqualTo("2");
        assertThat(keys(cpu)).doesNotContain("Serial", "Machine_id");
    }

    @Test
    void ocsSample_showsStorageDevices() {
        JsonNode storage = machineWith(ocsId, "storage_devices standard").get("StorageDevices");

        assertThat(values(storage, "Name")).containsExactly("vda", "zram0");
        assertThat(storage.get(0).get("Type").asString()).isEqualTo("disk");
        assertThat(storage.get(0).get("Disk_size").asString()).isEqualTo("274877.906944");
    }

    @Test
    void fusionSample_showsStorageDevices() {
        JsonNode storage = machineWith(fusionId, "storage_devices all").get("StorageDevices");

        assertThat(storage).hasSize(1);
        JsonNode disk = storage.get(0);
        assertThat(disk.get("Name").asString()).isEqualTo("vda");
        assertThat(disk.get("Description").asString()).isEqualTo("Virtual");
        assertThat(disk.get("Manufacturer").asString()).isEqualTo("Red Hat, Inc.");
        assertThat(disk.get("Disk_size").asString()).isEqualTo("274877");
        assertThat(disk.get("Serial").asString()).isEqualTo("FAKE-SERIAL-0001");
    }

    @Test
    void ocsSample_showsDrives() {
        JsonNode drives = machineWith(ocsId, "drives standard").get("Drives");

        assertThat(drives).hasSize(1);
        JsonNode root = drives.get(0);
        assertThat(keys(root)).containsExactly("Id", "Volume", "Mount_point", "Letter", "File_system", "Total",
                "Free", "Label");
        assertThat(root.get("Volume").asString()).isEqualTo("/dev/vda");
        assertThat(root.get("Mount_point").asString()).isEqualTo("/");
        assertThat(root.get("File_system").asString()).isEqualTo("ext4");
        assertThat(root.get("Total").asString()).isEqualTo("258019");
        assertThat(root.get("Free").asString()).isEqualTo("81337");
    }

    @Test
    void fusionSample_showsDrives() {
        JsonNode drives = machineWith(fusionId, "drives standard").get("Drives");

        assertThat(drives).hasSize(1);
        assertThat(drives.get(0).get("Mount_point").asString()).isEqualTo("/");
        assertThat(drives.get(0).get("File_system").asString()).isEqualTo("ext4");
        assertThat(drives.get(0).get("Free").asString()).isEqualTo("81335");
    }

    @Test
    void ocsSample_showsLocalUsers() {
        JsonNode users = machineWith(ocsId, "local_users standard").get("LocalUsers");

        assertThat(users).hasSize(24);
        assertThat(values(users, "Login")).startsWith("root", "daemon").contains("alice", "postgres");
        JsonNode alice = itemWith(users, "Login", "alice");
        assertThat(alice.get("Kind").asString()).isEqualTo("local");
        assertThat(alice.get("Uid").asString()).isEqualTo("1000");
        assertThat(alice.get("Home").asString()).isEqualTo("/home/alice");
        assertThat(alice.get("Shell").asString()).isEqualTo("/bin/bash");
    }

    @Test
    void fusionSample_showsLocalUsers() {
        JsonNode users = machineWith(fusionId, "local_users standard").get("LocalUsers");

        assertThat(users).hasSize(24);
        JsonNode alice = itemWith(users, "Login", "alice");
        assertThat(alice.get("Uid").asString()).isEqualTo("1000");
        assertThat(alice.get("Home").asString()).isEqualTo("/home/alice");
        JsonNode network = itemWith(users, "Login", "systemd-network");
        assertThat(network.get("Full_name").asString()).isEqualTo("systemd Network Management");
    }

    @Test
    void samples_absentSectionsAreEmptyLists() {
        JsonNode machine = machineWith(fusionId, "memory_modules limited,video_cards limited,"
                + "monitor_devices limited,printer_devices limited,sound_cards limited,virtual_machines limited");

        assertThat(keys(machine)).containsExactly("Id", "Name", "MemoryModules", "VideoCards", "MonitorDevices",
                "PrinterDevices", "SoundCards", "VirtualMachines");
        for (String key : List.of("MemoryModules", "VideoCards", "MonitorDevices", "PrinterDevices", "SoundCards",
                "VirtualMachines")) {
            assertThat(machine.get(key).isArray()).as(key).isTrue();
            assertThat(machine.get(key)).as(key).isEmpty();
        }
    }

    @Test
    void limitedLevel_idAndIdentifyingFields() {
        JsonNode machine = machineWith(ocsId, "cpus limited,drives limited,local_users limited");

        assertThat(keys(machine.get("Cpus").get(0))).containsExactly("Id", "Name");
        assertThat(keys(machine.get("Drives").get(0))).containsExactly("Id", "Volume", "Mount_point");
        assertThat(keys(machine.get("LocalUsers").get(0))).containsExactly("Id", "Login");
    }

    @Test
    void synthetic_showsMemoryVideoMonitorPrinterSound() {
        JsonNode machine = machineWith(syntheticId, "memory_modules all,video_cards all,monitor_devices all,"
                + "printer_devices all,sound_cards all");

        JsonNode memory = machine.get("MemoryModules").get(0);
        assertThat(keys(memory)).containsExactly("Id", "Capacity", "Caption", "Description", "Type", "Speed", "Slot",
                "Manufacturer", "Serial", "Machine_id");
        assertThat(memory.get("Capacity").asString()).isEqualTo("8192");
        assertThat(memory.get("Type").asString()).isEqualTo("DDR4");
        assertThat(memory.get("Slot").asString()).isEqualTo("1");
        assertThat(memory.get("Serial").asString()).isEqualTo("HWS-MEM-1");
        JsonNode video = machine.get("VideoCards").get(0);
        assertThat(video.get("Name").asString()).isEqualTo("Hws Graphics");
        assertThat(video.get("Resolution").asString()).isEqualTo("1920x1080");
        assertThat(video.get("Pci_slot").asString()).isEqualTo("0000:00:02.0");
        JsonNode monitor = machine.get("MonitorDevices").get(0);
        assertThat(monitor.get("Caption").asString()).isEqualTo("HWS-24");
        assertThat(monitor.get("Manufacturer").asString()).isEqualTo("Hws Displays");
        JsonNode printer = machine.get("PrinterDevices").get(0);
        assertThat(printer.get("Name").asString()).isEqualTo("hws-laser");
        assertThat(printer.get("Port").asString()).isEqualTo("ipp://192.0.2.9/ipp");
        assertThat(printer.get("Network").asString()).isEqualTo("1");
        JsonNode sound = machine.get("SoundCards").get(0);
        assertThat(sound.get("Name").asString()).isEqualTo("Hws Audio");
        assertThat(sound.get("Manufacturer").asString()).isEqualTo("Hws Sound");
    }

    @Test
    void synthetic_showsLoggedInUsersAndVirtualMachines() {
        JsonNode machine = machineWith(syntheticId, "local_users standard,virtual_machines standard");

        JsonNode user = machine.get("LocalUsers").get(0);
        assertThat(user.get("Login").asString()).isEqualTo("hwsadmin");
        assertThat(user.get("Kind").asString()).isEqualTo("logged_in");
        assertThat(user.get("Domain").asString()).isEqualTo("HWS");
        JsonNode guest = machine.get("VirtualMachines").get(0);
        assertThat(keys(guest)).containsExactly("Id", "Name", "Uuid", "Status", "Subsystem", "Vm_type", "Memory",
                "Vcpu");
        assertThat(guest.get("Name").asString()).isEqualTo("hws-guest");
        assertThat(guest.get("Vm_type").asString()).isEqualTo("kvm");
        assertThat(guest.get("Vcpu").asString()).isEqualTo("2");
    }

    @Test
    void machineFilter_cpusNameContains() {
        assertThat(hwsMachinesMatching("cpus.name co EPYC")).containsExactlyInAnyOrder(OCS_HOST, FUSION_HOST);
        assertThat(hwsMachinesMatching("cpus.name co Xeon")).isEmpty();
    }

    @Test
    void machineFilter_throughSectionRelations() {
        assertThat(hwsMachinesMatching("local_users.login eq alice")).containsExactlyInAnyOrder(OCS_HOST, FUSION_HOST);
        assertThat(hwsMachinesMatching("storage_devices.serial eq FAKE-SERIAL-0001")).containsExactly(FUSION_HOST);
        assertThat(hwsMachinesMatching("drives.free eq 81337")).containsExactly(OCS_HOST);
        assertThat(hwsMachinesMatching("printer_devices.name eq hws-laser")).containsExactly(SYNTHETIC_HOST);
        assertThat(hwsMachinesMatching("virtual_machines ex")).containsExactly(SYNTHETIC_HOST);
    }

    @Test
    void machineFields_keepNamesBesideRelations() {
        JsonNode machine = ok("/api/inventory/machines/" + syntheticId + "?shaping="
                + ApiClient.encode("machine all,printer_devices limited,sound_cards limited,monitor_devices limited"))
                .json().get("Machines").get(0);

        assertThat(keys(machine)).contains("Printers", "Sound_devices", "Monitor", "PrinterDevices", "SoundCards",
                "MonitorDevices");
        assertThat(machine.get("Printers").isString()).isTrue();
        assertThat(machine.get("PrinterDevices").isArray()).isTrue();
    }

    @Test
    void sectionRow_ofOtherOrganization_isHidden() {
        long otherOrgId = dsl.insertInto(DSL.table("organization"), DSL.field("name"))
                .values("hws-other-org-" + System.nanoTime())
                .returningResult(DSL.field("id", Long.class)).fetchSingle().value1();
        // A row whose org_id differs from its machine's shows that the scope reads the section's own column.
        dsl.insertInto(DSL.table("machine_cpu"), DSL.field("org_id"), DSL.field("machine_id"), DSL.field("ordinal"),
                DSL.field("name"))
                .values(otherOrgId, Long.parseLong(syntheticId), 0, "Hws Foreign CPU")
                .execute();

        JsonNode cpus = machineWith(syntheticId, "cpus limited").get("Cpus");

        assertThat(values(cpus, "Name")).doesNotContain("Hws Foreign CPU");
        assertThat(hwsMachinesMatching("cpus.name eq Hws Foreign CPU")).isEmpty();
    }
}

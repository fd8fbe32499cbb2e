package org.opensma.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opensma.support.ApiClient;
import org.opensma.support.ApiResponse;
import org.opensma.support.ApiTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The inventory sections of a machine as agents send them and the routes that list them:
 * operating systems, processes, services, startup programs, software and nodes, and the
 * machine relations that reach them. Names start with "isx" because all test classes share
 * one database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InventorySectionsHttpTest extends ApiTestBase {

    private static final String DEBIAN = "Debian GNU/Linux 12 (bookworm)";
    private static final String WINDOWS = "Microsoft Windows 11 Pro";

    @Autowired
    private DSLContext dsl;

    private ApiClient admin;
    private String debianId;
    private String windowsId;

    @BeforeAll
    void seedMachines() {
        ApiClient agent = client();
        debian("isx-deb").ingest(agent);
        new InventoryXml("isx-win")
                .section("HARDWARE", "NAME", "isx-win", "OSNAME", WINDOWS, "MEMORY", "8192")
                .section("OPERATINGSYSTEM", "FULL_NAME", WINDOWS, "VERSION", "10.0.22631", "KERNEL_NAME", "mswin32",
                        "ARCH", "64-bit")
                .section("PROCESSES", "USER", "SYSTEM", "PID", "4", "CMD", "\"C:\\Program Files\\Isx\\isxagent.exe\" -s")
                .section("SOFTWARES", "NAME", "IsxTool", "VERSION", "1.0", "PUBLISHER", "Isx Ltd")
                .ingest(agent);
        admin = admin();
        Map<String, String> ids = machineIds("isx-");
        debianId = ids.get("isx-deb");
        windowsId = ids.get("isx-win");
        assertThat(debianId).isNotNull();
        assertThat(windowsId).isNotNull();
    }

    private static InventoryXml debian(String name) {
        return new InventoryXml(name)
                .section("HARDWARE", "NAME", name, "OSNAME", DEBIAN, "MEMORY", "4096", "IPADDR", "10.77.0.5")
                .section("OPERATINGSYSTEM", "FULL_NAME", DEBIAN, "VERSION", "12.11", "KERNEL_NAME", "linux",
                        "KERNEL_VERSION", "6.1.0-37-amd64", "ARCH", "x86_64", "BOOT_TIME", "2026-03-01 08:00:00")
                .section("PROCESSES", "USER", "root", "PID", "101", "CMD", "/usr/sbin/isxd -f")
                .section("PROCESSES", "USER", "www-data", "PID", "102", "CMD", "/usr/sbin/isxd -w")
                .section("PROCESSES", "USER", "root", "PID", "103", "CMD", "isxsshd: root@pts/0")
                .section("PROCESSES", "USER", "root", "PID", "2", "CMD", "[isxkworker/0:1-events]")
                .section("NETWORKS", "DESCRIPTION", "eth0", "MACADDR", "02:42:ac:11:00:05", "IPADDRESS", "10.77.0.5",
                        "IPMASK", "255.255.255.0", "TYPE", "ethernet", "STATUS", "Up", "VIRTUALDEV", "0")
                .section("CPUS", "NAME", "Isx CPU", "CORE", "4", "SPEED", "2400")
                .section("CPUS", "NAME", "Isx CPU", "CORE", "4", "SPEED", "2400")
                .section("DRIVES", "VOLUMN", "/dev/sda1", "TYPE", "/", "FILESYSTEM", "ext4", "TOTAL", "50000",
                        "FREE", "20000")
                .section("LOCAL_USERS", "LOGIN", "isxuser", "NAME", "Isx User", "ID", "1000", "HOME", "/home/isxuser")
                .section("SOFTWARES", "NAME", "IsxTool", "VERSION", "1.0", "PUBLISHER", "Isx Ltd");
    }

    private Map<String, String> machineIds(String prefix) {
        ApiResponse response = ok("/api/inventory/machines?paging=limit%20ALL&filtering="
                + ApiClient.encode("name st " + prefix));
        Map<String, String> ids = new java.util.LinkedHashMap<>();
        for (JsonNode machine : response.json().get("Machines")) {
            ids.put(machine.get("Name").asString(), machine.get("Id").asString());
        }
        return ids;
    }

    private ApiResponse ok(String path, String... headers) {
        ApiResponse response = admin.get(path, headers);
        assertThat(response.status()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return response;
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

    private String ownOperatingSystems() {
        return "filtering=" + ApiClient.encode("id in " + debianId + ";" + windowsId);
    }

    @Test
    void operatingSystems_limitedLevel_idAndName() {
        JsonNode items = ok("/api/inventory/operating_systems?" + ownOperatingSystems()
                + "&shaping=" + ApiClient.encode("operating_system limited")).json().get("OperatingSystems");

        assertThat(items).hasSize(2);
        assertThat(keys(items.get(0))).containsExactly("Id", "Name");
    }

    @Test
    void operatingSystems_standardLevel_isDefault() {
        JsonNode response = ok("/api/inventory/operating_systems?" + ownOperatingSystems()).json();

        assertThat(response.get("Count").asLong()).isEqualTo(2);
        assertThat(keys(response.get("OperatingSystems").get(0)))
                .containsExactly("Id", "Name", "Version", "Major", "Minor", "Build", "Family", "Arch");
    }

    @Test
    void operatingSystems_allLevel_addsTimesAsStrings() {
        JsonNode os = ok("/api/inventory/operating_systems/" + debianId + "?shaping="
                + ApiClient.encode("operating_system all")).json().get("OperatingSystems").get(0);

        assertThat(keys(os)).contains("Service_pack", "Installed_date", "Last_reboot", "Time_zone", "Last_inventory");
        assertThat(os.get("Last_reboot").asString()).isEqualTo("2026-03-01 08:00:00");
        assertThat(os.get("Installed_date").asString()).isEqualTo("0000-00-00 00:00:00");
        assertThat(os.get("Last_inventory").asString()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
    }

    @Test
    void operatingSystem_idIsMachineId() {
        JsonNode response = ok("/api/inventory/operating_systems/" + debianId + "?shaping="
                + ApiClient.encode("operating_system standard,machine limited")).json();

        assertThat(response.get("Count").asLong()).isEqualTo(1);
        JsonNode os = response.get("OperatingSystems").get(0);
        assertThat(os.get("Id").asString()).isEqualTo(debianId);
        assertThat(os.get("Name").asString()).isEqualTo(DEBIAN);
        assertThat(os.get("Version").asString()).isEqualTo("12.11");
        assertThat(os.get("Build").asString()).isEqualTo("6.1.0-37-amd64");
        assertThat(values(os.get("Machines"), "Name")).containsExactly("isx-deb");
    }

    @Test
    void operatingSystem_unknownId_returns404() {
        ApiResponse response = admin.get("/api/inventory/operating_systems/987654321");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("errorCode").asInt()).isEqualTo(1200);
    }

    @Test
    void machineFilter_operatingSystemNameContains() {
        JsonNode machines = ok("/api/inventory/machines?filtering="
                + ApiClient.encode("name st isx-,operating_system.name co Debian")).json().get("Machines");

        assertThat(values(machines, "Name")).containsExactly("isx-deb");
    }

    @Test
    void machineFilter_processesNameEquals() {
        JsonNode linux = ok("/api/inventory/machines?filtering=" + ApiClient.encode("processes.name eq isxd"))
                .json().get("Machines");
        JsonNode windows = ok("/api/inventory/machines?filtering="
                + ApiClient.encode("processes.name eq isxagent.exe")).json().get("Machines");

        assertThat(values(linux, "Name")).containsExactly("isx-deb");
        assertThat(values(windows, "Name")).containsExactly("isx-win");
    }

    @Test
    void machineFilter_processesNotEqual_keepsMachinesWithout() {
        JsonNode machines = ok("/api/inventory/machines?filtering="
                + ApiClient.encode("name st isx-,processes.name ne isxd")).json().get("Machines");

        assertThat(values(machines, "Name")).doesNotContain("isx-deb").contains("isx-win");
    }

    @Test
    void machineSort_byOperatingSystemName_showsRelation() {
        JsonNode machines = ok("/api/inventory/machines?filtering=" + ApiClient.encode("name st isx-")
                + "&sorting=" + ApiClient.encode("operating_system.name desc")).json().get("Machines");

        assertThat(values(machines, "Name")).containsSubsequence("isx-win", "isx-deb");
        assertThat(machines.get(0).get("OperatingSystems").get(0).get("Name").asString()).isEqualTo(WINDOWS);
    }

    @Test
    void machineShaping_newRelations() {
        JsonNode machine = ok("/api/inventory/machines/" + debianId + "?shaping=" + ApiClient.encode(
                "machine limited,operating_system limited,processes standard,network_interfaces standard,"
                        + "services limited,startup_programs limited")).json().get("Machines").get(0);

        assertThat(keys(machine)).containsExactly("Id", "Name", "OperatingSystems", "Processes", "NetworkInterfaces",
                "Services", "StartupPrograms");
        assertThat(values(machine.get("OperatingSystems"), "Id")).containsExactly(debianId);
        assertThat(values(machine.get("Processes"), "Path")).containsExactlyInAnyOrder("/usr/sbin/isxd", "isxsshd");
        JsonNode nic = machine.get("NetworkInterfaces").get(0);
        assertThat(keys(nic)).containsExactly("Id", "Name", "Mac", "Ip", "Netmask", "Ipv6", "Type", "Status");
        assertThat(nic.get("Name").asString()).isEqualTo("eth0");
        assertThat(nic.get("Mac").asString()).isEqualTo("02:42:ac:11:00:05");
        assertThat(nic.get("Ip").asString()).isEqualTo("10.77.0.5");
        assertThat(machine.get("Services").isArray()).isTrue();
        assertThat(machine.get("Services")).isEmpty();
        assertThat(machine.get("StartupPrograms")).isEmpty();
    }

    @Test
    void machineFilter_networkInterfaceMac() {
        JsonNode machines = ok("/api/inventory/machines?filtering="
                + ApiClient.encode("network_interfaces.mac eq 02:42:AC:11:00:05")).json().get("Machines");

        assertThat(values(machines, "Name")).containsExactly("isx-deb");
    }

    @Test
    void processes_allLevel_withMachines() {
        JsonNode response = ok("/api/inventory/processes?filtering=" + ApiClient.encode("name eq isxd")
                + "&shaping=" + ApiClient.encode("process all,machine limited")).json();

        assertThat(response.get("Count").asLong()).isEqualTo(1);
        JsonNode process = response.get("Processes").get(0);
        assertThat(keys(process)).containsExactly("Id", "Name", "Path", "Created", "Machines");
        assertThat(process.get("Path").asString()).isEqualTo("/usr/sbin/isxd");
        assertThat(process.get("Id").isString()).isTrue();
        assertThat(values(process.get("Machines"), "Name")).containsExactly("isx-deb");
    }

    @Test
    void processes_limitedLevel_idAndName() {
        JsonNode process = ok("/api/inventory/processes?filtering=" + ApiClient.encode("name eq isxd")
                + "&shaping=" + ApiClient.encode("process limited")).json().get("Processes").get(0);

        assertThat(keys(process)).containsExactly("Id", "Name");
    }

    @Test
    void processes_kernelThreadsLeftOut() {
        JsonNode response = ok("/api/inventory/processes?filtering=" + ApiClient.encode("path co isxkworker")).json();

        assertThat(response.get("Count").asLong()).isZero();
    }

    @Test
    void processes_quotedWindowsPath_nameIsFileName() {
        JsonNode process = ok("/api/inventory/processes?filtering=" + ApiClient.encode("name eq isxagent.exe"))
                .json().get("Processes").get(0);

        assertThat(process.get("Path").asString()).isEqualTo("C:\\Program Files\\Isx\\isxagent.exe");
    }

    @Test
    void process_getById_andUnknownId() {
        String id = ok("/api/inventory/processes?filtering=" + ApiClient.encode("name eq isxsshd"))
                .json().get("Processes").get(0).get("Id").asString();

        JsonNode one = ok("/api/inventory/processes/" + id).json();
        ApiResponse missing = admin.get("/api/inventory/processes/987654321");

        assertThat(one.get("Count").asLong()).isEqualTo(1);
        assertThat(one.get("Processes").get(0).get("Name").asString()).isEqualTo("isxsshd");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("errorDescription").asString()).isEqualTo("Process 987654321 not found");
    }

    @Test
    void processes_xml_usesItemName() {
        String xml = ok("/api/inventory/processes?filtering=" + ApiClient.encode("name eq isxd")
                + "&shaping=" + ApiClient.encode("process limited"), "Accept", "application/xml").body();

        assertThat(xml).contains("<Response><Count>1</Count><Warnings/><Processes><Process><Id>");
    }

    @Test
    void processes_countOnly() {
        JsonNode response = ok("/api/inventory/processes?use_count_only=true&filtering="
                + ApiClient.encode("name st isx")).json();

        assertThat(keys(response)).containsExactly("Count");
        assertThat(response.get("Count").asLong()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void services_emptyEnvelope() {
        JsonNode response = ok("/api/inventory/services").json();
        ApiResponse missing = admin.get("/api/inventory/services/1");

        assertThat(response.toString()).isEqualTo("{\"Count\":0,\"Warnings\":{},\"Services\":[]}");
        assertThat(missing.status()).isEqualTo(404);
    }

    @Test
    void startupPrograms_emptyEnvelope() {
        JsonNode response = ok("/api/inventory/startup_programs?shaping="
                + ApiClient.encode("startup_program all,machine limited")).json();
        ApiResponse missing = admin.get("/api/inventory/startup_programs/1");

        assertThat(response.toString()).isEqualTo("{\"Count\":0,\"Warnings\":{},\"StartupPrograms\":[]}");
        assertThat(missing.status()).isEqualTo(404);
    }

    @Test
    void services_unknownShapingEntity_returns400() {
        ApiResponse response = admin.get("/api/inventory/services?shaping=" + ApiClient.encode("software limited"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errorCode").asInt()).isEqualTo(1102);
    }

    @Test
    void nodes_emptyEnvelope() {
        ApiResponse response = ok("/api/inventory/nodes");
        ApiResponse missing = admin.get("/api/inventory/nodes/3");

        assertThat(response.json().toString()).isEqualTo("{\"Count\":0,\"Warnings\":{},\"Nodes\":[]}");
        assertThat(missing.status()).isEqualTo(404);
    }

    @Test
    void softwares_standardLevel_withMachines() {
        JsonNode response = ok("/api/inventory/softwares?filtering=" + ApiClient.encode("name eq IsxTool")
                + "&shaping=" + ApiClient.encode("software standard,machine limited")).json();

        assertThat(response.get("Count").asLong()).isEqualTo(1);
        JsonNode software = response.get("Software").get(0);
        assertThat(keys(software)).containsExactly("ID", "DISPLAY_NAME", "DISPLAY_VERSION", "PUBLISHER", "Machines");
        assertThat(values(software.get("Machines"), "Name")).containsExactlyInAnyOrder("isx-deb", "isx-win");
    }

    @Test
    void softwares_limitedAndAllLevels() {
        String filter = "filtering=" + ApiClient.encode("name eq IsxTool");
        JsonNode limited = ok("/api/inventory/softwares?" + filter + "&shaping=" + ApiClient.encode("software limited"))
                .json().get("Software").get(0);
        JsonNode all = ok("/api/inventory/softwares?" + filter + "&shaping=" + ApiClient.encode("software all"))
                .json().get("Software").get(0);

        assertThat(keys(limited)).containsExactly("ID", "DISPLAY_NAME");
        assertThat(keys(all)).containsExactly("ID", "DISPLAY_NAME", "DISPLAY_VERSION", "PUBLISHER", "CREATED");
    }

    @Test
    void software_getById() {
        String id = ok("/api/inventory/softwares?filtering=" + ApiClient.encode("name eq IsxTool"))
                .json().get("Software").get(0).get("ID").asString();

        JsonNode one = ok("/api/inventory/softwares/" + id).json();

        assertThat(one.get("Software").get(0).get("DISPLAY_NAME").asString()).isEqualTo("IsxTool");
    }

    @Test
    void reingest_replacesProcessLinks() {
        ApiClient agent = client();
        new InventoryXml("isr-re").section("HARDWARE", "NAME", "isr-re", "OSNAME", DEBIAN)
                .section("PROCESSES", "USER", "root", "PID", "7", "CMD", "/usr/bin/isxold").ingest(agent);
        new InventoryXml("isr-re").section("HARDWARE", "NAME", "isr-re", "OSNAME", DEBIAN)
                .section("PROCESSES", "USER", "root", "PID", "8", "CMD", "/usr/bin/isxnew").ingest(agent);

        JsonNode old = ok("/api/inventory/machines?filtering=" + ApiClient.encode("processes.name eq isxold"))
                .json().get("Machines");
        JsonNode fresh = ok("/api/inventory/machines?filtering=" + ApiClient.encode("processes.name eq isxnew"))
                .json().get("Machines");
        JsonNode catalog = ok("/api/inventory/processes?filtering=" + ApiClient.encode("name eq isxold")
                + "&shaping=" + ApiClient.encode("process limited,machine limited")).json().get("Processes");

        assertThat(old).isEmpty();
        assertThat(values(fresh, "Name")).containsExactly("isr-re");
        assertThat(catalog.get(0).get("Machines")).isEmpty();
    }

    @Test
    void ingest_storesHardwareSections() {
        long machineId = Long.parseLong(debianId);

        assertThat(rows("machine_cpu", machineId)).isEqualTo(2);
        assertThat(rows("machine_drive", machineId)).isEqualTo(1);
        assertThat(rows("machine_local_user", machineId)).isEqualTo(1);
        assertThat(dsl.select(DSL.field("mount_point")).from(DSL.table("machine_drive"))
                .where(DSL.field("machine_id").eq(machineId)).fetchOne(0, String.class)).isEqualTo("/");
        assertThat(dsl.select(DSL.field("login")).from(DSL.table("machine_local_user"))
                .where(DSL.field("machine_id").eq(machineId)).fetchOne(0, String.class)).isEqualTo("isxuser");
    }

    @Test
    void reingest_replacesHardwareRows() {
        ApiClient agent = client();
        new InventoryXml("ish-hw").section("HARDWARE", "NAME", "ish-hw")
                .section("CPUS", "NAME", "A").section("CPUS", "NAME", "B").section("CPUS", "NAME", "C").ingest(agent);
        new InventoryXml("ish-hw").section("HARDWARE", "NAME", "ish-hw").section("CPUS", "NAME", "D").ingest(agent);
        long machineId = Long.parseLong(machineIds("ish-hw").get("ish-hw"));

        assertThat(rows("machine_cpu", machineId)).isEqualTo(1);
        assertThat(dsl.select(DSL.field("name")).from(DSL.table("machine_cpu"))
                .where(DSL.field("machine_id").eq(machineId)).fetchOne(0, String.class)).isEqualTo("D");
    }

    @Test
    void reingest_keepsUnchangedSectionsAndReplacesChangedOnes() {
        ApiClient agent = client();
        new InventoryXml("ish-same").section("HARDWARE", "NAME", "ish-same").section("CPUS", "NAME", "A")
                .section("SOFTWARES", "NAME", "isx-same-a").ingest(agent);
        long machineId = Long.parseLong(machineIds("ish-same").get("ish-same"));
        List<Long> cpuIds = ids("machine_cpu", machineId);

        new InventoryXml("ish-same").section("HARDWARE", "NAME", "ish-same").section("CPUS", "NAME", "A")
                .section("SOFTWARES", "NAME", "isx-same-b").ingest(agent);

        assertThat(ids("machine_cpu", machineId)).as("rows of the unchanged CPU section").isEqualTo(cpuIds);
        assertThat(values(ok("/api/inventory/machines/" + machineId + "?shaping="
                + ApiClient.encode("machine limited,software standard")).json().get("Machines").get(0)
                .get("Software"), "DISPLAY_NAME")).containsExactly("isx-same-b");

        new InventoryXml("ish-same").section("HARDWARE", "NAME", "ish-same").section("CPUS", "NAME", "B")
                .section("SOFTWARES", "NAME", "isx-same-b").ingest(agent);
        new InventoryXml("ish-same").section("HARDWARE", "NAME", "ish-same").section("CPUS", "NAME", "A")
                .section("SOFTWARES", "NAME", "isx-same-b").ingest(agent);

        assertThat(ids("machine_cpu", machineId)).doesNotContainAnyElementsOf(cpuIds);
        assertThat(dsl.select(DSL.field("name")).from(DSL.table("machine_cpu"))
                .where(DSL.field("machine_id").eq(machineId)).fetch(0, String.class)).containsExactly("A");
    }

    private List<Long> ids(String table, long machineId) {
        return dsl.select(DSL.field("id", Long.class)).from(DSL.table(table))
                .where(DSL.field("machine_id").eq(machineId)).orderBy(DSL.field("id")).fetch(0, Long.class);
    }

    private int rows(String table, long machineId) {
        return dsl.fetchCount(DSL.table(table), DSL.field("machine_id").eq(machineId));
    }
}

package org.opensma.inventory.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Result;
import org.junit.jupiter.api.Test;
import org.opensma.support.ApiClient;
import org.opensma.support.ApiTestBase;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * How the agent endpoint ties inventories to stored machines under the default rules
 * device-id, hardware-uuid, serial-number, mac-addresses, name. Every machine gets random
 * keys, so the tests do not see each other's machines.
 */
class MachineIdentityTest extends ApiTestBase {

    @Autowired
    private DSLContext dsl;

    @Test
    void renamedHost_keepsItsMachine() {
        SampleMachine original = SampleMachine.random("rename");
        original.send(client());
        long id = machineIdByUuid(original.uuid());

        // The OCS agent generates a new DEVICEID when the host name changes.
        SampleMachine renamed = original.withHost(original.host() + "-new").withNewDeviceId(1);
        renamed.send(client());

        assertThat(machineIdsByUuid(original.uuid())).containsExactly(id);
        assertThat(column(id, "name")).isEqualTo(renamed.host());
        assertThat(column(id, "kuid")).isEqualTo(renamed.deviceId());
        assertThat(conflictCount(id)).isZero();
    }

    @Test
    void replacedNetworkCard_keepsItsMachine() {
        SampleMachine original = SampleMachine.random("nic");
        original.send(client());
        long id = machineIdByUuid(original.uuid());

        SampleMachine newCard = original.withNewMacs().withNewDeviceId(1);
        newCard.send(client());

        assertThat(machineIdsByUuid(original.uuid())).containsExactly(id);
        assertThat(identityMacs(id)).contains(newCard.physicalMac()).doesNotContain(original.physicalMac());
        assertThat(conflictCount(id)).isZero();
    }

    @Test
    void reinstalledOperatingSystem_keepsItsMachine() {
        SampleMachine original = SampleMachine.random("reinstall");
        original.send(client());
        long id = machineIdByUuid(original.uuid());

        SampleMachine reinstalled = original.withNewDeviceId(1).withOs("Debian GNU/Linux 13");
        reinstalled.send(client());

        assertThat(machineIdsByUuid(original.uuid())).containsExactly(id);
        assertThat(column(id, "os_name")).isEqualTo("Debian GNU/Linux 13");
        assertThat(history(id, "HARDWARE_CHANGED"))
                .contains("OS: Debian GNU/Linux 12 -> Debian GNU/Linux 13");
    }

    @Test
    void clonesSharingUuid_stayApartAndRecordConflict() {
        SampleMachine source = SampleMachine.random("clone-a");
        SampleMachine clone = SampleMachine.random("clone-b").withUuid(source.uuid());
        source.send(client());
        clone.send(client());
        // A second inventory of the clone must find it by its DEVICEID and record nothing new.
        clone.send(client());

        List<Long> ids = machineIdsByUuid(source.uuid());
        assertThat(ids).hasSize(2);
        Result<Record> conflicts = dsl.fetch("SELECT machine_id, other_machine_id, rule_name, rule_value, reason"
                + " FROM machine_identity_conflict WHERE rule_value = ?", source.uuid());
        assertThat(conflicts).hasSize(1);
        Record conflict = conflicts.getFirst();
        assertThat(conflict.get("rule_name", String.class)).isEqualTo("hardware-uuid");
        assertThat(conflict.get("reason", String.class)).isEqualTo("the serial number differs");
        assertThat(List.of(conflict.get("other_machine_id", Long.class), conflict.get("machine_id", Long.class)))
                .containsExactlyElementsOf(ids);
    }

    @Test
    void thirdCloneSharingUuid_recordsConflictWithBoth() {
        SampleMachine first = SampleMachine.random("clone3-a");
        SampleMachine second = SampleMachine.random("clone3-b").withUuid(first.uuid());
        SampleMachine third = SampleMachine.random("clone3-c").withUuid(first.uuid());
        first.send(client());
        second.send(client());
        third.send(client());

        List<Long> ids = machineIdsByUuid(first.uuid());
        assertThat(ids).hasSize(3);
        List<Long> conflictsOfThird = dsl.fetch("SELECT other_machine_id FROM machine_identity_conflict"
                + " WHERE machine_id = ? ORDER BY other_machine_id", ids.get(2)).getValues(0, Long.class);
        assertThat(conflictsOfThird).containsExactly(ids.get(0), ids.get(1));
    }

    @Test
    void placeholderSerialAndUuid_doNotMerge() {
        SampleMachine first = SampleMachine.random("oem-a").withSerial("To Be Filled By O.E.M.")
                .withUuid("00000000-0000-0000-0000-000000000000");
        SampleMachine second = SampleMachine.random("oem-b").withSerial("To Be Filled By O.E.M.")
                .withUuid("00000000-0000-0000-0000-000000000000");
        first.send(client());
        second.send(client());

        long firstId = machineIdByName(first.host());
        long secondId = machineIdByName(second.host());
        assertThat(firstId).isNotEqualTo(secondId);
        assertThat(conflictCount(firstId)).isZero();
        assertThat(conflictCount(secondId)).isZero();
    }

    @Test
    void macOnlyRename_keepsItsMachine() {
        SampleMachine original = SampleMachine.random("maconly").withUuid("").withSerial("");
        original.send(client());
        long id = machineIdByName(original.host());

        SampleMachine renamed = original.withHost(original.host() + "-new").withNewDeviceId(1);
        renamed.send(client());

        assertThat(machineIdByName(renamed.host())).isEqualTo(id);
        assertThat(dsl.fetchCount(dsl.selectFrom("machine").where("name = ?", original.host()))).isZero();
    }

    @Test
    void otherSerialWithSharedUuid_staysApart() {
        SampleMachine first = SampleMachine.random("uuidmac-a");
        SampleMachine second = first.withHost(first.host() + "-b").withNewDeviceId(1).withSerial("SN-other");
        first.send(client());
        second.send(client());

        // The UUID match is contradicted by the serial number and the MAC match by nothing
        // but the serial, so both rules set the first machine aside.
        assertThat(machineIdsByUuid(first.uuid())).hasSize(2);
    }

    @Test
    void softwareChanges_areRecordedAsHistory() {
        SampleMachine machine = SampleMachine.random("history");
        machine.send(client());
        long id = machineIdByUuid(machine.uuid());
        assertThat(history(id, "SOFTWARE_INSTALLED")).isEmpty();

        machine.withExtraTitle("history-title").send(client());
        machine.send(client());

        assertThat(history(id, "SOFTWARE_INSTALLED")).containsExactly("history-title 1.0 (OpenSMA Tests)");
        assertThat(history(id, "SOFTWARE_REMOVED")).containsExactly("history-title 1.0 (OpenSMA Tests)");
    }

    @Test
    void history_isShownAsMachineRelation() {
        SampleMachine machine = SampleMachine.random("history-api");
        machine.send(client());
        long id = machineIdByUuid(machine.uuid());
        machine.withExtraTitle("history-api-title").send(client());

        var response = admin().get("/api/inventory/machines/" + id + "?shaping="
                + ApiClient.encode("machine limited,history standard"));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var changes = response.json().get("Machines").get(0).get("History");
        assertThat(changes.size()).isEqualTo(1);
        assertThat(changes.get(0).get("Kind").asString()).isEqualTo("SOFTWARE_INSTALLED");
        assertThat(changes.get(0).get("Detail").asString()).isEqualTo("history-api-title 1.0 (OpenSMA Tests)");
        assertThat(changes.get(0).get("Occurred").asString()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
    }

    @Test
    void history_keepsNewestRowsUpToLimit() {
        SampleMachine machine = SampleMachine.random("history-limit");
        machine.send(client());
        long id = machineIdByUuid(machine.uuid());

        // Removing every title of the sample makes more changes than the default limit of 500.
        machine.withoutSoftware(true).send(client());
        assertThat(historyCount(id)).isEqualTo(500);
        assertThat(history(id, "SOFTWARE_REMOVED")).hasSize(500);

        // Restoring them makes 500 newer rows, which replace all the older ones.
        machine.send(client());

        assertThat(historyCount(id)).isEqualTo(500);
        assertThat(history(id, "SOFTWARE_INSTALLED")).hasSize(500);
        assertThat(history(id, "SOFTWARE_REMOVED")).isEmpty();
    }

    @Test
    void identityConflicts_areListedForAdministrators() {
        SampleMachine source = SampleMachine.random("listed-a");
        SampleMachine clone = SampleMachine.random("listed-b").withUuid(source.uuid());
        source.send(client());
        clone.send(client());

        ApiClient admin = admin();
        var response = admin.get("/api/inventory/identity_conflicts?filtering="
                + ApiClient.encode("rule_value eq " + source.uuid()));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var rows = response.json().get("IdentityConflicts");
        assertThat(rows.size()).isEqualTo(1);
        assertThat(rows.get(0).get("Rule").asString()).isEqualTo("hardware-uuid");
        assertThat(rows.get(0).get("Machine_id").asLong()).isEqualTo(machineIdByName(clone.host()));
        assertThat(rows.get(0).get("Other_machine_id").asLong()).isEqualTo(machineIdByName(source.host()));
    }

    private List<Long> machineIdsByUuid(String uuid) {
        return dsl.fetch("SELECT id FROM machine WHERE hardware_uuid = ? ORDER BY id", uuid).getValues(0, Long.class);
    }

    private long machineIdByUuid(String uuid) {
        List<Long> ids = machineIdsByUuid(uuid);
        assertThat(ids).as("machines with UUID %s", uuid).hasSize(1);
        return ids.getFirst();
    }

    private long machineIdByName(String name) {
        List<Long> ids = dsl.fetch("SELECT id FROM machine WHERE name = ?", name).getValues(0, Long.class);
        assertThat(ids).as("machines named %s", name).hasSize(1);
        return ids.getFirst();
    }

    private String column(long machineId, String column) {
        return dsl.fetchValue("SELECT " + column + " FROM machine WHERE id = ?", machineId).toString();
    }

    private List<String> identityMacs(long machineId) {
        return dsl.fetch("SELECT mac FROM machine_identity_mac WHERE machine_id = ?", machineId)
                .getValues(0, String.class);
    }

    private int conflictCount(long machineId) {
        return dsl.fetchCount(dsl.selectFrom("machine_identity_conflict")
                .where("machine_id = ? OR other_machine_id = ?", machineId, machineId));
    }

    private List<String> history(long machineId, String kind) {
        return dsl.fetch("SELECT detail FROM machine_history WHERE machine_id = ? AND kind = ? ORDER BY id",
                machineId, kind).getValues(0, String.class);
    }

    private int historyCount(long machineId) {
        return dsl.fetchCount(dsl.selectFrom("machine_history").where("machine_id = ?", machineId));
    }
}

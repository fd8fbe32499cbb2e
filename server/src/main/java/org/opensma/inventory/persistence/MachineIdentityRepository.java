package org.opensma.inventory.persistence;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;
import static org.opensma.inventory.persistence.InventoryTables.MACHINE;
import static org.opensma.inventory.persistence.InventoryTables.MACHINE_BIOS_SERIAL_NUMBER;
import static org.opensma.inventory.persistence.InventoryTables.MACHINE_HARDWARE_UUID;
import static org.opensma.inventory.persistence.InventoryTables.MACHINE_ID;
import static org.opensma.inventory.persistence.InventoryTables.MACHINE_KUID;
import static org.opensma.inventory.persistence.InventoryTables.MACHINE_MANUAL_ENTRY;
import static org.opensma.inventory.persistence.InventoryTables.MACHINE_NAME;
import static org.opensma.inventory.persistence.InventoryTables.MACHINE_ORG_ID;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/** Reads and writes the keys that tie an inventory to a stored machine, and the conflicts between them. */
@Repository
public class MachineIdentityRepository {

    /** Candidates fetched per rule; two are enough to tell one match from several, the rest name conflicts. */
    private static final int MAX_CANDIDATES = 10;

    static final Table<Record> IDENTITY_MAC = table(name("machine_identity_mac"));
    static final Field<Long> IDENTITY_MAC_ORG_ID = field(name("machine_identity_mac", "org_id"), SQLDataType.BIGINT);
    static final Field<Long> IDENTITY_MAC_MACHINE_ID =
            field(name("machine_identity_mac", "machine_id"), SQLDataType.BIGINT);
    static final Field<String> IDENTITY_MAC_MAC = field(name("machine_identity_mac", "mac"), SQLDataType.VARCHAR);

    static final Table<Record> CONFLICT = table(name("machine_identity_conflict"));

    private final DSLContext dsl;

    public MachineIdentityRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The stored identity keys of one machine. */
    public record StoredIdentity(long machineId, String name, String hardwareUuid, String serialNumber,
            Set<String> macAddresses) {
    }

    public List<Long> findByDeviceId(long orgId, String deviceId) {
        return agentMachines(orgId, MACHINE_KUID.eq(deviceId));
    }

    public List<Long> findByHardwareUuid(long orgId, String uuid) {
        return agentMachines(orgId, MACHINE_HARDWARE_UUID.eq(uuid));
    }

    public List<Long> findBySerialNumber(long orgId, String serialNumber) {
        return agentMachines(orgId, MACHINE_BIOS_SERIAL_NUMBER.eq(serialNumber));
    }

    public List<Long> findByName(long orgId, String name) {
        return agentMachines(orgId, MACHINE_NAME.eq(name));
    }

    /** Agent-fed machines that have at least one of the given MAC addresses, lowest id first. */
    public List<Long> findByAnyMac(long orgId, Collection<String> macs) {
        return dsl.selectDistinct(IDENTITY_MAC_MACHINE_ID).from(IDENTITY_MAC)
                .join(MACHINE).on(MACHINE_ID.eq(IDENTITY_MAC_MACHINE_ID))
                .where(IDENTITY_MAC_ORG_ID.eq(orgId), IDENTITY_MAC_MAC.in(macs), MACHINE_MANUAL_ENTRY.eq((short) 0))
                .orderBy(IDENTITY_MAC_MACHINE_ID)
                .limit(MAX_CANDIDATES)
                .fetch(IDENTITY_MAC_MACHINE_ID);
    }

    public Optional<StoredIdentity> load(long machineId) {
        Record row = dsl.select(MACHINE_ID, MACHINE_NAME, MACHINE_HARDWARE_UUID, MACHINE_BIOS_SERIAL_NUMBER)
                .from(MACHINE)
                .where(MACHINE_ID.eq(machineId))
                .fetchOne();
        if (row == null) {
            return Optional.empty();
        }
        Set<String> macs = new TreeSet<>(dsl.select(IDENTITY_MAC_MAC).from(IDENTITY_MAC)
                .where(IDENTITY_MAC_MACHINE_ID.eq(machineId))
                .fetch(IDENTITY_MAC_MAC));
        return Optional.of(new StoredIdentity(machineId, nullToEmpty(row.get(MACHINE_NAME)),
                nullToEmpty(row.get(MACHINE_HARDWARE_UUID)), nullToEmpty(row.get(MACHINE_BIOS_SERIAL_NUMBER)), macs));
    }

    /** Makes the machine's stored MAC addresses exactly the given ones. */
    public void replaceMacs(long orgId, long machineId, Collection<String> macs) {
        Set<String> wanted = new TreeSet<>(macs);
        Set<String> existing = new TreeSet<>(dsl.select(IDENTITY_MAC_MAC).from(IDENTITY_MAC)
                .where(IDENTITY_MAC_MACHINE_ID.eq(machineId))
                .fetch(IDENTITY_MAC_MAC));
        if (existing.equals(wanted)) {
            return;
        }
        dsl.deleteFrom(IDENTITY_MAC).where(IDENTITY_MAC_MACHINE_ID.eq(machineId)).execute();
        if (wanted.isEmpty()) {
            return;
        }
        var insert = dsl.insertInto(IDENTITY_MAC, IDENTITY_MAC_ORG_ID, IDENTITY_MAC_MACHINE_ID, IDENTITY_MAC_MAC);
        for (String mac : wanted) {
            insert = insert.values(orgId, machineId, mac);
        }
        insert.execute();
    }

    /** Records that the inventory stored as {@code machineId} also matched {@code otherMachineId}. */
    public void insertConflict(long orgId, long machineId, long otherMachineId, String rule, String value,
            String reason, LocalDateTime detectedAt) {
        dsl.insertInto(CONFLICT)
                .set(conflictField("org_id", Long.class), orgId)
                .set(conflictField("machine_id", Long.class), machineId)
                .set(conflictField("other_machine_id", Long.class), otherMachineId)
                .set(conflictField("rule_name", String.class), rule)
                .set(conflictField("rule_value", String.class), cut(value, 255))
                .set(conflictField("reason", String.class), cut(reason, 255))
                .set(conflictField("detected_at", LocalDateTime.class), detectedAt)
                .execute();
    }

    private List<Long> agentMachines(long orgId, Condition key) {
        return dsl.select(MACHINE_ID).from(MACHINE)
                .where(MACHINE_ORG_ID.eq(orgId), key, MACHINE_MANUAL_ENTRY.eq((short) 0))
                .orderBy(MACHINE_ID)
                .limit(MAX_CANDIDATES)
                .fetch(MACHINE_ID);
    }

    private static <T> Field<T> conflictField(String column, Class<T> type) {
        return field(name("machine_identity_conflict", column), type);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String cut(String value, int width) {
        return value.length() <= width ? value : value.substring(0, width);
    }
}

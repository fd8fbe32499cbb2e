package org.opensma.inventory.persistence;

import static org.opensma.inventory.persistence.InventoryTables.MACHINE;
import static org.opensma.inventory.persistence.InventoryTables.MACHINE_CREATED_AT;
import static org.opensma.inventory.persistence.InventoryTables.MACHINE_ID;
import static org.opensma.inventory.persistence.InventoryTables.MACHINE_MANUAL_ENTRY;
import static org.opensma.inventory.persistence.InventoryTables.MACHINE_MODIFIED_AT;
import static org.opensma.inventory.persistence.InventoryTables.MACHINE_ORG_ID;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/** Writes machines through the API: manual records, edits, deletion and inventory requests. */
@Repository
public class MachineWriteRepository {

    private static final Field<Short> MACHINE_FORCE_INVENTORY =
            InventoryTables.machine("force_inventory", SQLDataType.SMALLINT);

    private final DSLContext dsl;

    public MachineWriteRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Returns whether the machine was entered by hand, or empty when the organization has no
     * such machine that {@code visible} admits.
     */
    public Optional<Boolean> findManualEntry(long orgId, long machineId, Condition visible) {
        return dsl.select(MACHINE_MANUAL_ENTRY).from(MACHINE)
                .where(MACHINE_ORG_ID.eq(orgId), MACHINE_ID.eq(machineId), visible)
                .fetchOptional(MACHINE_MANUAL_ENTRY)
                .map(manual -> manual == 1);
    }

    /** Inserts a machine entered by hand and returns its id. */
    public long insertManual(long orgId, Map<Field<?>, Object> values, LocalDateTime now) {
        Map<Field<?>, Object> row = new HashMap<>(values);
        row.put(MACHINE_ORG_ID, orgId);
        row.put(MACHINE_MANUAL_ENTRY, (short) 1);
        row.put(MACHINE_CREATED_AT, now);
        row.put(MACHINE_MODIFIED_AT, now);
        return dsl.insertInto(MACHINE).set(row).returningResult(MACHINE_ID).fetchSingle(MACHINE_ID);
    }

    /** Sets the given columns and the modification time. Other columns and all linked rows stay. */
    public void update(long machineId, Map<Field<?>, Object> values, LocalDateTime now) {
        Map<Field<?>, Object> row = new HashMap<>(values);
        row.put(MACHINE_MODIFIED_AT, now);
        dsl.update(MACHINE).set(row).where(MACHINE_ID.eq(machineId)).execute();
    }

    /** Deletes the machine. Its links and section rows go with it through ON DELETE CASCADE. */
    public void delete(long machineId) {
        dsl.deleteFrom(MACHINE).where(MACHINE_ID.eq(machineId)).execute();
    }

    /** Records that the agent should send an inventory. The next inventory clears the flag. */
    public void requestInventory(long machineId) {
        dsl.update(MACHINE).set(MACHINE_FORCE_INVENTORY, (short) 1).where(MACHINE_ID.eq(machineId)).execute();
    }
}

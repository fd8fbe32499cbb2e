package org.opensma.inventory.persistence;

import static org.opensma.inventory.persistence.InventoryTables.MACHINE;
import static org.opensma.inventory.persistence.InventoryTables.MACHINE_CREATED_AT;
import static org.opensma.inventory.persistence.InventoryTables.MACHINE_ID;
import static org.opensma.inventory.persistence.InventoryTables.MACHINE_INVENTORY_RAW;
import static org.opensma.inventory.persistence.InventoryTables.MACHINE_INVENTORY_RAW_MACHINE_ID;
import static org.opensma.inventory.persistence.InventoryTables.MACHINE_KUID;
import static org.opensma.inventory.persistence.InventoryTables.MACHINE_LAST_SYNC;
import static org.opensma.inventory.persistence.InventoryTables.MACHINE_MODIFIED_AT;
import static org.opensma.inventory.persistence.InventoryTables.MACHINE_NETWORK;
import static org.opensma.inventory.persistence.InventoryTables.MACHINE_ORG_ID;
import static org.opensma.inventory.persistence.InventoryTables.MACHINE_SOFTWARE;
import static org.opensma.inventory.persistence.InventoryTables.MACHINE_SOFTWARE_ARCHITECTURE;
import static org.opensma.inventory.persistence.InventoryTables.MACHINE_SOFTWARE_INSTALL_DATE;
import static org.opensma.inventory.persistence.InventoryTables.MACHINE_SOFTWARE_MACHINE_ID;
import static org.opensma.inventory.persistence.InventoryTables.MACHINE_SOFTWARE_SOFTWARE_ID;
import static org.opensma.inventory.persistence.InventoryTables.MACHINE_SOFTWARE_SOURCE;
import static org.opensma.inventory.persistence.InventoryTables.MACHINE_SOFTWARE_UNINSTALL_STRING;
import static org.opensma.inventory.persistence.InventoryTables.SOFTWARE;
import static org.opensma.inventory.persistence.InventoryTables.SOFTWARE_DISPLAY_NAME;
import static org.opensma.inventory.persistence.InventoryTables.SOFTWARE_DISPLAY_VERSION;
import static org.opensma.inventory.persistence.InventoryTables.SOFTWARE_ID;
import static org.opensma.inventory.persistence.InventoryTables.SOFTWARE_ORG_ID;
import static org.opensma.inventory.persistence.InventoryTables.SOFTWARE_PUBLISHER;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStep4;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Writes what an agent reported: the machine row, its software links, networks and raw inventory. */
@Repository
public class MachineIngestRepository {

    /** Rows per multi-row INSERT; keeps statements well under every driver's parameter limit. */
    private static final int BATCH_ROWS = 500;

    private static final List<String> LINK_COLUMNS = List.of("machine_id", "software_id", "install_date",
            "uninstall_string", "architecture", "source");

    private final DSLContext dsl;
    private final JdbcTemplate jdbc;

    /**
     * The software table as the title look-up reads it. With a list of parameters H2 chose the
     * unique key, which starts with org_id, and compared each title of the organization with
     * each name: 80 % of the server's CPU for a new machine with 20,000 titles in the catalog.
     * The hint names the index that H2 alone has (migration {@code V2026_12_05_0500}).
     */
    private final String softwareByName;

    public MachineIngestRepository(DSLContext dsl, JdbcTemplate jdbc) {
        this.dsl = dsl;
        this.jdbc = jdbc;
        this.softwareByName = dsl.dialect().family() == SQLDialect.H2
                ? "software USE INDEX (ix_software_display_name_org_id)"
                : "software";
    }

    public long insertMachine(long orgId, Map<Field<?>, Object> values) {
        Map<Field<?>, Object> row = new HashMap<>(values);
        row.put(MACHINE_ORG_ID, orgId);
        // Set here rather than by the column default, which would be in the database session's zone.
        row.put(MACHINE_CREATED_AT, values.get(MACHINE_MODIFIED_AT));
        return dsl.insertInto(MACHINE).set(row).returningResult(MACHINE_ID).fetchSingle(MACHINE_ID);
    }

    public void updateMachine(long machineId, Map<Field<?>, Object> values) {
        dsl.update(MACHINE).set(values).where(MACHINE_ID.eq(machineId)).execute();
    }

    public void touchLastSync(long orgId, String kuid, LocalDateTime now) {
        dsl.update(MACHINE).set(MACHINE_LAST_SYNC, now)
                .where(MACHINE_ORG_ID.eq(orgId), MACHINE_KUID.eq(kuid))
                .execute();
    }

    /**
     * Returns the catalog id of every key, inserting missing titles first. Inserts run in
     * key order and skip titles another inventory inserted meanwhile, so concurrent
     * inventories with overlapping software neither fail nor duplicate a title.
     */
    public Map<SoftwareKey, Long> ensureSoftware(long orgId, Collection<SoftwareKey> keys) {
        Map<SoftwareKey, Long> ids = findSoftware(orgId, keys);
        List<SoftwareKey> missing = keys.stream()
                .filter(key -> !ids.containsKey(key))
                .sorted((a, b) -> (a.name() + '\0' + a.version() + '\0' + a.publisher())
                        .compareTo(b.name() + '\0' + b.version() + '\0' + b.publisher()))
                .toList();
        if (missing.isEmpty()) {
            return ids;
        }
        for (List<SoftwareKey> batch : batches(missing)) {
            InsertValuesStep4<Record, Long, String, String, String> insert = dsl.insertInto(SOFTWARE,
                    SOFTWARE_ORG_ID, SOFTWARE_DISPLAY_NAME, SOFTWARE_DISPLAY_VERSION, SOFTWARE_PUBLISHER);
            for (SoftwareKey key : batch) {
                insert = insert.values(orgId, key.name(), key.version(), key.publisher());
            }
            insert.onConflict(SOFTWARE_ORG_ID, SOFTWARE_DISPLAY_NAME, SOFTWARE_DISPLAY_VERSION, SOFTWARE_PUBLISHER)
                    .doNothing()
                    .execute();
        }
        ids.putAll(findSoftware(orgId, missing));
        return ids;
    }

    private Map<SoftwareKey, Long> findSoftware(long orgId, Collection<SoftwareKey> keys) {
        Map<SoftwareKey, Long> ids = new HashMap<>();
        Set<SoftwareKey> wanted = new HashSet<>(keys);
        List<String> names = keys.stream().map(SoftwareKey::name).distinct().toList();
        for (List<String> batch : batches(names)) {
            String sql = "SELECT id, display_name, display_version, publisher FROM " + softwareByName
                    + " WHERE org_id = ? AND display_name IN (" + MultiRowSql.placeholders(batch.size()) + ")";
            jdbc.query(sql, statement -> {
                statement.setLong(1, orgId);
                for (int i = 0; i < batch.size(); i++) {
                    statement.setString(i + 2, batch.get(i));
                }
            }, row -> {
                SoftwareKey key = new SoftwareKey(row.getString(2), row.getString(3), row.getString(4));
                if (wanted.contains(key)) {
                    ids.put(key, row.getLong(1));
                }
            });
        }
        return ids;
    }

    /** Returns the catalog titles of the given ids that still exist. */
    public Map<Long, SoftwareKey> softwareTitles(List<Long> softwareIds) {
        Map<Long, SoftwareKey> titles = new HashMap<>();
        for (List<Long> batch : batches(softwareIds)) {
            dsl.select(SOFTWARE_ID, SOFTWARE_DISPLAY_NAME, SOFTWARE_DISPLAY_VERSION, SOFTWARE_PUBLISHER)
                    .from(SOFTWARE)
                    .where(SOFTWARE_ID.in(batch))
                    .forEach(row -> titles.put(row.get(SOFTWARE_ID), new SoftwareKey(row.get(SOFTWARE_DISPLAY_NAME),
                            row.get(SOFTWARE_DISPLAY_VERSION), row.get(SOFTWARE_PUBLISHER))));
        }
        return titles;
    }

    /**
     * Locks the machine row until the transaction ends and returns the values of the given
     * columns, so that two inventories of one machine run one after the other and each
     * compares against what the previous one stored.
     */
    public Map<String, Object> lockMachine(long machineId, List<Field<?>> columns) {
        Record row = dsl.select(columns).from(MACHINE).where(MACHINE_ID.eq(machineId)).forUpdate().fetchOne();
        Map<String, Object> values = new HashMap<>();
        if (row != null) {
            for (Field<?> column : columns) {
                values.put(column.getName(), row.get(column));
            }
        }
        return values;
    }

    /** Makes the machine's software links exactly the given ones; returns the ids added and removed. */
    public LinkChanges replaceSoftwareLinks(long machineId, Map<Long, SoftwareLink> links) {
        Set<Long> existing = new HashSet<>(dsl.select(MACHINE_SOFTWARE_SOFTWARE_ID).from(MACHINE_SOFTWARE)
                .where(MACHINE_SOFTWARE_MACHINE_ID.eq(machineId))
                .fetch(MACHINE_SOFTWARE_SOFTWARE_ID));

        List<Long> removed = existing.stream().filter(id -> !links.containsKey(id)).toList();
        for (List<Long> batch : batches(removed)) {
            dsl.deleteFrom(MACHINE_SOFTWARE)
                    .where(MACHINE_SOFTWARE_MACHINE_ID.eq(machineId), MACHINE_SOFTWARE_SOFTWARE_ID.in(batch))
                    .execute();
        }

        List<Map.Entry<Long, SoftwareLink>> added = links.entrySet().stream()
                .filter(entry -> !existing.contains(entry.getKey()))
                .toList();
        for (List<Map.Entry<Long, SoftwareLink>> batch : batches(added)) {
            jdbc.update(MultiRowSql.insert("machine_software", LINK_COLUMNS, batch.size()), statement -> {
                int index = 1;
                for (Map.Entry<Long, SoftwareLink> entry : batch) {
                    SoftwareLink link = entry.getValue();
                    statement.setLong(index++, machineId);
                    statement.setLong(index++, entry.getKey());
                    MultiRowSql.setTimestamp(statement, index++, link.installDate());
                    statement.setString(index++, link.uninstallString());
                    statement.setString(index++, link.architecture());
                    statement.setString(index++, link.source());
                }
            });
        }
        return new LinkChanges(added.stream().map(Map.Entry::getKey).toList(), removed);
    }

    public void replaceNetworks(long orgId, long machineId, List<NetworkRow> networks) {
        dsl.deleteFrom(MACHINE_NETWORK).where(networkField("machine_id", Long.class).eq(machineId)).execute();
        if (networks.isEmpty()) {
            return;
        }
        var insert = dsl.insertInto(MACHINE_NETWORK, networkField("org_id", Long.class),
                networkField("machine_id", Long.class),
                networkField("ordinal", Integer.class), networkField("name", String.class),
                networkField("mac", String.class), networkField("ipv4", String.class),
                networkField("netmask", String.class), networkField("ipv6", String.class),
                networkField("type", String.class), networkField("status", String.class),
                networkField("is_virtual", Short.class), networkField("speed", String.class));
        int ordinal = 0;
        for (NetworkRow network : networks) {
            insert = insert.values(orgId, machineId, ordinal++, network.name(), network.mac(), network.ipv4(),
                    network.netmask(), network.ipv6(), network.type(), network.status(),
                    (short) (network.virtual() ? 1 : 0), network.speed());
        }
        insert.execute();
    }

    /** Keeps the last inventory of the machine as received: one row per machine, replaced each time. */
    public void saveRawInventory(long machineId, LocalDateTime receivedAt, String encoding, long decodedBytes,
            byte[] body) {
        Map<Field<?>, Object> values = new HashMap<>();
        values.put(rawField("received_at", LocalDateTime.class), receivedAt);
        values.put(rawField("encoding", String.class), encoding);
        values.put(rawField("decoded_bytes", Long.class), decodedBytes);
        values.put(rawField("body", byte[].class), body);
        // A known machine already has its row, so one UPDATE does; a new machine gets an INSERT.
        if (dsl.update(MACHINE_INVENTORY_RAW).set(values).where(MACHINE_INVENTORY_RAW_MACHINE_ID.eq(machineId))
                .execute() > 0) {
            return;
        }
        values.put(MACHINE_INVENTORY_RAW_MACHINE_ID, machineId);
        dsl.insertInto(MACHINE_INVENTORY_RAW).set(values).execute();
    }

    private static <T> Field<T> networkField(String column, Class<T> type) {
        return org.jooq.impl.DSL.field(org.jooq.impl.DSL.name("machine_network", column), type);
    }

    private static <T> Field<T> rawField(String column, Class<T> type) {
        return org.jooq.impl.DSL.field(org.jooq.impl.DSL.name("machine_inventory_raw", column), type);
    }

    private static <T> List<List<T>> batches(List<T> values) {
        List<List<T>> batches = new ArrayList<>();
        for (int start = 0; start < values.size(); start += BATCH_ROWS) {
            batches.add(values.subList(start, Math.min(values.size(), start + BATCH_ROWS)));
        }
        return batches;
    }

    /** Catalog ids of the software links that one inventory added and removed. */
    public record LinkChanges(List<Long> addedIds, List<Long> removedIds) {

        public LinkChanges {
            addedIds = List.copyOf(addedIds);
            removedIds = List.copyOf(removedIds);
        }

        public int added() {
            return addedIds.size();
        }

        public int removed() {
            return removedIds.size();
        }
    }

    /** The per-machine facts of one installed title. */
    public record SoftwareLink(LocalDateTime installDate, String uninstallString, String architecture,
            String source) {
    }

    /** One network interface row. */
    public record NetworkRow(String name, String mac, String ipv4, String netmask, String ipv6, String type,
            String status, boolean virtual, String speed) {
    }
}

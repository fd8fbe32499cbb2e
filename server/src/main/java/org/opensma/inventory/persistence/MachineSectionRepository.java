package org.opensma.inventory.persistence;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/**
 * Writes the inventory sections of a machine besides software and networks: the process
 * catalog with its links to machines, and the hardware section tables. Every write replaces
 * the machine's rows of a section, in multi-row statements of at most {@value #BATCH_ROWS} rows.
 */
@Repository
public class MachineSectionRepository {

    private static final int BATCH_ROWS = 500;

    private static final Table<Record> PROCESS = table(name("process"));
    private static final Field<Long> PROCESS_ID = field(name("process", "id"), SQLDataType.BIGINT);
    private static final Field<Long> PROCESS_ORG_ID = field(name("process", "org_id"), SQLDataType.BIGINT);
    private static final Field<String> PROCESS_PATH = field(name("process", "path"), SQLDataType.VARCHAR);
    private static final Field<String> PROCESS_NAME = field(name("process", "name"), SQLDataType.VARCHAR);

    private static final Table<Record> MACHINE_PROCESS = table(name("machine_process"));
    private static final Field<Long> MACHINE_PROCESS_MACHINE_ID =
            field(name("machine_process", "machine_id"), SQLDataType.BIGINT);
    private static final Field<Long> MACHINE_PROCESS_PROCESS_ID =
            field(name("machine_process", "process_id"), SQLDataType.BIGINT);
    private static final Field<Integer> MACHINE_PROCESS_INSTANCE_COUNT =
            field(name("machine_process", "instance_count"), SQLDataType.INTEGER);
    private static final Field<String> MACHINE_PROCESS_USER_NAMES =
            field(name("machine_process", "user_names"), SQLDataType.VARCHAR);

    private static final Table<Record> SECTION_HASH = table(name("machine_section_hash"));
    private static final Field<Long> SECTION_HASH_ORG_ID = field(name("machine_section_hash", "org_id"), SQLDataType.BIGINT);
    private static final Field<Long> SECTION_HASH_MACHINE_ID =
            field(name("machine_section_hash", "machine_id"), SQLDataType.BIGINT);
    private static final Field<String> SECTION_HASH_SECTION =
            field(name("machine_section_hash", "section"), SQLDataType.VARCHAR);
    private static final Field<String> SECTION_HASH_HASH = field(name("machine_section_hash", "hash"), SQLDataType.VARCHAR);

    private final DSLContext dsl;

    public MachineSectionRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Returns the catalog id of every executable path, inserting missing ones first. As for
     * software titles, an insert that meets a row another inventory inserted meanwhile is skipped.
     *
     * @param namesByPath the display name of each path
     */
    public Map<String, Long> ensureProcesses(long orgId, Map<String, String> namesByPath) {
        Map<String, Long> ids = findProcesses(orgId, namesByPath.keySet());
        List<String> missing = namesByPath.keySet().stream().filter(path -> !ids.containsKey(path)).sorted().toList();
        for (List<String> batch : batches(missing)) {
            var insert = dsl.insertInto(PROCESS, PROCESS_ORG_ID, PROCESS_PATH, PROCESS_NAME);
            for (String path : batch) {
                insert = insert.values(orgId, path, namesByPath.get(path));
            }
            insert.onConflict(PROCESS_ORG_ID, PROCESS_PATH).doNothing().execute();
        }
        if (!missing.isEmpty()) {
            ids.putAll(findProcesses(orgId, missing));
        }
        return ids;
    }

    private Map<String, Long> findProcesses(long orgId, Collection<String> paths) {
        Map<String, Long> ids = new HashMap<>();
        for (List<String> batch : batches(List.copyOf(paths))) {
            dsl.select(PROCESS_ID, PROCESS_PATH).from(PROCESS)
                    .where(PROCESS_ORG_ID.eq(orgId), PROCESS_PATH.in(batch))
                    .forEach(row -> ids.put(row.get(PROCESS_PATH), row.get(PROCESS_ID)));
        }
        return ids;
    }

    /** Makes the machine's process links exactly the given ones. */
    public void replaceProcessLinks(long machineId, Map<Long, ProcessLink> links) {
        dsl.deleteFrom(MACHINE_PROCESS).where(MACHINE_PROCESS_MACHINE_ID.eq(machineId)).execute();
        for (List<Map.Entry<Long, ProcessLink>> batch : batches(List.copyOf(links.entrySet()))) {
            var insert = dsl.insertInto(MACHINE_PROCESS, MACHINE_PROCESS_MACHINE_ID, MACHINE_PROCESS_PROCESS_ID,
                    MACHINE_PROCESS_INSTANCE_COUNT, MACHINE_PROCESS_USER_NAMES);
            for (Map.Entry<Long, ProcessLink> entry : batch) {
                insert = insert.values(machineId, entry.getKey(), entry.getValue().instanceCount(),
                        entry.getValue().userNames());
            }
            insert.execute();
        }
    }

    /**
     * Replaces the machine's rows of one hardware section table. Each row holds the text of
     * {@code columns} in order, and the table also has org_id, machine_id and the row's ordinal.
     */
    public void replaceSectionRows(long orgId, long machineId, String tableName, List<String> columns,
            List<List<String>> rows) {
        Table<Record> target = table(name(tableName));
        Field<Long> machineColumn = field(name(tableName, "machine_id"), SQLDataType.BIGINT);
        dsl.deleteFrom(target).where(machineColumn.eq(machineId)).execute();

        List<Field<?>> fields = new ArrayList<>();
        fields.add(field(name(tableName, "org_id"), SQLDataType.BIGINT));
        fields.add(machineColumn);
        fields.add(field(name(tableName, "ordinal"), SQLDataType.INTEGER));
        for (String column : columns) {
            fields.add(field(name(tableName, column), SQLDataType.VARCHAR));
        }
        int ordinal = 0;
        for (List<List<String>> batch : batches(rows)) {
            InsertValuesStepN<Record> insert = dsl.insertInto(target, fields).values(rowValues(orgId, machineId,
                    ordinal++, batch.getFirst()));
            for (List<String> row : batch.subList(1, batch.size())) {
                insert = insert.values(rowValues(orgId, machineId, ordinal++, row));
            }
            insert.execute();
        }
    }

    /** Returns the digest the machine's last inventory stored for each section. */
    public Map<String, String> sectionDigests(long machineId) {
        Map<String, String> digests = new HashMap<>();
        dsl.select(SECTION_HASH_SECTION, SECTION_HASH_HASH).from(SECTION_HASH)
                .where(SECTION_HASH_MACHINE_ID.eq(machineId))
                .forEach(row -> digests.put(row.get(SECTION_HASH_SECTION), row.get(SECTION_HASH_HASH)));
        return digests;
    }

    /** Replaces the machine's digests of the given sections. */
    public void saveSectionDigests(long orgId, long machineId, Map<String, String> digests) {
        if (digests.isEmpty()) {
            return;
        }
        dsl.deleteFrom(SECTION_HASH)
                .where(SECTION_HASH_MACHINE_ID.eq(machineId), SECTION_HASH_SECTION.in(digests.keySet()))
                .execute();
        var insert = dsl.insertInto(SECTION_HASH, SECTION_HASH_ORG_ID, SECTION_HASH_MACHINE_ID, SECTION_HASH_SECTION,
                SECTION_HASH_HASH);
        for (Map.Entry<String, String> digest : digests.entrySet()) {
            insert = insert.values(orgId, machineId, digest.getKey(), digest.getValue());
        }
        insert.execute();
    }

    private static List<Object> rowValues(long orgId, long machineId, int ordinal, List<String> row) {
        List<Object> values = new ArrayList<>(row.size() + 3);
        values.add(orgId);
        values.add(machineId);
        values.add(ordinal);
        values.addAll(row);
        return values;
    }

    private static <T> List<List<T>> batches(List<T> values) {
        List<List<T>> batches = new ArrayList<>();
        for (int start = 0; start < values.size(); start += BATCH_ROWS) {
            batches.add(values.subList(start, Math.min(values.size(), start + BATCH_ROWS)));
        }
        return batches;
    }

    /** How an executable ran on one machine in its last inventory. */
    public record ProcessLink(int instanceCount, String userNames) {
    }
}

package org.opensma.inventory.persistence;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.LocalDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/** Writes the bounded change history of machines. */
@Repository
public class MachineHistoryRepository {

    private static final Table<Record> HISTORY = table(name("machine_history"));
    private static final Field<Long> HISTORY_ID = field(name("machine_history", "id"), SQLDataType.BIGINT);
    private static final Field<Long> HISTORY_ORG_ID = field(name("machine_history", "org_id"), SQLDataType.BIGINT);
    private static final Field<Long> HISTORY_MACHINE_ID =
            field(name("machine_history", "machine_id"), SQLDataType.BIGINT);
    private static final Field<LocalDateTime> HISTORY_OCCURRED_AT =
            field(name("machine_history", "occurred_at"), SQLDataType.LOCALDATETIME);
    private static final Field<String> HISTORY_KIND = field(name("machine_history", "kind"), SQLDataType.VARCHAR);
    private static final Field<String> HISTORY_DETAIL = field(name("machine_history", "detail"), SQLDataType.VARCHAR);

    /** Rows per multi-row INSERT, as in the other ingest repositories. */
    private static final int BATCH_ROWS = 500;

    private final DSLContext dsl;

    public MachineHistoryRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Kinds of history rows. */
    public enum Kind {
        SOFTWARE_INSTALLED, SOFTWARE_REMOVED, HARDWARE_CHANGED
    }

    /** One change, with a detail of at most 1000 characters. */
    public record Entry(Kind kind, String detail) {
    }

    /**
     * Appends the entries in order and then deletes the machine's oldest rows beyond
     * {@code limit}. Rows are ordered by id, which grows with each insert.
     */
    public void append(long orgId, long machineId, LocalDateTime occurredAt, List<Entry> entries, int limit) {
        if (entries.isEmpty()) {
            return;
        }
        List<Entry> kept = entries.size() <= limit ? entries : entries.subList(entries.size() - limit, entries.size());
        for (int start = 0; start < kept.size(); start += BATCH_ROWS) {
            var insert = dsl.insertInto(HISTORY, HISTORY_ORG_ID, HISTORY_MACHINE_ID, HISTORY_OCCURRED_AT, HISTORY_KIND,
                    HISTORY_DETAIL);
            for (Entry entry : kept.subList(start, Math.min(kept.size(), start + BATCH_ROWS))) {
                String detail = entry.detail().length() <= 1000 ? entry.detail() : entry.detail().substring(0, 1000);
                insert = insert.values(orgId, machineId, occurredAt, entry.kind().name(), detail);
            }
            insert.execute();
        }

        Long oldestKept = dsl.select(HISTORY_ID).from(HISTORY)
                .where(HISTORY_MACHINE_ID.eq(machineId))
                .orderBy(HISTORY_ID.desc())
                .offset(limit - 1)
                .limit(1)
                .fetchOne(HISTORY_ID);
        if (oldestKept != null) {
            dsl.deleteFrom(HISTORY).where(HISTORY_MACHINE_ID.eq(machineId), HISTORY_ID.lt(oldestKept)).execute();
        }
    }
}

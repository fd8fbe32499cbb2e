package org.opensma.servicedesk.persistence;

import static org.opensma.servicedesk.persistence.ServiceDeskTables.ID;
import static org.opensma.servicedesk.persistence.ServiceDeskTables.NAME;
import static org.opensma.servicedesk.persistence.ServiceDeskTables.ORDINAL;
import static org.opensma.servicedesk.persistence.ServiceDeskTables.ORG_ID;
import static org.opensma.servicedesk.persistence.ServiceDeskTables.QUEUE;
import static org.opensma.servicedesk.persistence.ServiceDeskTables.QUEUE_ID;
import static org.opensma.servicedesk.persistence.ServiceDeskTables.column;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.opensma.servicedesk.persistence.QueueRules.Choice;
import org.opensma.servicedesk.persistence.QueueRules.FieldRule;
import org.springframework.stereotype.Repository;

/** Reads queues with their values and layout, and applies administrators' edits. */
@Repository
public class QueueRepository {

    /** Value kinds and their tables. */
    public static final Map<String, String> VALUE_TABLES = Map.of("status", "hd_status", "priority", "hd_priority",
            "impact", "hd_impact", "category", "hd_category");

    private static final Field<String> STATE = column("state", SQLDataType.VARCHAR);
    private static final Field<Integer> SLA_MINUTES = column("sla_minutes", SQLDataType.INTEGER);
    private static final Field<String> JSON_KEY = column("json_key", SQLDataType.VARCHAR);
    private static final Field<String> LABEL = column("field_label", SQLDataType.VARCHAR);
    private static final Field<String> VISIBLE = column("visible", SQLDataType.VARCHAR);
    private static final Field<String> REQUIRED = column("required_state", SQLDataType.VARCHAR);

    private final DSLContext dsl;

    public QueueRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Loads a queue of the organization, or empty when it has none with this id. */
    public Optional<QueueRules> find(long orgId, long queueId) {
        var queue = dsl.select(ID, NAME, column("default_status_id", SQLDataType.BIGINT),
                        column("default_priority_id", SQLDataType.BIGINT),
                        column("default_impact_id", SQLDataType.BIGINT),
                        column("default_category_id", SQLDataType.BIGINT))
                .from(QUEUE).where(ORG_ID.eq(orgId), ID.eq(queueId)).fetchOptional();
        if (queue.isEmpty()) {
            return Optional.empty();
        }
        var row = queue.get();
        Map<String, List<Choice>> values = new LinkedHashMap<>();
        for (String kind : List.of("status", "priority", "impact", "category")) {
            values.put(kind, choices(kind, queueId));
        }
        Map<String, FieldRule> fields = new LinkedHashMap<>();
        dsl.select(JSON_KEY, LABEL, VISIBLE, REQUIRED).from(ServiceDeskTables.FIELD)
                .where(QUEUE_ID.eq(queueId)).orderBy(ORDINAL)
                .forEach(field -> fields.put(field.value1(),
                        new FieldRule(field.value1(), field.value2(), field.value3(), field.value4())));
        return Optional.of(new QueueRules(row.value1(), row.value2(), row.value3(), row.value4(), row.value5(),
                row.value6(), values, fields));
    }

    /** Returns whether the organization has this queue. */
    public boolean exists(long orgId, long queueId) {
        return dsl.fetchExists(QUEUE, ORG_ID.eq(orgId), ID.eq(queueId));
    }

    public void rename(long queueId, String name) {
        dsl.update(QUEUE).set(NAME, name).set(ServiceDeskTables.MODIFIED_AT, DSL.currentLocalDateTime())
                .where(ID.eq(queueId)).execute();
    }

    /** Changes the label, visibility or required state of one field of a queue; returns false when it has none. */
    public boolean updateField(long queueId, String jsonKey, Map<String, String> changes) {
        if (changes.isEmpty()) {
            return dsl.fetchExists(ServiceDeskTables.FIELD, QUEUE_ID.eq(queueId), JSON_KEY.eq(jsonKey));
        }
        Map<Field<?>, Object> row = new LinkedHashMap<>();
        changes.forEach((column, value) -> row.put(column(column, SQLDataType.VARCHAR), value));
        return dsl.update(ServiceDeskTables.FIELD).set(row)
                .where(QUEUE_ID.eq(queueId), JSON_KEY.eq(jsonKey)).execute() == 1;
    }

    /**
     * Sets columns of one status, priority, impact or category of the queue; returns false
     * when the queue has no such row.
     */
    public boolean updateValue(String kind, long queueId, long id, Map<String, Object> columns) {
        Map<Field<?>, Object> row = new LinkedHashMap<>();
        columns.forEach((column, value) -> {
            boolean number = column.equals("sla_minutes") || column.equals("ordinal");
            org.jooq.DataType<?> type = number ? SQLDataType.INTEGER : SQLDataType.VARCHAR;
            row.put(DSL.field(DSL.name(column), type), value);
        });
        var table = DSL.table(DSL.name(VALUE_TABLES.get(kind)));
        if (row.isEmpty()) {
            return dsl.fetchExists(table, QUEUE_ID.eq(queueId), ID.eq(id));
        }
        return dsl.update(table).set(row).where(QUEUE_ID.eq(queueId), ID.eq(id)).execute() == 1;
    }

    private List<Choice> choices(String kind, long queueId) {
        var table = DSL.table(DSL.name(VALUE_TABLES.get(kind)));
        Field<String> state = kind.equals("status") ? STATE : DSL.inline((String) null, SQLDataType.VARCHAR);
        Field<Integer> sla = kind.equals("priority") ? SLA_MINUTES : DSL.inline((Integer) null, SQLDataType.INTEGER);
        return dsl.select(ID, NAME, state, sla).from(table).where(QUEUE_ID.eq(queueId)).orderBy(ID)
                .fetch(row -> new Choice(row.value1(), row.value2(), row.value3(), row.value4()));
    }
}

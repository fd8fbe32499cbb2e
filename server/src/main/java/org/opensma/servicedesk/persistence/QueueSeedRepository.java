package org.opensma.servicedesk.persistence;

import static org.opensma.servicedesk.persistence.ServiceDeskTables.ID;
import static org.opensma.servicedesk.persistence.ServiceDeskTables.NAME;
import static org.opensma.servicedesk.persistence.ServiceDeskTables.ORDINAL;
import static org.opensma.servicedesk.persistence.ServiceDeskTables.ORGANIZATION;
import static org.opensma.servicedesk.persistence.ServiceDeskTables.ORG_ID;
import static org.opensma.servicedesk.persistence.ServiceDeskTables.QUEUE;
import static org.opensma.servicedesk.persistence.ServiceDeskTables.QUEUE_ID;
import static org.opensma.servicedesk.persistence.ServiceDeskTables.column;

import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/** Writes a new organization's first queue with its values and field layout. */
@Repository
public class QueueSeedRepository {

    private final DSLContext dsl;

    public QueueSeedRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Ids of the organizations that have no queue yet. */
    public List<Long> organizationsWithoutQueue() {
        return dsl.select(ID).from(ORGANIZATION)
                .whereNotExists(DSL.selectOne().from(QUEUE).where(ORG_ID.eq(ID)))
                .orderBy(ID)
                .fetch(ID);
    }

    /**
     * Locks the organization's row and returns whether it has a queue, so that two
     * server processes starting together seed it once.
     */
    public boolean lockAndHasQueue(long orgId) {
        dsl.select(ID).from(ORGANIZATION).where(ID.eq(orgId)).forUpdate().fetch();
        return dsl.fetchExists(QUEUE, ORG_ID.eq(orgId));
    }

    public long insertQueue(long orgId, String name) {
        return dsl.insertInto(QUEUE).set(ORG_ID, orgId).set(NAME, name).returningResult(ID).fetchSingle(ID);
    }

    /** Inserts one value row (status, priority, impact or category) of a queue and returns its id. */
    public long insertValue(String table, long orgId, long queueId, String name, int ordinal,
            Map<String, Object> extra) {
        var insert = dsl.insertInto(DSL.table(DSL.name(table)))
                .set(ORG_ID, orgId).set(QUEUE_ID, queueId).set(NAME, name).set(ORDINAL, ordinal);
        for (Map.Entry<String, Object> column : extra.entrySet()) {
            Object value = column.getValue();
            if (value instanceof Integer number) {
                insert = insert.set(column(column.getKey(), SQLDataType.INTEGER), number);
            } else {
                insert = insert.set(column(column.getKey(), SQLDataType.VARCHAR), (String) value);
            }
        }
        return insert.returningResult(ID).fetchSingle(ID);
    }

    public void setDefaults(long queueId, long statusId, long priorityId, long impactId, long categoryId) {
        dsl.update(QUEUE)
                .set(column("default_status_id", SQLDataType.BIGINT), statusId)
                .set(column("default_priority_id", SQLDataType.BIGINT), priorityId)
                .set(column("default_impact_id", SQLDataType.BIGINT), impactId)
                .set(column("default_category_id", SQLDataType.BIGINT), categoryId)
                .where(ID.eq(queueId)).execute();
    }

    /** Inserts one field of a queue's layout. */
    public void insertField(long orgId, long queueId, LayoutField field) {
        dsl.insertInto(ServiceDeskTables.FIELD)
                .set(ORG_ID, orgId).set(QUEUE_ID, queueId).set(NAME, field.name())
                .set(column("json_key", SQLDataType.VARCHAR), field.jsonKey())
                .set(column("column_name", SQLDataType.VARCHAR), field.column())
                .set(column("hd_ticket_field_name", SQLDataType.VARCHAR), field.ticketFieldName())
                .set(column("field_type", SQLDataType.VARCHAR), field.type())
                .set(column("field_label", SQLDataType.VARCHAR), field.label())
                .set(ORDINAL, field.ordinal())
                .set(column("required_state", SQLDataType.VARCHAR), field.required())
                .set(column("visible", SQLDataType.VARCHAR), field.visible())
                .execute();
    }

    /** One field of a queue's layout as the seed writes it. */
    public record LayoutField(String name, String jsonKey, String column, String ticketFieldName, String type,
            String label, int ordinal, String required, String visible) {
    }
}

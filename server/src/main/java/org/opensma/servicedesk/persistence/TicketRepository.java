package org.opensma.servicedesk.persistence;

import static org.opensma.servicedesk.persistence.ServiceDeskTables.ID;
import static org.opensma.servicedesk.persistence.ServiceDeskTables.ORG_ID;
import static org.opensma.servicedesk.persistence.ServiceDeskTables.TICKET;
import static org.opensma.servicedesk.persistence.ServiceDeskTables.column;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/**
 * Ticket rows: insert, update and delete within the caller's organization, their "see
 * also" links, and the existence checks of the users and machines a ticket refers to.
 */
@Repository
public class TicketRepository {

    private static final Field<Long> TICKET_ID = column("ticket_id", SQLDataType.BIGINT);
    private static final Field<Long> RELATED_TICKET_ID = column("related_ticket_id", SQLDataType.BIGINT);

    /** Every column a write reads back, typed so that both databases return the same Java types. */
    private static final List<Field<?>> COLUMNS = columns();

    private final DSLContext dsl;

    public TicketRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Reads a ticket's columns by name, or empty when the organization has no such ticket
     * that {@code visible} admits. The row is locked until the transaction ends.
     */
    public Optional<Map<String, Object>> findForUpdate(long orgId, long ticketId, Condition visible) {
        return dsl.select(COLUMNS).from(TICKET).where(ORG_ID.eq(orgId), ID.eq(ticketId), visible).forUpdate()
                .fetchOptional().map(TicketRepository::byColumn);
    }

    /** Reads a ticket's columns for a notification, outside any lock. */
    public Optional<Map<String, Object>> find(long orgId, long ticketId) {
        return dsl.select(COLUMNS).from(TICKET).where(ORG_ID.eq(orgId), ID.eq(ticketId)).fetchOptional()
                .map(TicketRepository::byColumn);
    }

    public long insert(long orgId, Map<String, Object> columns) {
        return dsl.insertInto(TICKET).set(fields(columns)).set(ORG_ID, orgId).returningResult(ID).fetchSingle(ID);
    }

    public void update(long orgId, long ticketId, Map<String, Object> columns) {
        dsl.update(TICKET).set(fields(columns)).where(ORG_ID.eq(orgId), ID.eq(ticketId)).execute();
    }

    public void delete(long orgId, long ticketId) {
        dsl.deleteFrom(TICKET).where(ORG_ID.eq(orgId), ID.eq(ticketId)).execute();
    }

    /** Replaces the tickets this one lists under "see also". */
    public void replaceRelated(long orgId, long ticketId, List<Long> relatedIds) {
        dsl.deleteFrom(ServiceDeskTables.RELATED).where(TICKET_ID.eq(ticketId)).execute();
        for (long related : relatedIds) {
            dsl.insertInto(ServiceDeskTables.RELATED).set(ORG_ID, orgId).set(TICKET_ID, ticketId)
                    .set(RELATED_TICKET_ID, related).execute();
        }
    }

    /** Whether the organization has the ticket and {@code visible} admits it. */
    public boolean visible(long orgId, long ticketId, Condition visible) {
        return dsl.fetchExists(TICKET, ORG_ID.eq(orgId), ID.eq(ticketId), visible);
    }

    public boolean ticketExists(long orgId, long ticketId) {
        return dsl.fetchExists(TICKET, ORG_ID.eq(orgId), ID.eq(ticketId));
    }

    /** A member of the organization by id. */
    public Optional<TicketUser> user(long orgId, long userId) {
        return users(orgId, ID.eq(userId)).stream().findFirst();
    }

    /** Members of the organization whose user name matches in any case. */
    public List<TicketUser> usersNamed(long orgId, String userName) {
        return users(orgId, DSL.lower(column("user_name", SQLDataType.VARCHAR)).eq(userName.toLowerCase()));
    }

    public boolean machineExists(long orgId, long machineId) {
        return dsl.fetchExists(ServiceDeskTables.MACHINE, ORG_ID.eq(orgId), ID.eq(machineId));
    }

    public boolean assetExists(long orgId, long assetId) {
        return dsl.fetchExists(ServiceDeskTables.ASSET, ORG_ID.eq(orgId), ID.eq(assetId));
    }

    /** Assets of the organization with this name, in any case. */
    public List<Long> assetsNamed(long orgId, String name) {
        return dsl.select(ID).from(ServiceDeskTables.ASSET)
                .where(ORG_ID.eq(orgId), DSL.lower(ServiceDeskTables.NAME).eq(name.toLowerCase()))
                .fetch(ID);
    }

    /** Machines of the organization with this name, in any case. */
    public List<Long> machinesNamed(long orgId, String name) {
        return dsl.select(ID).from(ServiceDeskTables.MACHINE)
                .where(ORG_ID.eq(orgId), DSL.lower(ServiceDeskTables.NAME).eq(name.toLowerCase()))
                .fetch(ID);
    }

    private List<TicketUser> users(long orgId, Condition condition) {
        return dsl.select(ID, column("user_name", SQLDataType.VARCHAR), column("full_name", SQLDataType.VARCHAR),
                        column("email", SQLDataType.VARCHAR))
                .from(ServiceDeskTables.ORG_USER).where(ORG_ID.eq(orgId), condition)
                .fetch(row -> new TicketUser(row.value1(), row.value2(), row.value3(), row.value4()));
    }

    /** A user as tickets refer to them. */
    public record TicketUser(long id, String userName, String fullName, String email) {
    }

    private static Map<Field<?>, Object> fields(Map<String, Object> columns) {
        Map<Field<?>, Object> row = new LinkedHashMap<>();
        columns.forEach((name, value) -> row.put(DSL.field(DSL.name(name), type(name)), value));
        return row;
    }

    private static List<Field<?>> columns() {
        List<String> names = new java.util.ArrayList<>(List.of("id", "hd_queue_id", "hd_status_id",
                "hd_priority_id", "hd_impact_id", "hd_category_id", "owner_id", "submitter_id", "approver_id",
                "machine_id", "asset_id", "title", "summary", "cc_list", "resolution", "due_date",
                "is_manual_due_date", "approval_state", "approval_note", "time_closed", "created_at", "modified_at"));
        for (int n = 1; n <= 20; n++) {
            names.add("custom_" + n);
        }
        return names.stream().<Field<?>>map(name -> DSL.field(DSL.name(name), type(name))).toList();
    }

    /** The SQL type of a ticket column, so that a null binds with its type on PostgreSQL. */
    private static org.jooq.DataType<?> type(String column) {
        if (column.endsWith("_id")) {
            return SQLDataType.BIGINT;
        }
        return switch (column) {
            case "due_date", "time_closed", "created_at", "modified_at" -> SQLDataType.LOCALDATETIME;
            case "is_manual_due_date" -> SQLDataType.INTEGER;
            default -> SQLDataType.VARCHAR;
        };
    }

    private static Map<String, Object> byColumn(Record record) {
        Map<String, Object> columns = new LinkedHashMap<>();
        for (Field<?> field : record.fields()) {
            columns.put(field.getName().toLowerCase(), record.get(field));
        }
        return columns;
    }
}

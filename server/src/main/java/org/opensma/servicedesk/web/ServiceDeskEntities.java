package org.opensma.servicedesk.web;

import static org.opensma.query.model.FieldType.DATETIME;
import static org.opensma.query.model.FieldType.INTEGER;
import static org.opensma.query.model.FieldType.STRING;
import static org.opensma.query.model.ShapingLevel.ALL;
import static org.opensma.query.model.ShapingLevel.EXTENDED;
import static org.opensma.query.model.ShapingLevel.LIMITED;
import static org.opensma.query.model.ShapingLevel.STANDARD;

import org.opensma.query.model.FieldType;
import org.opensma.query.model.ShapingLevel;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.opensma.account.SmaPrincipal;
import org.opensma.platform.query.EntityView;
import org.opensma.platform.query.KaceValues;
import org.opensma.platform.query.OrgScope;
import org.opensma.query.model.EntityDefinition;
import org.opensma.query.model.FieldDefinition;
import org.opensma.query.model.ManyToMany;
import org.opensma.query.model.ManyToOne;
import org.opensma.query.model.OneToMany;
import org.opensma.query.model.RelationDefinition;
import org.opensma.servicedesk.service.TicketColumns;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Declarations of the service desk entities with the appliance's lower_snake keys. The
 * STANDARD ticket is exactly what a SMA 10.0 returned without shaping; relations are
 * objects, left out when absent, as the appliance shows them.
 */
@Configuration(proxyBeanMethods = false)
class ServiceDeskEntities {

    static final String TICKET = "hd_ticket";
    static final String QUEUE = "hd_queue";
    static final String QUEUE_FIELD = "hd_queue_field";
    static final String FIELD_LAYOUT = "hd_field_layout";
    static final String CHANGE = "hd_ticket_change";
    static final String ATTACHMENT = "hd_attachment";
    static final String TICKET_USER = "hd_user";
    static final String TICKET_MACHINE = "hd_machine";
    static final String TICKET_ASSET = "hd_asset";

    /** Columns that only serve the wildcard filter and are never shown. */
    private static final Set<String> SEARCH_ONLY = Set.of("owner_user_name", "owner_full_name",
            "submitter_user_name", "submitter_full_name");

    @Bean
    EntityView ticketView() {
        List<FieldDefinition> fields = new ArrayList<>(List.of(
                field("id", "id", INTEGER, LIMITED),
                field("title", "title", STRING, LIMITED),
                field("summary", "summary", STRING, EXTENDED),
                field("modified", "modified_at", DATETIME, STANDARD),
                field("created", "created_at", DATETIME, STANDARD),
                field("hd_queue_id", "hd_queue_id", INTEGER, STANDARD),
                field("cc_list", "cc_list", STRING, EXTENDED),
                field("due_date", "due_date", DATETIME, STANDARD),
                field("is_manual_due_date", "is_manual_due_date", INTEGER, EXTENDED),
                field("resolution", "resolution", STRING, EXTENDED),
                field("time_closed", "time_closed", DATETIME, ALL),
                field("approval_state", "approval_state", STRING, ALL),
                field("approval_note", "approval_note", STRING, ALL)));
        for (int n = 1; n <= TicketColumns.CUSTOM_FIELDS; n++) {
            fields.add(field("custom_" + n, "custom_" + n, STRING, ALL));
        }
        SEARCH_ONLY.stream().sorted().forEach(column -> fields.add(field(column, column, STRING, ALL)));

        List<RelationDefinition> relations = List.of(
                one("submitter", TICKET_USER, "submitter_id"),
                one("owner", TICKET_USER, "owner_id"),
                one("approver", TICKET_USER, "approver_id"),
                one("asset", TICKET_ASSET, "asset_id"),
                one("machine", TICKET_MACHINE, "machine_id"),
                one("priority", "hd_priority", "hd_priority_id"),
                one("category", "hd_category", "hd_category_id"),
                one("impact", "hd_impact", "hd_impact_id"),
                one("status", "hd_status", "hd_status_id"),
                // Clients also filter on hd_status.name, the appliance's table name.
                one("hd_status", "hd_status", "hd_status_id"),
                one("queue", QUEUE, "hd_queue_id"),
                new RelationDefinition("related_tickets", TICKET, "related_tickets",
                        new ManyToMany("hd_ticket_related", "ticket_id", "related_ticket_id")),
                new RelationDefinition("referring_tickets", TICKET, "referring_tickets",
                        new ManyToMany("hd_ticket_related", "related_ticket_id", "ticket_id")),
                new RelationDefinition("changes", CHANGE, "changes", new OneToMany("hd_ticket_id")));
        EntityDefinition ticket = new EntityDefinition(TICKET, "Tickets", "hd_ticket_view", "id", fields, relations);
        // Standard users read hd_ticket_user_view, where the fields their ticket's queue hides are NULL.
        // TODO: hidden related_tickets and referring_tickets still show, because the view blanks columns, not links.
        return new EntityView(ticket, "Ticket", ServiceDeskEntities::renderTicket, new OrgScope.Column("org_id"),
                ServiceDeskEntities::ownTickets, true, "hd_ticket_user_view");
    }

    @Bean
    EntityView ticketUserView() {
        List<FieldDefinition> fields = List.of(
                field("id", "id", INTEGER, LIMITED),
                field("user_name", "user_name", STRING, LIMITED),
                field("email", "email", STRING, LIMITED),
                field("full_name", "full_name", STRING, LIMITED));
        EntityDefinition user = new EntityDefinition(TICKET_USER, "Users", "org_user", "id", fields, List.of());
        return new EntityView(user, "User", KaceValues.TYPED);
    }

    @Bean
    EntityView ticketMachineView() {
        List<FieldDefinition> fields = List.of(
                field("id", "id", INTEGER, LIMITED),
                field("name", "name", STRING, LIMITED));
        EntityDefinition machine = new EntityDefinition(TICKET_MACHINE, "Machines", "machine", "id", fields,
                List.of());
        return new EntityView(machine, "Machine", KaceValues.TYPED);
    }

    /** Declares the asset of a ticket with the keys that the appliance shows in ticket responses. */
    @Bean
    EntityView ticketAssetView() {
        List<FieldDefinition> fields = List.of(
                field("id", "id", INTEGER, LIMITED),
                field("asset_type_id", "asset_type_id", INTEGER, LIMITED),
                field("name", "name", STRING, LIMITED),
                field("owner_id", "owner_id", INTEGER, LIMITED),
                field("asset_class_id", "asset_class_id", INTEGER, LIMITED));
        EntityDefinition asset = new EntityDefinition(TICKET_ASSET, "Assets", "asset", "id", fields, List.of());
        return new EntityView(asset, "Asset", KaceValues.TYPED);
    }

    @Bean
    EntityView statusView() {
        return lookup("hd_status", "Statuses", "Status", List.of(
                field("id", "id", INTEGER, LIMITED),
                field("name", "name", STRING, LIMITED),
                field("ordinal", "ordinal", INTEGER, LIMITED),
                field("state", "state", STRING, LIMITED),
                field("hd_queue_id", "hd_queue_id", INTEGER, ALL)));
    }

    @Bean
    EntityView priorityView() {
        return lookup("hd_priority", "Priorities", "Priority", List.of(
                field("id", "id", INTEGER, LIMITED),
                field("name", "name", STRING, LIMITED),
                field("ordinal", "ordinal", INTEGER, LIMITED),
                field("color", "color", STRING, LIMITED),
                new FieldDefinition("is_sla_enabled", "sla_minutes", INTEGER, LIMITED),
                field("sla_minutes", "sla_minutes", INTEGER, ALL),
                field("hd_queue_id", "hd_queue_id", INTEGER, ALL)));
    }

    @Bean
    EntityView impactView() {
        return lookup("hd_impact", "Impacts", "Impact", List.of(
                field("id", "id", INTEGER, LIMITED),
                field("ordinal", "ordinal", INTEGER, LIMITED),
                field("name", "name", STRING, LIMITED),
                field("hd_queue_id", "hd_queue_id", INTEGER, ALL)));
    }

    @Bean
    EntityView categoryView() {
        return lookup("hd_category", "Categories", "Category", List.of(
                field("id", "id", INTEGER, LIMITED),
                field("name", "name", STRING, LIMITED),
                field("ordinal", "ordinal", INTEGER, ALL),
                field("hd_queue_id", "hd_queue_id", INTEGER, ALL)));
    }

    @Bean
    EntityView queueView() {
        List<FieldDefinition> fields = List.of(
                field("id", "id", INTEGER, LIMITED),
                field("name", "name", STRING, LIMITED),
                field("created", "created_at", DATETIME, ALL),
                field("modified", "modified_at", DATETIME, ALL));
        List<RelationDefinition> relations = List.of(
                new RelationDefinition("fields", QUEUE_FIELD, "fields", new OneToMany("hd_queue_id")),
                new RelationDefinition("statuses", "hd_status", "statuses", new OneToMany("hd_queue_id")),
                new RelationDefinition("priorities", "hd_priority", "priorities", new OneToMany("hd_queue_id")),
                new RelationDefinition("impacts", "hd_impact", "impacts", new OneToMany("hd_queue_id")),
                new RelationDefinition("categories", "hd_category", "categories", new OneToMany("hd_queue_id")));
        EntityDefinition queue = new EntityDefinition(QUEUE, "Queues", "hd_queue", "id", fields, relations);
        return new EntityView(queue, "Queue", KaceValues.TYPED);
    }

    /** The layout as {@code shaping=fields all} embeds it in a queue. */
    @Bean
    EntityView queueFieldView() {
        List<FieldDefinition> fields = List.of(
                field("id", "id", INTEGER, LIMITED),
                field("hd_queue_id", "hd_queue_id", INTEGER, STANDARD),
                field("name", "name", STRING, LIMITED),
                field("hd_ticket_field_name", "hd_ticket_field_name", STRING, STANDARD),
                field("ordinal", "ordinal", INTEGER, STANDARD),
                field("required_state", "required_state", STRING, STANDARD),
                field("field_label", "field_label", STRING, STANDARD),
                field("visible", "visible", STRING, STANDARD));
        EntityDefinition field = new EntityDefinition(QUEUE_FIELD, "Fields", "hd_queue_field", "id", fields,
                List.of());
        return new EntityView(field, "Field", KaceValues.TYPED);
    }

    /** The layout as {@code /queues/{id}/fields} lists it, keyed as ticket bodies use it. */
    @Bean
    EntityView fieldLayoutView() {
        List<FieldDefinition> fields = List.of(
                field("jsonKey", "json_key", STRING, LIMITED),
                field("label", "field_label", STRING, LIMITED),
                field("column", "column_name", STRING, STANDARD),
                field("type", "field_type", STRING, STANDARD),
                field("visible", "visible", STRING, STANDARD),
                field("required", "required_state", STRING, STANDARD),
                field("id", "id", INTEGER, ALL),
                field("ordinal", "ordinal", INTEGER, ALL));
        EntityDefinition layout = new EntityDefinition(FIELD_LAYOUT, "Fields", "hd_queue_field", "id", fields,
                List.of());
        return new EntityView(layout, "Field", KaceValues.TYPED);
    }

    @Bean
    EntityView changeView() {
        List<FieldDefinition> fields = List.of(
                field("id", "id", INTEGER, LIMITED),
                field("hd_ticket_id", "hd_ticket_id", INTEGER, LIMITED),
                field("timestamp", "created_at", DATETIME, LIMITED),
                field("user_id", "user_id", INTEGER, STANDARD),
                field("comment", "comment", STRING, STANDARD),
                field("description", "description", STRING, STANDARD),
                field("kind", "kind", STRING, STANDARD));
        List<RelationDefinition> relations = List.of(
                new RelationDefinition("attachments", ATTACHMENT, "attachments", new OneToMany("hd_ticket_change_id")),
                new RelationDefinition("user", TICKET_USER, "user", new ManyToOne("user_id")));
        EntityDefinition change = new EntityDefinition(CHANGE, "Changes", "hd_ticket_change", "id", fields,
                relations);
        return new EntityView(change, "Change", KaceValues.TYPED, new OrgScope.Column("org_id"), null, true);
    }

    @Bean
    EntityView attachmentView() {
        List<FieldDefinition> fields = List.of(
                field("id", "id", INTEGER, LIMITED),
                field("file_name", "file_name", STRING, LIMITED),
                field("file_size", "file_size", INTEGER, STANDARD),
                field("content_type", "content_type", STRING, STANDARD),
                field("hd_ticket_change_id", "hd_ticket_change_id", INTEGER, STANDARD),
                field("created", "created_at", DATETIME, ALL));
        EntityDefinition attachment = new EntityDefinition(ATTACHMENT, "Attachments", "hd_attachment", "id", fields,
                List.of());
        return new EntityView(attachment, "Attachment", KaceValues.TYPED);
    }

    /**
     * A standard user's tickets: those they submitted, own or must approve. The condition
     * reads the {@code scope_*} columns of hd_ticket_user_view, which keep these users even
     * when the queue hides them.
     */
    static Condition ownTickets(Table<?> ticket, SmaPrincipal caller) {
        var submitter = DSL.field(DSL.name(ticket.getName(), "scope_submitter_id"), SQLDataType.BIGINT);
        var owner = DSL.field(DSL.name(ticket.getName(), "scope_owner_id"), SQLDataType.BIGINT);
        var approver = DSL.field(DSL.name(ticket.getName(), "scope_approver_id"), SQLDataType.BIGINT);
        return submitter.eq(caller.userId()).or(owner.eq(caller.userId())).or(approver.eq(caller.userId()));
    }

    /**
     * Tickets render typed, with a never-set due date as {@code 0000-00-00 00:00:00} and
     * the wildcard's name columns left out.
     */
    private static Object renderTicket(FieldDefinition field, Object value, ZoneId zone) {
        if (SEARCH_ONLY.contains(field.column())) {
            return null;
        }
        if (value instanceof java.time.LocalDateTime time && time.equals(TicketColumns.NEVER_SET)) {
            return KaceValues.NEVER;
        }
        return KaceValues.TYPED.render(field, value, zone);
    }

    private static EntityView lookup(String name, String collection, String item, List<FieldDefinition> fields) {
        EntityDefinition entity = new EntityDefinition(name, collection, name, "id", fields, List.of());
        return new EntityView(entity, item, ServiceDeskEntities::renderLookup);
    }

    /** is_sla_enabled is 1 when the priority has an SLA time, 0 otherwise. */
    private static Object renderLookup(FieldDefinition field, Object value, ZoneId zone) {
        if (field.name().equals("is_sla_enabled")) {
            return value == null ? 0L : 1L;
        }
        return KaceValues.TYPED.render(field, value, zone);
    }

    private static RelationDefinition one(String name, String target, String column) {
        return new RelationDefinition(name, target, name, new ManyToOne(column));
    }

    private static FieldDefinition field(String name, String column, FieldType type, ShapingLevel level) {
        return new FieldDefinition(name, column, type, level);
    }
}

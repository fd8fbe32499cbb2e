package org.opensma.servicedesk.service;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.opensma.account.SmaPrincipal;
import org.opensma.platform.web.ApiError;
import org.opensma.servicedesk.persistence.ChangeRepository;
import org.opensma.servicedesk.persistence.QueueRepository;
import org.opensma.servicedesk.persistence.QueueRules;
import org.opensma.servicedesk.persistence.QueueRules.Choice;
import org.opensma.servicedesk.persistence.QueueRules.FieldRule;
import org.opensma.servicedesk.persistence.TicketRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Creates, updates and deletes tickets. Each call is one transaction: a body with one bad
 * value changes nothing. Every write is checked against the ticket's queue, stamps
 * {@code modified}, keeps the close time and the SLA due date, and records a change.
 */
@Service
public class TicketWriteService {

    private static final Logger log = LoggerFactory.getLogger(TicketWriteService.class);

    private final TicketRepository tickets;
    private final QueueRepository queues;
    private final ChangeRepository changes;
    private final TicketFieldReader reader;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TicketWriteService(TicketRepository tickets, QueueRepository queues, ChangeRepository changes,
            TicketFieldReader reader, ApplicationEventPublisher events, Clock clock) {
        this.tickets = tickets;
        this.queues = queues;
        this.changes = changes;
        this.reader = reader;
        this.events = events;
        this.clock = clock;
    }

    /** A file sent with a comment. */
    public record Upload(String fileName, String contentType, byte[] content) {
    }

    /** Creates one ticket per object of {@code {"Tickets":[...]}} and returns their ids. */
    @Transactional
    public List<Long> create(JsonNode body, SmaPrincipal caller) {
        List<Map<String, JsonNode>> items = TicketBodies.items(body, "Tickets");
        TicketAccess.requireWrite(caller, "creating tickets");
        List<Long> ids = new ArrayList<>();
        for (Map<String, JsonNode> item : items) {
            ids.add(createOne(item, caller));
        }
        return ids;
    }

    private long createOne(Map<String, JsonNode> item, SmaPrincipal caller) {
        if (item.containsKey("id")) {
            throw ApiError.TICKET_INVALID_FIELD.exception("id", "a new ticket gets its id from the server; leave it out");
        }
        Long queueId = TicketFieldReader.queueId(item);
        if (queueId == null) {
            throw ApiError.TICKET_REQUIRED_FIELD.exception("hd_queue_id", "to create a ticket",
                    "name the queue, for example \"hd_queue_id\": 1 (see /api/service_desk/queues)");
        }
        QueueRules queue = queue(caller, queueId);
        TicketEdit edit = reader.read(item, queue, caller.orgId(), caller.zone());
        checkVisibility(edit, queue, caller, true);
        Map<String, Object> columns = edit.columns();
        columns.put("hd_queue_id", queue.id());
        columns.putIfAbsent("hd_status_id", queue.defaultStatusId());
        columns.putIfAbsent("hd_priority_id", queue.defaultPriorityId());
        columns.putIfAbsent("hd_impact_id", queue.defaultImpactId());
        columns.putIfAbsent("hd_category_id", queue.defaultCategoryId());
        if (columns.get("submitter_id") == null) {
            columns.put("submitter_id", caller.userId());
        } else if (TicketAccess.isStandardUser(caller) && !columns.get("submitter_id").equals(caller.userId())) {
            throw ApiError.TICKET_FIELD_NOT_EDITABLE.exception("submitter", queue.id(),
                    "users submit tickets as themselves");
        }
        checkRequired(queue, columns, edit, true);

        LocalDateTime now = now();
        columns.put("created_at", now);
        columns.put("modified_at", now);
        if (!columns.containsKey("due_date")) {
            columns.put("due_date", TicketColumns.NEVER_SET);
        }
        applySla(queue, columns, now);
        if (isClosed(queue, (Long) columns.get("hd_status_id"))) {
            columns.put("time_closed", now);
        }
        long id = tickets.insert(caller.orgId(), columns);
        if (edit.related() != null) {
            tickets.replaceRelated(caller.orgId(), id, edit.related());
        }
        changes.insert(caller.orgId(), id, caller.userId(), "CREATE", edit.comment(), "Ticket Created", now);
        events.publishEvent(new TicketEvent(caller.orgId(), id, TicketEvent.Kind.CREATED, edit.comment(),
                caller.userId()));
        log.info("Ticket created org={} ticket={} queue={} user={}", caller.orgId(), id, queue.id(), caller.userId());
        return id;
    }

    /**
     * Applies {@code {"Tickets":[{...}]}} to one ticket, with the uploaded files attached to
     * the change it records.
     */
    @Transactional
    public void update(long ticketId, JsonNode body, List<Upload> uploads, SmaPrincipal caller) {
        Map<String, Object> current = find(ticketId, caller);
        List<Map<String, JsonNode>> items = body == null && !uploads.isEmpty()
                ? List.of(Map.of())
                : TicketBodies.items(body, "Tickets");
        if (items.size() != 1) {
            throw ApiError.INVALID_BODY.exception("send exactly one object in Tickets to update ticket " + ticketId);
        }
        Map<String, JsonNode> item = items.getFirst();
        TicketAccess.requireWrite(caller, "changing tickets");
        Long id = item.containsKey("id") ? TicketBodies.reference("id", item.get("id")).id() : null;
        if (item.containsKey("id") && !Objects.equals(id, ticketId)) {
            throw ApiError.TICKET_INVALID_FIELD.exception("id", "must be " + ticketId + ", the ticket of the path");
        }
        QueueRules before = queue(caller, (Long) current.get("hd_queue_id"));
        Long bodyQueue = TicketFieldReader.queueId(item);
        boolean moves = bodyQueue != null && bodyQueue != before.id();
        if (moves && !TicketAccess.isAgent(caller)) {
            throw ApiError.ACCESS_DENIED.exception("moving tickets between queues (helpdesk: "
                    + caller.permissions().level(org.opensma.account.Module.SERVICE_DESK) + ")");
        }
        QueueRules queue = moves ? queue(caller, bodyQueue) : before;
        TicketEdit edit = reader.read(item, queue, caller.orgId(), caller.zone());
        checkVisibility(edit, queue, caller, false);
        if (moves) {
            TicketMove.mapValues(before, queue, current, edit.columns());
            // The new queue may require fields that the old one left empty.
            Map<String, Object> moved = new HashMap<>(current);
            moved.putAll(edit.columns());
            checkRequired(queue, moved, edit, true);
        } else {
            checkRequired(queue, edit.columns(), edit, false);
        }

        LocalDateTime now = now();
        Map<String, Object> columns = edit.columns();
        List<String> described = TicketChangeText.describe(current, columns, before, queue, tickets,
                caller.orgId());
        boolean wasClosed = isClosed(before, (Long) current.get("hd_status_id"));
        Long statusId = columns.containsKey("hd_status_id")
                ? (Long) columns.get("hd_status_id")
                : (Long) current.get("hd_status_id");
        boolean closes = !wasClosed && isClosed(queue, statusId);
        if (closes) {
            columns.put("time_closed", now);
        } else if (wasClosed && !isClosed(queue, statusId)) {
            columns.put("time_closed", null);
        }
        if (columns.containsKey("hd_priority_id") && !columns.containsKey("due_date")
                && toInt(current.get("is_manual_due_date")) == 0) {
            columns.put("is_manual_due_date", 0);
            applySla(queue, columns, (LocalDateTime) current.get("created_at"));
        }
        columns.put("modified_at", now);
        tickets.update(caller.orgId(), ticketId, columns);
        if (edit.related() != null) {
            tickets.replaceRelated(caller.orgId(), ticketId, edit.related());
        }

        String kind = described.isEmpty() ? "COMMENT" : "UPDATE";
        if (!described.isEmpty() || !edit.comment().isEmpty() || !uploads.isEmpty()) {
            uploads.forEach(upload -> described.add("Added attachment \"" + upload.fileName() + "\"."));
            long changeId = changes.insert(caller.orgId(), ticketId, caller.userId(), kind, edit.comment(),
                    String.join("\n", described), now);
            for (Upload upload : uploads) {
                changes.insertAttachment(caller.orgId(), ticketId, changeId, upload.fileName(), upload.contentType(),
                        upload.content(), now);
            }
        }
        if (!edit.comment().isEmpty()) {
            events.publishEvent(new TicketEvent(caller.orgId(), ticketId, TicketEvent.Kind.COMMENTED, edit.comment(),
                    caller.userId()));
        }
        if (closes) {
            events.publishEvent(new TicketEvent(caller.orgId(), ticketId, TicketEvent.Kind.CLOSED, "",
                    caller.userId()));
        }
        log.info("Ticket updated org={} ticket={} user={} changes={} attachments={}", caller.orgId(), ticketId,
                caller.userId(), described.size(), uploads.size());
    }

    @Transactional
    public void delete(long ticketId, SmaPrincipal caller) {
        find(ticketId, caller);
        if (!TicketAccess.isAgent(caller)) {
            throw ApiError.ACCESS_DENIED.exception("deleting tickets (helpdesk: "
                    + caller.permissions().level(org.opensma.account.Module.SERVICE_DESK) + ")");
        }
        tickets.delete(caller.orgId(), ticketId);
        log.info("Ticket deleted org={} ticket={} user={}", caller.orgId(), ticketId, caller.userId());
    }

    /** Reads and locks the ticket's columns; throws a 404 when the caller may not change it. */
    Map<String, Object> find(long ticketId, SmaPrincipal caller) {
        return tickets.findForUpdate(caller.orgId(), ticketId, TicketAccess.changeable(caller))
                .orElseThrow(() -> ApiError.NOT_FOUND.exception("Ticket " + ticketId + " not found"));
    }

    private QueueRules queue(SmaPrincipal caller, long queueId) {
        return queues.find(caller.orgId(), queueId).orElseThrow(() -> ApiError.TICKET_INVALID_FIELD.exception(
                "hd_queue_id", "no queue " + queueId + " in this organization; see /api/service_desk/queues"));
    }

    /** Standard users set only the fields their queue lets users create (or, on updates, modify). */
    private static void checkVisibility(TicketEdit edit, QueueRules queue, SmaPrincipal caller, boolean create) {
        if (!TicketAccess.isStandardUser(caller)) {
            return;
        }
        for (String key : edit.given()) {
            FieldRule rule = queue.fields().get(key);
            String visible = rule == null ? "userhidden" : rule.visible();
            boolean allowed = visible.equals("usercreate") || (!create && visible.equals("usermodify"));
            if (!allowed && !(key.equals("submitter") && create)) {
                throw ApiError.TICKET_FIELD_NOT_EDITABLE.exception(key, queue.id(), visible);
            }
        }
    }

    /** A required field must be given on create and may not be emptied later. */
    private static void checkRequired(QueueRules queue, Map<String, Object> columns, TicketEdit edit,
            boolean create) {
        for (FieldRule rule : queue.fields().values()) {
            if (!rule.isRequired()) {
                continue;
            }
            String column = TicketChangeText.column(rule.jsonKey());
            if (column == null || (!create && !columns.containsKey(column))) {
                continue;
            }
            Object value = columns.get(column);
            if (value == null || value.toString().isBlank()) {
                throw ApiError.TICKET_REQUIRED_FIELD.exception(rule.jsonKey(), "in queue " + queue.id() + " '" + queue.name() + "'",
                        "give \"" + rule.jsonKey() + "\" (" + rule.label() + ") a value");
            }
        }
    }

    /** Sets the due date from the priority's SLA unless the due date was set by hand. */
    private static void applySla(QueueRules queue, Map<String, Object> columns, LocalDateTime from) {
        if (toInt(columns.getOrDefault("is_manual_due_date", 0)) == 1 || from == null) {
            return;
        }
        Long priorityId = (Long) columns.get("hd_priority_id");
        Optional<Integer> sla = priorityId == null ? Optional.empty()
                : queue.choice("priority", priorityId).map(Choice::slaMinutes);
        sla.ifPresent(minutes -> columns.put("due_date", from.plusMinutes(minutes)));
    }

    private static boolean isClosed(QueueRules queue, Long statusId) {
        return statusId != null && queue.choice("status", statusId).map(Choice::state).filter("closed"::equals)
                .isPresent();
    }

    private static int toInt(Object value) {
        return value == null ? 0 : ((Number) value).intValue();
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).withNano(0);
    }
}

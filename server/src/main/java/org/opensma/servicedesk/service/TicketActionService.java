package org.opensma.servicedesk.service;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opensma.account.SmaPrincipal;
import org.opensma.platform.web.ApiError;
import org.opensma.servicedesk.persistence.ChangeRepository;
import org.opensma.servicedesk.persistence.TicketRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/** Approvals and work notes of a ticket, each recorded in its history. */
@Service
public class TicketActionService {

    private static final Logger log = LoggerFactory.getLogger(TicketActionService.class);

    /** The approval routes, each with the approval state it sets. */
    public enum Decision {
        APPROVE("approved"),
        REJECT("rejected"),
        CLEAR("opened");

        private final String state;

        Decision(String state) {
            this.state = state;
        }
    }

    private final TicketWriteService writes;
    private final TicketRepository tickets;
    private final ChangeRepository changes;
    private final Clock clock;

    TicketActionService(TicketWriteService writes, TicketRepository tickets, ChangeRepository changes, Clock clock) {
        this.writes = writes;
        this.tickets = tickets;
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * Approves, rejects or clears the approval of a ticket with {@code {"approvalData":[{"approvalNote"}]}}.
     * The ticket's approver decides; roles with WRITE on the service desk may decide for them.
     */
    @Transactional
    public void decide(long ticketId, Decision decision, JsonNode body, SmaPrincipal caller) {
        Map<String, Object> ticket = writes.find(ticketId, caller);
        String note = note(body, "approvalData", "approvalnote", false);
        TicketAccess.requireWrite(caller, "deciding approvals");
        Long approver = (Long) ticket.get("approver_id");
        if (approver == null) {
            throw ApiError.TICKET_APPROVAL.exception("Ticket " + ticketId + " has no approver; set one first with"
                    + " {\"Tickets\":[{\"approver\":{\"id\":n}}]}");
        }
        if (!TicketAccess.isAgent(caller) && approver != caller.userId()) {
            throw ApiError.ACCESS_DENIED.exception("deciding the approval of ticket " + ticketId
                    + ": only its approver may");
        }
        String state = decision == Decision.CLEAR ? "opened" : decision.state;
        LocalDateTime now = now();
        Map<String, Object> columns = new java.util.LinkedHashMap<>();
        columns.put("approval_state", state);
        columns.put("approval_note", note);
        columns.put("modified_at", now);
        tickets.update(caller.orgId(), ticketId, columns);
        changes.insert(caller.orgId(), ticketId, caller.userId(), "APPROVAL", note,
                "Changed ticket Approval from \"" + shown(ticket.get("approval_state")) + "\" to \"" + state + "\".",
                now);
        log.info("Ticket approval org={} ticket={} user={} state={}", caller.orgId(), ticketId, caller.userId(),
                state);
    }

    /** Adds a work note: {@code {"Work":[{"note":"..."}]}}. */
    @Transactional
    public void addWork(long ticketId, JsonNode body, SmaPrincipal caller) {
        writes.find(ticketId, caller);
        String note = note(body, "Work", "note", true);
        TicketAccess.requireWrite(caller, "adding work to tickets");
        LocalDateTime now = now();
        tickets.update(caller.orgId(), ticketId, Map.of("modified_at", now));
        changes.insert(caller.orgId(), ticketId, caller.userId(), "WORK", note, "Added work.", now);
        log.info("Ticket work org={} ticket={} user={}", caller.orgId(), ticketId, caller.userId());
    }

    private static String note(JsonNode body, String wrapper, String key, boolean required) {
        List<Map<String, JsonNode>> items = TicketBodies.items(body, wrapper);
        if (items.size() != 1) {
            throw ApiError.INVALID_BODY.exception("send exactly one object in " + wrapper);
        }
        Map<String, JsonNode> item = items.getFirst();
        for (String given : item.keySet()) {
            if (!given.equals(key)) {
                throw ApiError.TICKET_UNKNOWN_KEY.exception(wrapper + "." + given, wrapper + "." + key);
            }
        }
        String note = TicketBodies.text(key, item.get(key));
        if (required && (note == null || note.isBlank())) {
            throw ApiError.TICKET_REQUIRED_FIELD.exception(wrapper + "." + key, "in this request", "give the note text");
        }
        return note == null ? "" : note;
    }

    private static String shown(Object state) {
        return state == null ? "none" : state.toString().toLowerCase(Locale.ROOT);
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).withNano(0);
    }
}

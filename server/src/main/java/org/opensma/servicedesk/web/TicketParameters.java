package org.opensma.servicedesk.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.opensma.platform.web.ApiError;
import org.opensma.query.syntax.RawQuery;

/**
 * The ticket list's own parameters. {@code QUEUE_ID} names one queue (0 or absent: all);
 * {@code BY_STATE_TICKETS} keeps tickets by the state of their status. Shaping entries that
 * name a ticket field ({@code custom_1 limited}, as XSOAR builds them from the queue's
 * field keys) are dropped, so the base level decides which fields come back.
 */
final class TicketParameters {

    /** BY_STATE_TICKETS values and the status states they keep; null keeps every ticket. */
    private static final Map<String, List<String>> BY_STATE = Map.of(
            "all", List.of(),
            "all_notclosed", List.of("opened", "stalled"),
            "all_closed", List.of("closed"),
            "closed", List.of("closed"),
            "opened", List.of("opened"),
            "stalled", List.of("stalled"));

    /** Shaping names that are entities or relations of a ticket. */
    private static final List<String> SHAPED_RELATIONS = List.of("hd_ticket", "owner", "submitter", "approver",
            "queue", "category", "priority", "status", "hd_status", "impact", "machine", "asset", "related_tickets",
            "referring_tickets", "changes");

    private TicketParameters() {
    }

    static Condition condition(String queueId, String byState) {
        Condition condition = DSL.noCondition();
        if (queueId != null && !queueId.isBlank()) {
            long id;
            try {
                id = Long.parseLong(queueId.strip());
            } catch (NumberFormatException e) {
                throw ApiError.INVALID_PARAMETER.exception(queueId, "QUEUE_ID", "expected a queue id, or 0 for all");
            }
            if (id != 0) {
                condition = condition.and(column("hd_queue_id").eq(id));
            }
        }
        if (byState != null && !byState.isBlank()) {
            List<String> states = BY_STATE.get(byState.strip().toLowerCase(Locale.ROOT));
            if (states == null) {
                throw ApiError.INVALID_PARAMETER.exception(byState, "BY_STATE_TICKETS",
                        "accepted: " + String.join(", ", BY_STATE.keySet().stream().sorted().toList()));
            }
            if (!states.isEmpty()) {
                var status = DSL.table(DSL.name("hd_status")).as("bs");
                condition = condition.and(DSL.exists(DSL.selectOne().from(status).where(
                        DSL.field(DSL.name("bs", "id"), SQLDataType.BIGINT).eq(column("hd_status_id")),
                        DSL.field(DSL.name("bs", "state"), SQLDataType.VARCHAR).in(states))));
            }
        }
        return condition;
    }

    /**
     * Returns the query without the shaping entries that name ticket fields, sorted by queue
     * and id when it names no order, as the appliance lists tickets.
     */
    static RawQuery query(RawQuery raw) {
        String sorting = raw.sorting() == null || raw.sorting().isBlank() ? "hd_queue_id asc" : raw.sorting();
        if (raw.shaping() == null || raw.shaping().isBlank()) {
            return new RawQuery(raw.filtering(), sorting, raw.paging(), raw.shaping(), raw.useCount(),
                    raw.useCountOnly());
        }
        List<String> kept = new ArrayList<>();
        for (String entry : raw.shaping().split(",")) {
            String name = entry.strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
            if (name.isEmpty() || SHAPED_RELATIONS.contains(name) || !isTicketField(name)) {
                kept.add(entry);
            }
        }
        String shaping = kept.isEmpty() ? null : String.join(",", kept);
        return new RawQuery(raw.filtering(), sorting, raw.paging(), shaping, raw.useCount(), raw.useCountOnly());
    }

    private static boolean isTicketField(String name) {
        return name.startsWith("custom_") || List.of("title", "summary", "cc_list", "due_date", "resolution",
                "created", "modified", "sat_survey", "hd_queue_id", "is_manual_due_date").contains(name);
    }

    private static org.jooq.Field<Long> column(String name) {
        return DSL.field(DSL.name("hd_ticket_view", name), SQLDataType.BIGINT);
    }
}

package org.opensma.servicedesk.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.opensma.servicedesk.persistence.QueueRules;
import org.opensma.servicedesk.persistence.QueueRules.Choice;
import org.opensma.servicedesk.persistence.TicketRepository;

/** The history lines of an update, such as {@code Changed ticket Status from "New" to "Opened".} */
final class TicketChangeText {

    private static final Map<String, String> LAYOUT_COLUMNS = Map.ofEntries(Map.entry("status", "hd_status_id"),
            Map.entry("priority", "hd_priority_id"), Map.entry("impact", "hd_impact_id"),
            Map.entry("category", "hd_category_id"), Map.entry("owner", "owner_id"),
            Map.entry("submitter", "submitter_id"), Map.entry("machine", "machine_id"),
            Map.entry("asset", "asset_id"), Map.entry("title", "title"), Map.entry("summary", "summary"),
            Map.entry("cc_list", "cc_list"), Map.entry("resolution", "resolution"),
            Map.entry("due_date", "due_date"));
    private static final Map<String, String> KINDS = Map.of("hd_status_id", "status", "hd_priority_id", "priority",
            "hd_impact_id", "impact", "hd_category_id", "category");

    private TicketChangeText() {
    }

    /** The hd_ticket column of a layout key, or null for computed fields such as {@code created}. */
    static String column(String jsonKey) {
        if (jsonKey.startsWith("custom_")) {
            return jsonKey;
        }
        return LAYOUT_COLUMNS.get(jsonKey);
    }

    /**
     * One line per column whose value changes. Old values are named from the queue the ticket
     * was in, new ones from the queue it is in after the change, which differ when it moves.
     */
    static List<String> describe(Map<String, Object> current, Map<String, Object> changes, QueueRules before,
            QueueRules after, TicketRepository tickets, long orgId) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Object> change : changes.entrySet()) {
            String column = change.getKey();
            Object old = current.get(column);
            if (Objects.equals(old, change.getValue()) || column.equals("is_manual_due_date")) {
                continue;
            }
            String from = shown(column, old, before, tickets, orgId);
            String to = shown(column, change.getValue(), after, tickets, orgId);
            // A move maps a value to the new queue's value of the same name: a new id, no visible change.
            if (!from.equals(to)) {
                lines.add("Changed ticket " + label(column) + " from \"" + from + "\" to \"" + to + "\".");
            }
        }
        return lines;
    }

    private static String label(String column) {
        String key = column.endsWith("_id") ? column.substring(0, column.length() - 3) : column;
        key = key.startsWith("hd_") ? key.substring(3) : key;
        return Character.toUpperCase(key.charAt(0)) + key.substring(1).replace('_', ' ');
    }

    private static String shown(String column, Object value, QueueRules queue, TicketRepository tickets,
            long orgId) {
        if (value == null) {
            return "";
        }
        if (column.equals("hd_queue_id")) {
            return queue.name();
        }
        if (KINDS.containsKey(column)) {
            return queue.choice(KINDS.get(column), (Long) value).map(Choice::name).orElse(value.toString());
        }
        if (column.equals("owner_id") || column.equals("submitter_id") || column.equals("approver_id")) {
            return tickets.user(orgId, (Long) value).map(TicketRepository.TicketUser::fullName)
                    .filter(name -> !name.isBlank()).orElse(value.toString());
        }
        if (value.equals(TicketColumns.NEVER_SET)) {
            return "";
        }
        String text = value.toString();
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}

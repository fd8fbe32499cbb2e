package org.opensma.servicedesk.service;

import java.util.Map;
import java.util.Optional;
import org.opensma.servicedesk.persistence.QueueRules;
import org.opensma.servicedesk.persistence.QueueRules.Choice;

/**
 * The values a ticket takes in the queue it moves to. Status, priority, impact and category
 * are rows of one queue, so each one the request does not send is mapped by name (case
 * ignored) to the new queue's value, or set to the new queue's default when no value there
 * has that name.
 */
final class TicketMove {

    /** Value kinds with their ticket column. */
    private static final Map<String, String> KINDS = Map.of("status", "hd_status_id", "priority", "hd_priority_id",
            "impact", "hd_impact_id", "category", "hd_category_id");

    private TicketMove() {
    }

    /** Adds the mapped values and the new queue id to {@code columns}, which holds what the request sent. */
    static void mapValues(QueueRules from, QueueRules to, Map<String, Object> current, Map<String, Object> columns) {
        columns.put("hd_queue_id", to.id());
        KINDS.forEach((kind, column) -> {
            if (columns.containsKey(column)) {
                return;
            }
            Long currentId = (Long) current.get(column);
            Optional<String> name = currentId == null ? Optional.empty()
                    : from.choice(kind, currentId).map(Choice::name);
            Long mapped = name.flatMap(n -> to.choices(kind).stream()
                            .filter(choice -> choice.name().equalsIgnoreCase(n))
                            .findFirst())
                    .map(Choice::id)
                    .orElse(defaultOf(to, kind));
            columns.put(column, mapped);
        });
    }

    private static Long defaultOf(QueueRules queue, String kind) {
        return switch (kind) {
            case "status" -> queue.defaultStatusId();
            case "priority" -> queue.defaultPriorityId();
            case "impact" -> queue.defaultImpactId();
            default -> queue.defaultCategoryId();
        };
    }
}

package org.opensma.servicedesk.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opensma.platform.web.ApiError;
import org.opensma.servicedesk.persistence.QueueRepository;
import org.opensma.servicedesk.persistence.QueueSeedRepository;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Adds and changes a queue's statuses, priorities, impacts and categories. An object with
 * an {@code id} changes that row; one without adds a row and needs a {@code name} (and a
 * {@code state} for a status). Rows are not deleted, because tickets refer to them.
 */
@Component
class QueueValueEditor {

    private static final Set<String> STATES = Set.of("opened", "closed", "stalled");
    /** The keys each list accepts besides id, name and ordinal. */
    private static final Map<String, Set<String>> EXTRA = Map.of("statuses", Set.of("state"),
            "priorities", Set.of("color", "sla_minutes"), "impacts", Set.of(), "categories", Set.of());
    private static final Map<String, String> KINDS = Map.of("statuses", "status", "priorities", "priority",
            "impacts", "impact", "categories", "category");

    private final QueueRepository queues;
    private final QueueSeedRepository seeds;

    QueueValueEditor(QueueRepository queues, QueueSeedRepository seeds) {
        this.queues = queues;
        this.seeds = seeds;
    }

    void apply(long orgId, long queueId, String list, JsonNode rows) {
        if (!rows.isArray()) {
            throw ApiError.INVALID_BODY.exception(list + " must be a list of objects");
        }
        String kind = KINDS.get(list);
        for (JsonNode row : rows) {
            Map<String, JsonNode> keys = TicketBodies.lowerKeys(row);
            Map<String, Object> columns = columns(list, keys);
            JsonNode id = keys.get("id");
            if (id != null) {
                if (!id.isIntegralNumber() || !queues.updateValue(kind, queueId, id.asLong(), columns)) {
                    throw ApiError.INVALID_BODY.exception("queue " + queueId + " has no " + kind + " " + id);
                }
                continue;
            }
            Object name = columns.remove("name");
            if (name == null || (list.equals("statuses") && !columns.containsKey("state"))) {
                throw ApiError.INVALID_BODY.exception("a new " + kind + " needs a name"
                        + (list.equals("statuses") ? " and a state (opened, closed or stalled)" : ""));
            }
            Object ordinal = columns.remove("ordinal");
            // A new row without an SLA keeps the column's null default.
            columns.values().removeIf(java.util.Objects::isNull);
            seeds.insertValue(QueueRepository.VALUE_TABLES.get(kind), orgId, queueId, name.toString(),
                    ordinal == null ? 0 : (Integer) ordinal, columns);
        }
    }

    private static Map<String, Object> columns(String list, Map<String, JsonNode> keys) {
        Map<String, Object> columns = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : keys.entrySet()) {
            JsonNode value = entry.getValue();
            switch (entry.getKey()) {
                case "id" -> {
                }
                case "name", "color" -> columns.put(entry.getKey(), text(entry.getKey(), value));
                case "ordinal" -> columns.put("ordinal", number("ordinal", value, 0));
                case "state" -> {
                    String state = text("state", value);
                    if (!STATES.contains(state)) {
                        throw ApiError.INVALID_BODY.exception("state '" + state
                                + "' is not accepted; accepted: closed, opened, stalled");
                    }
                    columns.put("state", state);
                }
                case "sla_minutes" -> columns.put("sla_minutes", value.isNull() ? null
                        : number("sla_minutes", value, 1));
                default -> {
                    // Reported below with the keys this list accepts.
                }
            }
            if (!entry.getKey().equals("id") && !List.of("name", "ordinal").contains(entry.getKey())
                    && !EXTRA.get(list).contains(entry.getKey())) {
                throw ApiError.INVALID_BODY.exception("unknown key '" + entry.getKey() + "' in " + list
                        + "; accepted: " + String.join(", ", accepted(list)));
            }
        }
        return columns;
    }

    private static List<String> accepted(String list) {
        List<String> keys = new java.util.ArrayList<>(List.of("id", "name", "ordinal"));
        keys.addAll(EXTRA.get(list).stream().sorted().toList());
        return keys;
    }

    private static String text(String key, JsonNode value) {
        String text = TicketBodies.text(key, value);
        if (text == null || (key.equals("name") && text.isBlank()) || text.length() > 255) {
            throw ApiError.INVALID_BODY.exception(key + " needs a text of at most 255 characters"
                    + (key.equals("name") ? ", not blank" : ""));
        }
        return key.equals("name") ? text.strip() : text;
    }

    private static int number(String key, JsonNode value, int minimum) {
        if (!value.isIntegralNumber() || value.asLong() < minimum || value.asLong() > Integer.MAX_VALUE) {
            throw ApiError.INVALID_BODY.exception(key + " must be a whole number of at least " + minimum);
        }
        return value.asInt();
    }
}

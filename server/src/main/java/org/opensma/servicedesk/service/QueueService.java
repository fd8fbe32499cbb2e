package org.opensma.servicedesk.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opensma.account.SmaPrincipal;
import org.opensma.platform.query.KaceValues;
import org.opensma.platform.web.ApiError;
import org.opensma.servicedesk.persistence.QueueRepository;
import org.opensma.servicedesk.persistence.QueueRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/** Queue reads that the list executor does not serve, and administrators' queue edits. */
@Service
public class QueueService {

    private static final Logger log = LoggerFactory.getLogger(QueueService.class);
    private static final Set<String> VISIBLE = Set.of("usercreate", "uservisible", "usermodify", "userhidden");
    private static final Set<String> REQUIRED = Set.of("none", "all");

    private final QueueRepository queues;
    private final QueueValueEditor values;

    QueueService(QueueRepository queues, QueueValueEditor values) {
        this.queues = queues;
        this.values = values;
    }

    @Transactional(readOnly = true)
    public void requireQueue(long queueId, SmaPrincipal caller) {
        if (!queues.exists(caller.orgId(), queueId)) {
            throw ApiError.NOT_FOUND.exception("Queue " + queueId + " not found");
        }
    }

    /** Builds a new ticket of the queue filled with its defaults, for clients that build their forms from it. */
    @Transactional(readOnly = true)
    public Map<String, Object> template(long queueId, SmaPrincipal caller) {
        QueueRules queue = find(queueId, caller);
        Map<String, Object> ticket = new LinkedHashMap<>();
        ticket.put("hd_queue_id", queue.id());
        ticket.put("title", "");
        ticket.put("summary", "");
        ticket.put("cc_list", "");
        ticket.put("resolution", "");
        ticket.put("due_date", KaceValues.NEVER);
        ticket.put("is_manual_due_date", 0);
        putChoice(ticket, queue, "status", queue.defaultStatusId());
        putChoice(ticket, queue, "priority", queue.defaultPriorityId());
        putChoice(ticket, queue, "impact", queue.defaultImpactId());
        putChoice(ticket, queue, "category", queue.defaultCategoryId());
        return ticket;
    }

    /**
     * Applies {@code {"Queues":[{"name": …, "fields": [...], "statuses": [...], …}]}}: a new name,
     * changes to the field layout, and new or changed statuses, priorities, impacts and categories.
     */
    @Transactional
    public void update(long queueId, JsonNode body, SmaPrincipal caller) {
        find(queueId, caller);
        List<Map<String, JsonNode>> items = TicketBodies.items(body, "Queues");
        if (items.size() != 1) {
            throw ApiError.INVALID_BODY.exception("send exactly one object in Queues");
        }
        for (Map.Entry<String, JsonNode> entry : items.getFirst().entrySet()) {
            switch (entry.getKey()) {
                case "name" -> queues.rename(queueId, name(entry.getValue()));
                case "fields" -> updateFields(queueId, entry.getValue());
                case "statuses", "priorities", "impacts", "categories" ->
                        values.apply(caller.orgId(), queueId, entry.getKey(), entry.getValue());
                case "id" -> {
                    if (!entry.getValue().isIntegralNumber() || entry.getValue().asLong() != queueId) {
                        throw ApiError.INVALID_BODY.exception("id must be " + queueId + ", the queue of the path");
                    }
                }
                default -> throw ApiError.INVALID_BODY.exception("unknown key '" + entry.getKey()
                        + "'; accepted: name, fields, statuses, priorities, impacts, categories");
            }
        }
        log.info("Queue changed org={} queue={} user={}", caller.orgId(), queueId, caller.userId());
    }

    private void updateFields(long queueId, JsonNode fields) {
        if (!fields.isArray()) {
            throw ApiError.INVALID_BODY.exception("fields must be a list of {jsonKey, label, visible, required}");
        }
        for (JsonNode field : fields) {
            Map<String, JsonNode> keys = TicketBodies.lowerKeys(field);
            String jsonKey = TicketBodies.text("jsonKey", keys.get("jsonkey"));
            if (jsonKey == null) {
                throw ApiError.INVALID_BODY.exception("each field needs its jsonKey");
            }
            Map<String, String> changes = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : keys.entrySet()) {
                String value = TicketBodies.text(entry.getKey(), entry.getValue());
                switch (entry.getKey()) {
                    case "jsonkey" -> {
                    }
                    case "label" -> changes.put("field_label", name(entry.getValue()));
                    case "visible" -> changes.put("visible", oneOf("visible", value, VISIBLE));
                    case "required" -> changes.put("required_state", oneOf("required", value, REQUIRED));
                    default -> throw ApiError.INVALID_BODY.exception("unknown field key '" + entry.getKey()
                            + "'; accepted: jsonKey, label, visible, required");
                }
            }
            if (!queues.updateField(queueId, jsonKey, changes)) {
                throw ApiError.INVALID_BODY.exception("queue " + queueId + " has no field '" + jsonKey + "'");
            }
        }
    }

    private QueueRules find(long queueId, SmaPrincipal caller) {
        return queues.find(caller.orgId(), queueId)
                .orElseThrow(() -> ApiError.NOT_FOUND.exception("Queue " + queueId + " not found"));
    }

    private static void putChoice(Map<String, Object> ticket, QueueRules queue, String kind, Long id) {
        if (id == null) {
            return;
        }
        queue.choice(kind, id).ifPresent(choice -> ticket.put(kind, Map.of("id", choice.id(), "name",
                choice.name())));
    }

    private static String name(JsonNode value) {
        String name = TicketBodies.text("name", value);
        if (name == null || name.isBlank() || name.strip().length() > 255) {
            throw ApiError.INVALID_BODY.exception("a name needs 1 to 255 characters");
        }
        return name.strip();
    }

    private static String oneOf(String key, String value, Set<String> accepted) {
        if (value == null || !accepted.contains(value)) {
            throw ApiError.INVALID_BODY.exception(key + " '" + value + "' is not accepted; accepted: "
                    + String.join(", ", accepted.stream().sorted().toList()));
        }
        return value;
    }
}

package org.opensma.servicedesk.service;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.opensma.platform.query.KaceValues;
import org.opensma.platform.web.ApiError;
import org.opensma.servicedesk.persistence.QueueRules;
import org.opensma.servicedesk.persistence.QueueRules.Choice;
import org.opensma.servicedesk.persistence.TicketRepository;
import org.opensma.servicedesk.persistence.TicketRepository.TicketUser;
import org.opensma.servicedesk.service.TicketBodies.Reference;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Turns one ticket object of a write body into hd_ticket columns and checks every value
 * against the ticket's queue and organization. A status of another queue, an unknown user
 * or machine, a bad date or an unknown key is a 400 that names the field and what is accepted.
 */
@Component
class TicketFieldReader {

    /** Text columns and their lengths. */
    private static final Map<String, Integer> TEXT = textColumns();
    /** Keys of queue values and the column each sets. */
    private static final Map<String, String> VALUES = Map.of("status", "hd_status_id", "priority",
            "hd_priority_id", "impact", "hd_impact_id", "category", "hd_category_id");
    private static final Map<String, String> USERS = Map.of("owner", "owner_id", "submitter", "submitter_id",
            "approver", "approver_id");
    /** Other names clients use for the same keys. */
    private static final Map<String, String> ALIASES = Map.ofEntries(Map.entry("hd_status_id", "status"),
            Map.entry("hd_priority_id", "priority"), Map.entry("hd_impact_id", "impact"),
            Map.entry("hd_category_id", "category"), Map.entry("owner_id", "owner"),
            Map.entry("submitter_id", "submitter"), Map.entry("approver_id", "approver"),
            Map.entry("machine_id", "machine"), Map.entry("asset_id", "asset"), Map.entry("queue", "hd_queue_id"),
            Map.entry("see_also", "related_tickets"));
    private static final Set<String> OTHER = Set.of("id", "hd_queue_id", "machine", "asset", "due_date",
            "is_manual_due_date", "change", "approval_info", "related_tickets");
    private static final Set<String> APPROVAL_STATES = Set.of("opened", "approved", "rejected", "none");

    private static final DateTimeFormatter DUE_DATE = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-M-d")
            .optionalStart().appendLiteral(' ').appendPattern("H:m").optionalStart().appendPattern(":s")
            .optionalEnd().optionalEnd()
            .optionalStart().appendLiteral('T').appendPattern("H:m").optionalStart().appendPattern(":s")
            .optionalEnd().optionalEnd()
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
            .parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
            .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0)
            .toFormatter(Locale.ROOT);

    private final TicketRepository tickets;

    TicketFieldReader(TicketRepository tickets) {
        this.tickets = tickets;
    }

    /** Returns the canonical key of a body key, resolving aliases such as {@code owner_id}. */
    static String canonical(String key) {
        return ALIASES.getOrDefault(key, key);
    }

    /** Returns the queue id a body names, or null when it names none. */
    static Long queueId(Map<String, JsonNode> item) {
        JsonNode value = item.containsKey("hd_queue_id") ? item.get("hd_queue_id") : item.get("queue");
        if (value == null) {
            return null;
        }
        Reference reference = TicketBodies.reference("hd_queue_id", value);
        if (reference.id() == null) {
            throw ApiError.TICKET_INVALID_FIELD.exception("hd_queue_id", "expected a queue id, got " + value);
        }
        return reference.id();
    }

    /** Reads every key of {@code item} against {@code queue}. */
    TicketEdit read(Map<String, JsonNode> item, QueueRules queue, long orgId, ZoneId zone) {
        Map<String, Object> columns = new LinkedHashMap<>();
        Set<String> given = new LinkedHashSet<>();
        String comment = "";
        List<Long> related = null;
        for (Map.Entry<String, JsonNode> entry : item.entrySet()) {
            String key = canonical(entry.getKey());
            JsonNode value = entry.getValue();
            if (TEXT.containsKey(key)) {
                columns.put(key, text(key, value));
                given.add(key);
            } else if (VALUES.containsKey(key)) {
                columns.put(VALUES.get(key), value(key, value, queue));
                given.add(key);
            } else if (USERS.containsKey(key)) {
                columns.put(USERS.get(key), user(key, value, orgId));
                given.add(key);
            } else if (key.equals("machine")) {
                columns.put("machine_id", machine(value, orgId));
                given.add(key);
            } else if (key.equals("asset")) {
                columns.put("asset_id", asset(value, orgId));
                given.add(key);
            } else if (key.equals("due_date")) {
                columns.put("due_date", dueDate(value, zone));
                columns.putIfAbsent("is_manual_due_date", 1);
                given.add(key);
            } else if (key.equals("is_manual_due_date")) {
                columns.put("is_manual_due_date", flag(key, value));
            } else if (key.equals("change")) {
                comment = comment(value);
            } else if (key.equals("approval_info")) {
                approval(value, orgId, columns);
                given.add("approver");
            } else if (key.equals("related_tickets")) {
                related = relatedTickets(value, orgId);
                given.add(key);
            } else if (!OTHER.contains(key)) {
                throw ApiError.TICKET_UNKNOWN_KEY.exception(entry.getKey(), acceptedKeys());
            }
        }
        return new TicketEdit(columns, given, comment, related);
    }

    private static Object text(String key, JsonNode value) {
        String text = TicketBodies.text(key, value);
        if (key.startsWith("custom_")) {
            // An empty custom field is stored as null so that the ticket leaves its key out.
            text = text == null || text.isEmpty() ? null : text;
        } else if (text == null) {
            text = "";
        }
        int max = TEXT.get(key);
        if (text != null && text.length() > max) {
            throw ApiError.TICKET_INVALID_FIELD.exception(key, "has " + text.length()
                    + " characters; the maximum is " + max);
        }
        return text;
    }

    private static Long value(String kind, JsonNode value, QueueRules queue) {
        Reference reference = TicketBodies.reference(kind, value);
        if (reference.isNone()) {
            return null;
        }
        List<Choice> choices = queue.choices(kind);
        return choices.stream()
                .filter(choice -> reference.id() != null ? choice.id() == reference.id()
                        : choice.name().equalsIgnoreCase(reference.name()))
                .findFirst()
                .map(Choice::id)
                .orElseThrow(() -> ApiError.TICKET_INVALID_FIELD.exception(kind, reference + " is not a " + kind
                        + " of queue " + queue.id() + " '" + queue.name() + "'; accepted: " + choices.stream()
                                .map(choice -> choice.id() + " (" + choice.name() + ")")
                                .collect(Collectors.joining(", "))));
    }

    private Long user(String key, JsonNode value, long orgId) {
        Reference reference = TicketBodies.reference(key, value);
        if (reference.isNone()) {
            return null;
        }
        List<TicketUser> found = reference.id() != null
                ? tickets.user(orgId, reference.id()).stream().toList()
                : tickets.usersNamed(orgId, reference.name());
        if (found.size() != 1) {
            throw ApiError.TICKET_INVALID_FIELD.exception(key, "no user " + reference
                    + " in this organization; send the id or user_name of a member, as /api/users/users lists them");
        }
        return found.getFirst().id();
    }

    private Long machine(JsonNode value, long orgId) {
        Reference reference = TicketBodies.reference("machine", value);
        if (reference.isNone()) {
            return null;
        }
        List<Long> found = reference.id() != null
                ? (tickets.machineExists(orgId, reference.id()) ? List.of(reference.id()) : List.of())
                : tickets.machinesNamed(orgId, reference.name());
        if (found.size() != 1) {
            throw ApiError.TICKET_INVALID_FIELD.exception("machine", "no single machine " + reference
                    + " in this organization; send an Id from /api/inventory/machines");
        }
        return found.getFirst();
    }

    private Long asset(JsonNode value, long orgId) {
        Reference reference = TicketBodies.reference("asset", value);
        if (reference.isNone()) {
            return null;
        }
        List<Long> found = reference.id() != null
                ? (tickets.assetExists(orgId, reference.id()) ? List.of(reference.id()) : List.of())
                : tickets.assetsNamed(orgId, reference.name());
        if (found.size() != 1) {
            throw ApiError.TICKET_INVALID_FIELD.exception("asset", "no single asset " + reference
                    + " in this organization; send an id from /api/asset/assets");
        }
        return found.getFirst();
    }

    /** Parses a due date in the organization's time zone; "" or null clears it. */
    private static LocalDateTime dueDate(JsonNode value, ZoneId zone) {
        String text = TicketBodies.text("due_date", value);
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.strip().equals(KaceValues.NEVER)) {
            return TicketColumns.NEVER_SET;
        }
        try {
            LocalDateTime local = LocalDateTime.parse(text.strip(), DUE_DATE);
            return local.atZone(zone).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
        } catch (DateTimeParseException e) {
            throw ApiError.TICKET_INVALID_FIELD.exception("due_date", "'" + text
                    + "' is not a date; send YYYY-MM-DD HH:MM:SS (or YYYY-M-D H:MM:SS) in the organization's time zone");
        }
    }

    private static int flag(String key, JsonNode value) {
        String text = TicketBodies.text(key, value);
        return switch (text == null ? "" : text.strip().toLowerCase(Locale.ROOT)) {
            case "1", "true" -> 1;
            case "0", "false", "" -> 0;
            default -> throw ApiError.TICKET_INVALID_FIELD.exception(key, "expected 0 or 1, got '" + text + "'");
        };
    }

    private static String comment(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        if (!value.isObject()) {
            throw ApiError.TICKET_INVALID_FIELD.exception("change", "expected {\"comment\": \"text\"}");
        }
        Map<String, JsonNode> keys = TicketBodies.lowerKeys(value);
        for (String key : keys.keySet()) {
            if (!key.equals("comment")) {
                throw ApiError.TICKET_UNKNOWN_KEY.exception("change." + key, "change.comment");
            }
        }
        String comment = TicketBodies.text("change.comment", keys.get("comment"));
        return comment == null ? "" : comment;
    }

    private void approval(JsonNode value, long orgId, Map<String, Object> columns) {
        if (value == null || !value.isObject()) {
            throw ApiError.TICKET_INVALID_FIELD.exception("approval_info",
                    "expected {\"approver\": {\"id\": n}, \"approve_state\": \"opened\"}");
        }
        Map<String, JsonNode> keys = TicketBodies.lowerKeys(value);
        for (Map.Entry<String, JsonNode> entry : keys.entrySet()) {
            switch (entry.getKey()) {
                case "approver" -> columns.put("approver_id", user("approval_info.approver", entry.getValue(), orgId));
                case "approve_state", "approval_state" -> {
                    String state = TicketBodies.text("approval_info.approve_state", entry.getValue());
                    String lower = state == null ? "none" : state.strip().toLowerCase(Locale.ROOT);
                    if (!APPROVAL_STATES.contains(lower)) {
                        throw ApiError.TICKET_INVALID_FIELD.exception("approval_info.approve_state", "'" + state
                                + "' is not accepted; accepted: " + new TreeSet<>(APPROVAL_STATES));
                    }
                    columns.put("approval_state", lower.equals("none") ? null : lower);
                }
                default -> throw ApiError.TICKET_UNKNOWN_KEY.exception("approval_info." + entry.getKey(),
                        "approval_info.approver, approval_info.approve_state");
            }
        }
        if (columns.get("approver_id") != null && !columns.containsKey("approval_state")) {
            columns.put("approval_state", "opened");
        }
    }

    private List<Long> relatedTickets(JsonNode value, long orgId) {
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw ApiError.TICKET_INVALID_FIELD.exception("related_tickets", "expected a list of ticket ids");
        }
        List<Long> ids = new ArrayList<>();
        for (JsonNode element : value) {
            Reference reference = TicketBodies.reference("related_tickets", element);
            if (reference.id() == null || !tickets.ticketExists(orgId, reference.id())) {
                throw ApiError.TICKET_INVALID_FIELD.exception("related_tickets", "no ticket " + reference
                        + " in this organization");
            }
            if (!ids.contains(reference.id())) {
                ids.add(reference.id());
            }
        }
        return ids;
    }

    private static String acceptedKeys() {
        Set<String> keys = new TreeSet<>();
        keys.addAll(TEXT.keySet().stream().filter(key -> !key.startsWith("custom_")).toList());
        keys.addAll(VALUES.keySet());
        keys.addAll(USERS.keySet());
        keys.addAll(OTHER);
        keys.addAll(ALIASES.keySet());
        return String.join(", ", keys) + ", custom_1 … custom_" + TicketColumns.CUSTOM_FIELDS;
    }

    private static Map<String, Integer> textColumns() {
        Map<String, Integer> columns = new LinkedHashMap<>();
        columns.put("title", 255);
        columns.put("summary", 65000);
        columns.put("cc_list", 4000);
        columns.put("resolution", 65000);
        for (int n = 1; n <= TicketColumns.CUSTOM_FIELDS; n++) {
            columns.put("custom_" + n, 4000);
        }
        return Map.copyOf(columns);
    }
}

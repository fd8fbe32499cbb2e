package org.opensma.servicedesk.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opensma.platform.web.ApiError;
import tools.jackson.databind.JsonNode;

/** Reads the wrapped write bodies of the service desk: {@code {"Tickets":[{...}]}}, {@code {"Work":[...]}}. */
final class TicketBodies {

    private TicketBodies() {
    }

    /**
     * Returns the objects under {@code wrapper} (matched in any case), each with its keys in
     * lower case; a key given twice in one object is an error.
     */
    static List<Map<String, JsonNode>> items(JsonNode body, String wrapper) {
        JsonNode list = null;
        if (body != null && body.isObject()) {
            for (Map.Entry<String, JsonNode> entry : body.properties()) {
                if (entry.getKey().equalsIgnoreCase(wrapper)) {
                    list = entry.getValue();
                }
            }
        }
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw ApiError.INVALID_BODY.exception("send {\"" + wrapper + "\":[{...}]} with at least one object");
        }
        List<Map<String, JsonNode>> items = new ArrayList<>();
        for (JsonNode item : list) {
            if (!item.isObject()) {
                throw ApiError.INVALID_BODY.exception("each element of " + wrapper + " must be an object");
            }
            items.add(lowerKeys(item));
        }
        return items;
    }

    static Map<String, JsonNode> lowerKeys(JsonNode object) {
        Map<String, JsonNode> keys = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            String key = entry.getKey().strip().toLowerCase(Locale.ROOT);
            if (keys.put(key, entry.getValue()) != null) {
                throw ApiError.INVALID_BODY.exception("the key '" + entry.getKey() + "' is given twice");
            }
        }
        return keys;
    }

    /** A text value, or null for JSON null; numbers and booleans are taken as their text. */
    static String text(String key, JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isString() || value.isNumber() || value.isBoolean()) {
            return value.asString();
        }
        throw ApiError.TICKET_INVALID_FIELD.exception(key, "expected text, got " + value.getNodeType());
    }

    /**
     * A reference to a related row as clients send it: a number, a number in a string,
     * {@code {"id": n}}, {@code {"name": "x"}} or a name; null clears the relation.
     */
    static Reference reference(String key, JsonNode value) {
        if (value == null || value.isNull()) {
            return Reference.NONE;
        }
        if (value.isObject()) {
            Map<String, JsonNode> keys = lowerKeys(value);
            if (keys.containsKey("id")) {
                return reference(key, keys.get("id"));
            }
            if (keys.containsKey("name")) {
                return reference(key, keys.get("name"));
            }
            if (keys.containsKey("user_name")) {
                return reference(key, keys.get("user_name"));
            }
            throw ApiError.TICKET_INVALID_FIELD.exception(key, "an object must carry \"id\" or \"name\"");
        }
        if (value.isIntegralNumber()) {
            return Reference.id(value.asLong());
        }
        if (value.isString()) {
            String text = value.asString().strip();
            if (text.isEmpty()) {
                return Reference.NONE;
            }
            if (text.chars().allMatch(Character::isDigit) && text.length() < 19) {
                return Reference.id(Long.parseLong(text));
            }
            return new Reference(null, text);
        }
        throw ApiError.TICKET_INVALID_FIELD.exception(key,
                "expected an id, {\"id\": n}, or a name; got " + value.getNodeType());
    }

    /** An id or a name; both null means "none". */
    record Reference(Long id, String name) {

        static final Reference NONE = new Reference(null, null);

        static Reference id(long id) {
            return new Reference(id, null);
        }

        boolean isNone() {
            return id == null && name == null;
        }

        @Override
        public String toString() {
            return id != null ? id.toString() : "'" + name + "'";
        }
    }
}

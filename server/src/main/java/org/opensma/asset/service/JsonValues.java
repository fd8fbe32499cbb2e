package org.opensma.asset.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opensma.platform.web.ApiError;
import org.opensma.platform.web.ApiException;
import tools.jackson.databind.JsonNode;

/**
 * Reads the write bodies of the asset module: the envelope {@code {"<Key>":[{...}]}} and
 * values of each kind. Every mistake is a 400 that names the field and what it accepts.
 */
final class JsonValues {

    private JsonValues() {
    }

    static ApiException invalid(String message) {
        return ApiError.ASSET_INVALID.exception(message);
    }

    /** The objects under {@code key}, the only top-level key the body may have (any case). */
    static List<JsonNode> objects(JsonNode body, String key) {
        if (body == null || !body.isObject()) {
            throw invalid("expected a JSON object {\"" + key + "\":[{...}]}");
        }
        JsonNode list = null;
        for (Map.Entry<String, JsonNode> property : body.properties()) {
            if (!property.getKey().equalsIgnoreCase(key)) {
                throw invalid("unknown top-level key '" + property.getKey() + "'; this route accepts only \""
                        + key + "\"");
            }
            list = property.getValue();
        }
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw invalid("\"" + key + "\" must be a non-empty array of objects");
        }
        List<JsonNode> objects = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!list.get(i).isObject()) {
                throw invalid(key + "[" + i + "] must be an object");
            }
            objects.add(list.get(i));
        }
        return objects;
    }

    /** Exactly one object, as updates take. */
    static JsonNode single(JsonNode body, String key) {
        List<JsonNode> objects = objects(body, key);
        if (objects.size() != 1) {
            throw invalid("an update takes exactly one object in \"" + key + "\", got " + objects.size());
        }
        return objects.getFirst();
    }

    /** Text up to {@code width} characters; null stays null. */
    static String text(JsonNode value, String field, int width) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString() && !value.isNumber()) {
            throw invalid(field + " must be text, got " + describe(value));
        }
        String text = value.isString() ? value.asString() : value.toString();
        if (text.length() > width) {
            throw invalid(field + " is longer than " + width + " characters");
        }
        return text;
    }

    /**
     * A non-negative id: a whole JSON number, a string of digits, or an object with a numeric
     * {@code id} as clients send references. Null stays null.
     */
    static Long id(JsonNode value, String field) {
        if (value == null || value.isNull()) {
            return null;
        }
        JsonNode id = value.isObject() ? value.get("id") : value;
        if (id != null && id.isIntegralNumber() && id.canConvertToLong() && id.asLong() >= 0) {
            return id.asLong();
        }
        if (id != null && id.isString() && id.asString().strip().matches("\\d{1,18}")) {
            return Long.parseLong(id.asString().strip());
        }
        throw invalid(field + " must be an id (a whole number >= 0, or {\"id\":n}), got " + describe(value));
    }

    /** A decimal number: a JSON number or a numeric string. Null stays null. */
    static BigDecimal number(JsonNode value, String field) {
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            if (value.isNumber()) {
                return value.decimalValue();
            }
            if (value.isString()) {
                return new BigDecimal(value.asString().strip());
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw invalid(field + " must be a number, got " + describe(value));
    }

    static String describe(JsonNode value) {
        String text = value.toString();
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}

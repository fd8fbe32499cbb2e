package org.opensma.account.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opensma.platform.web.ApiError;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Strict reading of the account write bodies: an unknown key or a value of the wrong
 * type is a 400 that names the key, so that a typo never reports success for a no-op.
 */
final class JsonBodies {

    private JsonBodies() {
    }

    /** Parses the body as one JSON object; {@code expected} shows the accepted form in the error. */
    static JsonNode object(JsonMapper mapper, byte[] body, String expected) {
        if (body == null || body.length == 0) {
            throw ApiError.INVALID_BODY.exception("the body is empty; send " + expected);
        }
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JacksonException e) {
            throw ApiError.INVALID_BODY.exception("the body is not valid JSON; send " + expected);
        }
        if (root == null || !root.isObject()) {
            throw ApiError.INVALID_BODY.exception("the body must be a JSON object; send " + expected);
        }
        return root;
    }

    /**
     * Returns the items of a KACE write envelope such as {@code {"Users":[{...}]}}. The key matches
     * in any case, and a single object in place of the array counts as one item.
     */
    static List<JsonNode> envelope(JsonNode root, String key, String expected) {
        JsonNode items = null;
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            if (!entry.getKey().equalsIgnoreCase(key)) {
                throw ApiError.INVALID_BODY.exception("unknown key '" + entry.getKey() + "'; send " + expected);
            }
            items = entry.getValue();
        }
        if (items == null) {
            throw ApiError.INVALID_BODY.exception(key + " is missing; send " + expected);
        }
        if (items.isObject()) {
            return List.of(items);
        }
        if (!items.isArray()) {
            throw ApiError.INVALID_BODY.exception(key + " must be an array of objects; send " + expected);
        }
        List<JsonNode> result = new ArrayList<>();
        for (JsonNode item : items) {
            if (!item.isObject()) {
                throw ApiError.INVALID_BODY.exception(key + "[" + result.size() + "] must be an object");
            }
            result.add(item);
        }
        return result;
    }

    /** Rejects any key of {@code item} outside {@code allowed}, naming it and the allowed keys. */
    static void requireKnownKeys(JsonNode item, String path, Set<String> allowed) {
        for (String name : item.propertyNames()) {
            if (!allowed.contains(name)) {
                throw ApiError.INVALID_BODY.exception("unknown key " + path + "." + name + "; allowed keys: "
                        + allowed.stream().sorted().toList());
            }
        }
    }

    /** Returns the string value of {@code key}, or null when it is absent; a JSON null or another type is rejected. */
    static String string(JsonNode item, String path, String key) {
        JsonNode value = item.get(key);
        if (value == null) {
            return null;
        }
        if (!value.isString()) {
            throw ApiError.INVALID_BODY.exception(path + "." + key + " must be a string, not " + describe(value));
        }
        return value.asString();
    }

    private static String describe(JsonNode value) {
        if (value.isNull()) {
            return "null";
        }
        if (value.isNumber()) {
            return "a number";
        }
        if (value.isBoolean()) {
            return "a boolean";
        }
        return value.isArray() ? "an array" : "an object";
    }
}

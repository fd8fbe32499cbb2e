package org.opensma.account.twofactor.web;

import org.opensma.platform.web.ApiError;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON bodies of the two-factor routes whatever the Content-Type header states, as login
 * does, because KACE clients do not all send one.
 */
@Component
class TwoFactorRequests {

    private static final int CODE_DIGITS = 6;

    private final JsonMapper jsonMapper;

    TwoFactorRequests(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    /**
     * Returns {@code currentCode}: a string, or a number that is padded with leading zeros to
     * six digits because a client that sends the code as a JSON number loses them.
     */
    String currentCode(byte[] body) {
        JsonNode code = object(body, "{\"currentCode\": \"123456\"}").get("currentCode");
        if (code != null && code.isString()) {
            return code.asString();
        }
        if (code != null && code.isIntegralNumber() && code.longValue() >= 0) {
            String digits = Long.toString(code.longValue());
            return digits.length() >= CODE_DIGITS ? digits : "0".repeat(CODE_DIGITS - digits.length()) + digits;
        }
        throw ApiError.INVALID_BODY.exception("currentCode is required: send {\"currentCode\": \"123456\"}");
    }

    boolean required(byte[] body) {
        JsonNode required = object(body, "{\"required\": true}").get("required");
        if (required == null || !required.isBoolean()) {
            throw ApiError.INVALID_BODY.exception("required must be true or false: send {\"required\": true}");
        }
        return required.booleanValue();
    }

    long userId(byte[] body) {
        JsonNode userId = object(body, "{\"userId\": 5}").get("userId");
        if (userId == null || !userId.isIntegralNumber() || !userId.canConvertToLong() || userId.longValue() <= 0) {
            throw ApiError.INVALID_BODY.exception("userId must be a positive user id: send {\"userId\": 5}");
        }
        return userId.longValue();
    }

    private JsonNode object(byte[] body, String example) {
        if (body == null || body.length == 0) {
            throw ApiError.INVALID_BODY.exception("the body is empty: send " + example + " as JSON");
        }
        JsonNode node;
        try {
            node = jsonMapper.readTree(body);
        } catch (JacksonException e) {
            throw ApiError.INVALID_BODY.exception("the body is not valid JSON: send " + example);
        }
        if (node == null || !node.isObject()) {
            throw ApiError.INVALID_BODY.exception("expected a JSON object: send " + example);
        }
        return node;
    }
}

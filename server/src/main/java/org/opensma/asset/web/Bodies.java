package org.opensma.asset.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opensma.platform.web.ApiError;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads write bodies as JSON whatever their Content-Type, and builds the KACE write responses. */
final class Bodies {

    static final Map<String, String> SUCCESS = Map.of("Result", "Success");

    private Bodies() {
    }

    static JsonNode parse(JsonMapper mapper, byte[] body, String example) {
        if (body == null || body.length == 0) {
            throw ApiError.INVALID_BODY.exception("the body is missing; send " + example);
        }
        try {
            return mapper.readTree(body);
        } catch (JacksonException e) {
            throw ApiError.INVALID_BODY.exception("the body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    static Map<String, Object> created(List<Long> ids) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("Result", "Success");
        result.put("IDs", ids);
        return result;
    }
}

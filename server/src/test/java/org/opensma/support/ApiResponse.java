package org.opensma.support;

import java.net.HttpCookie;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A response as a test sees it: status, headers, body, and the body as JSON. */
public record ApiResponse(int status, Map<String, List<String>> headers, byte[] bytes) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public ApiResponse {
        Map<String, List<String>> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseInsensitive.putAll(headers);
        headers = caseInsensitive;
    }

    public String body() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public JsonNode json() {
        return JSON.readTree(bytes);
    }

    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    /** The raw Set-Cookie header lines. */
    public List<String> setCookieLines() {
        return headers.getOrDefault("Set-Cookie", List.of());
    }

    /** Cookies set by this response, by name. */
    public Map<String, SetCookie> setCookies() {
        Map<String, SetCookie> cookies = new LinkedHashMap<>();
        for (String line : setCookieLines()) {
            for (HttpCookie cookie : HttpCookie.parse(line)) {
                cookies.put(cookie.getName(), new SetCookie(cookie.getName(), cookie.getValue(), line,
                        cookie.getMaxAge() == 0));
            }
        }
        return cookies;
    }

    /** One Set-Cookie line and what it sets. */
    public record SetCookie(String name, String value, String line, boolean expired) {
    }
}

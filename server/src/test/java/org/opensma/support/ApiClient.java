package org.opensma.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small HTTP client for tests that keeps cookies by hand, so that tests can send
 * exactly the cookies and headers a given KACE client sends.
 */
public class ApiClient {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private final String baseUrl;
    private final HttpClient http;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final Map<String, String> defaultHeaders = new LinkedHashMap<>();

    public ApiClient(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HTTP;
    }

    /**
     * A client whose connections leave from {@code localAddress}, such as 127.0.0.23, so that
     * the server sees that client address. Tests of per-address limits use one address each
     * and leave the counters of 127.0.0.1 to the rest of the suite.
     */
    public ApiClient(String baseUrl, InetAddress localAddress) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1)
                .localAddress(localAddress)
                .build();
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Map<String, String> cookies() {
        return cookies;
    }

    /** Sends this header on every later request. */
    public ApiClient header(String name, String value) {
        defaultHeaders.put(name, value);
        return this;
    }

    /** Logs in with JSON credentials; fails the test unless the server returns 200. */
    public ApiResponse login(String userName, String password) {
        ApiResponse response = post("/ams/shared/api/security/login",
                "{\"userName\":\"" + userName + "\",\"password\":\"" + password + "\"}",
                "Content-Type", "application/json");
        if (response.status() != 200) {
            throw new AssertionError("Login failed with " + response.status() + ": " + response.body());
        }
        return response;
    }

    public ApiResponse get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    public ApiResponse post(String path, String body, String... headers) {
        return send("POST", path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);
    }

    public ApiResponse postBytes(String path, byte[] body, String... headers) {
        return send("POST", path, body, headers);
    }

    public ApiResponse put(String path, String body, String... headers) {
        return send("PUT", path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);
    }

    public ApiResponse delete(String path, String... headers) {
        return send("DELETE", path, null, headers);
    }

    /** Sends a request; {@code headers} are name, value pairs added after the defaults. */
    public ApiResponse send(String method, String path, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        defaultHeaders.forEach(request::header);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (!cookies.isEmpty()) {
            List<String> pairs = new ArrayList<>();
            cookies.forEach((name, value) -> pairs.add(name + "=" + value));
            request.header("Cookie", String.join("; ", pairs));
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            ApiResponse result = new ApiResponse(response.statusCode(), response.headers().map(), response.body());
            result.setCookies().forEach((name, cookie) -> {
                if (cookie.expired()) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, cookie.value());
                }
            });
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Encodes a query parameter value the way browsers and most clients do. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

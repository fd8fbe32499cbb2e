package org.opensma.platform.web;

import java.time.Duration;
import java.util.Optional;

/** A client-facing failure with its catalogue entry; rendered as the KACE error envelope. */
public class ApiException extends RuntimeException {

    private final ApiError error;
    private final Duration retryAfter;

    public ApiException(ApiError error, String message) {
        this(error, message, null);
    }

    /** Creates a failure the client may retry after {@code retryAfter}, sent in the Retry-After header. */
    public ApiException(ApiError error, String message, Duration retryAfter) {
        super(message, null, false, false);
        this.error = error;
        this.retryAfter = retryAfter;
    }

    /** Returns the wait before a retry can succeed, if the failure has one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public ApiError error() {
        return error;
    }
}

package org.opensma.platform.web;

/** A client-facing failure with its catalogue entry; rendered as the KACE error envelope. */
public class ApiException extends RuntimeException {

    private final ApiError error;

    public ApiException(ApiError error, String message) {
        super(message, null, false, false);
        this.error = error;
    }

    public ApiError error() {
        return error;
    }
}

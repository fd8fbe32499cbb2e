package org.opensma.platform.web;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The KACE error envelope: {@code {"errorCode": n, "errorDescription": "..."}}. */
@JsonPropertyOrder({"errorCode", "errorDescription"})
public record ErrorBody(int errorCode, String errorDescription) {

    public static ErrorBody of(ApiError error, String message) {
        return new ErrorBody(error.kaceCode(), message);
    }
}

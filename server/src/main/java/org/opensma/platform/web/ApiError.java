package org.opensma.platform.web;

import org.springframework.http.HttpStatus;

/**
 * Catalogue of every error the API returns. Each entry fixes the HTTP status, the KACE
 * {@code errorCode} and a message template filled with {@link String#formatted}.
 * Authentication errors use errorCode -1 as the appliance does; the others use stable
 * positive numbers so clients can branch on them.
 */
public enum ApiError {

    NOT_AUTHENTICATED(HttpStatus.UNAUTHORIZED, -1,
            "Authentication required: log in with POST /ams/shared/api/security/login"),
    EXPIRED_TOKEN(HttpStatus.UNAUTHORIZED, -1, "Expired token"),
    BAD_CREDENTIALS(HttpStatus.UNAUTHORIZED, -1, "Invalid user name, password or organization"),
    ACCESS_DENIED(HttpStatus.FORBIDDEN, 1003, "Your role does not allow %s"),
    TWO_FACTOR_PENDING(HttpStatus.UNAUTHORIZED, -1, "User not fully authenticated."),
    TWO_FACTOR_INVALID_CODE(HttpStatus.UNAUTHORIZED, -1,
            "Invalid two-factor code: send the current 6-digit code of the authenticator app or an unused"
                    + " recovery code"),
    TWO_FACTOR_LOCKED(HttpStatus.UNAUTHORIZED, -1, "Too many invalid two-factor codes: try again after %s UTC"),
    TWO_FACTOR_NOT_ENROLLED(HttpStatus.CONFLICT, 1400,
            "Two-factor authentication is not set up for %s: enrol with POST /ams/shared/api/security/2fa/enroll,"
                    + " then POST /ams/shared/api/security/2fa/confirm"),
    TWO_FACTOR_ALREADY_ENABLED(HttpStatus.CONFLICT, 1401,
            "Two-factor authentication is already enabled for %s: an administrator must reset it"
                    + " (POST /ams/shared/api/security/2fa/reset) before a new enrolment"),
    TWO_FACTOR_NO_PENDING_ENROLMENT(HttpStatus.CONFLICT, 1402,
            "No two-factor enrolment to confirm: start one with POST /ams/shared/api/security/2fa/enroll"),
    CSRF_MISSING(HttpStatus.FORBIDDEN, 1004,
            "Request changes data with only a session cookie: send the x-kace-csrf-token (or x-dell-csrf-token)"
                    + " header with the KACE_CSRF_TOKEN value, an x-kace-api-version header,"
                    + " or Content-Type: application/json"),
    CSRF_MISMATCH(HttpStatus.FORBIDDEN, 1005,
            "The %s header does not match this session's KACE_CSRF_TOKEN"),
    ACCOUNT_LOCKED(HttpStatus.TOO_MANY_REQUESTS, 1006,
            "Too many failed logins for this account; try again after %s"),
    ADDRESS_LOCKED(HttpStatus.TOO_MANY_REQUESTS, 1007,
            "Too many failed logins from this address; try again after %s"),

    INVALID_BODY(HttpStatus.BAD_REQUEST, 1100, "Invalid request body: %s"),
    INVALID_PARAMETER(HttpStatus.BAD_REQUEST, 1101, "Invalid value '%s' for %s: %s"),
    INVALID_QUERY(HttpStatus.BAD_REQUEST, 1102, "%s"),
    CONFLICT(HttpStatus.CONFLICT, 1103, "%s"),
    NOT_FOUND(HttpStatus.NOT_FOUND, 1200, "%s"),
    NO_ROUTE(HttpStatus.NOT_FOUND, 1201, "No route found for %s %s"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, 1202, "Method %s is not allowed on %s; allowed: %s"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, 1203, "Cannot answer in %s; accepted: application/json, application/xml"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 1204,
            "Content type %s is not supported; send application/json"),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, 1205, "%s"),

    AGENT_REJECTED(HttpStatus.BAD_REQUEST, 1300, "%s"),

    // Asset module: assets, asset types, barcodes.
    ASSET_INVALID(HttpStatus.BAD_REQUEST, 1500, "Invalid asset request: %s"),
    ASSET_NO_CHANGE(HttpStatus.BAD_REQUEST, 1501, "Nothing to change: %s"),
    ASSET_ARCHIVE_REASON(HttpStatus.BAD_REQUEST, 1502,
            "archiveReason is required: send {\"archiveReason\":\"why the asset is archived\"}"),
    ASSET_CONFLICT(HttpStatus.CONFLICT, 1503, "%s"),

    // Service desk: 1600-1699.
    TICKET_INVALID_FIELD(HttpStatus.BAD_REQUEST, 1600, "Invalid ticket field '%s': %s"),
    TICKET_REQUIRED_FIELD(HttpStatus.BAD_REQUEST, 1601, "Ticket field '%s' is required %s: %s"),
    TICKET_UNKNOWN_KEY(HttpStatus.BAD_REQUEST, 1602, "Unknown ticket key '%s'; accepted keys: %s"),
    ATTACHMENT_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, 1603,
            "Attachment '%s' has %d bytes; the limit is %d bytes (opensma.service-desk.attachment-max-size)"),
    ATTACHMENT_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 1604,
            "Attachment '%s' has content type %s, which is not accepted; accepted: %s"),
    TICKET_APPROVAL(HttpStatus.CONFLICT, 1605, "%s"),
    TICKET_FIELD_NOT_EDITABLE(HttpStatus.FORBIDDEN, 1606,
            "Ticket field '%s' cannot be set by users in queue %s (visible: %s)"),

    INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, 1999,
            "Internal server error; the server log has the details under request id %s");

    private final HttpStatus status;
    private final int kaceCode;
    private final String template;

    ApiError(HttpStatus status, int kaceCode, String template) {
        this.status = status;
        this.kaceCode = kaceCode;
        this.template = template;
    }

    public HttpStatus status() {
        return status;
    }

    public int kaceCode() {
        return kaceCode;
    }

    public String message(Object... arguments) {
        return arguments.length == 0 ? template : template.formatted(arguments);
    }

    public ApiException exception(Object... arguments) {
        return new ApiException(this, message(arguments));
    }
}

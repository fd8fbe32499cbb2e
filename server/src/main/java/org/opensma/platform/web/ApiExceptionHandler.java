package org.opensma.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.stream.Collectors;
import org.opensma.agent.AgentProtocolException;
import org.opensma.query.QueryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import tools.jackson.core.exc.JacksonIOException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every exception that leaves a controller into the KACE error envelope. Client
 * mistakes are logged at DEBUG; anything unexpected is logged once at ERROR and gets
 * a 500 that names only the request id, never the cause.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ErrorBody> apiException(ApiException exception) {
        ResponseEntity<ErrorBody> response = respond(exception.error(), exception.getMessage());
        if (exception.retryAfter().isEmpty()) {
            return response;
        }
        // Retry-After in whole seconds, rounded up so that a retry at that time finds the lock ended.
        long millis = exception.retryAfter().get().toMillis();
        long seconds = Math.max(1, (millis + 999) / 1000);
        return ResponseEntity.status(response.getStatusCode())
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(response.getBody());
    }

    @ExceptionHandler(QueryException.class)
    ResponseEntity<ErrorBody> queryException(QueryException exception) {
        return respond(ApiError.INVALID_QUERY, exception.getMessage());
    }

    @ExceptionHandler(AgentProtocolException.class)
    ResponseEntity<ErrorBody> agentProtocolException(AgentProtocolException exception) {
        log.warn("Agent message rejected: {}", exception.getMessage());
        ErrorBody body = ErrorBody.of(ApiError.AGENT_REJECTED, exception.getMessage());
        return ResponseEntity.status(exception.problem().httpStatus()).contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorBody> unreadableBody(HttpMessageNotReadableException exception) {
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiException limit) {
                return respond(limit.error(), limit.getMessage());
            }
        }
        return respond(ApiError.INVALID_BODY, "the body is missing or is not valid JSON");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ErrorBody> methodNotAllowed(HttpRequestMethodNotSupportedException exception,
            HttpServletRequest request) {
        String allowed = exception.getSupportedHttpMethods() == null ? ""
                : exception.getSupportedHttpMethods().stream().map(Object::toString)
                        .collect(Collectors.joining(", "));
        return respond(ApiError.METHOD_NOT_ALLOWED,
                ApiError.METHOD_NOT_ALLOWED.message(exception.getMethod(), request.getRequestURI(), allowed));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ErrorBody> noRoute(NoResourceFoundException exception, HttpServletRequest request) {
        return respond(ApiError.NO_ROUTE, ApiError.NO_ROUTE.message(request.getMethod(), request.getRequestURI()));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ErrorBody> notAcceptable(HttpMediaTypeNotAcceptableException exception,
            HttpServletRequest request) {
        return respond(ApiError.NOT_ACCEPTABLE, ApiError.NOT_ACCEPTABLE.message(request.getHeader("Accept")));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ErrorBody> unsupportedMediaType(HttpMediaTypeNotSupportedException exception) {
        return respond(ApiError.UNSUPPORTED_MEDIA_TYPE,
                ApiError.UNSUPPORTED_MEDIA_TYPE.message(String.valueOf(exception.getContentType())));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ErrorBody> typeMismatch(MethodArgumentTypeMismatchException exception) {
        String expected = exception.getRequiredType() == null ? "a valid value"
                : "a " + exception.getRequiredType().getSimpleName().toLowerCase();
        return respond(ApiError.INVALID_PARAMETER,
                ApiError.INVALID_PARAMETER.message(exception.getValue(), exception.getName(), "expected " + expected));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ErrorBody> missingParameter(MissingServletRequestParameterException exception) {
        return respond(ApiError.INVALID_PARAMETER,
                ApiError.INVALID_PARAMETER.message("", exception.getParameterName(), "the parameter is required"));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ErrorBody> tooLarge(MaxUploadSizeExceededException exception) {
        return respond(ApiError.PAYLOAD_TOO_LARGE, "The request body exceeds the configured size limit");
    }

    /** Logs at DEBUG that the client closed the connection while the response was being written. */
    @ExceptionHandler({AsyncRequestNotUsableException.class, JacksonIOException.class})
    void clientGone(Exception exception, HttpServletRequest request) {
        log.debug("Client closed the connection during {} {}: {}", request.getMethod(), request.getRequestURI(),
                exception.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorBody> unexpected(Exception exception, HttpServletRequest request) {
        String requestId = MDC.get(RequestIdFilter.REQUEST_ID);
        log.error("Request {} {} failed", request.getMethod(), request.getRequestURI(), exception);
        return respond(ApiError.INTERNAL, ApiError.INTERNAL.message(requestId));
    }

    private static ResponseEntity<ErrorBody> respond(ApiError error, String message) {
        log.debug("Request rejected with {}: {}", error, message);
        // A preset content type makes Spring write JSON even when the request accepts only XML, so that
        // every client parses one error format.
        return ResponseEntity.status(error.status()).contentType(MediaType.APPLICATION_JSON)
                .body(ErrorBody.of(error, message));
    }
}

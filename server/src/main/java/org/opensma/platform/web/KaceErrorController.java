package org.opensma.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Boot's /error page so that errors raised by the servlet container itself
 * (for example a malformed URL or an over-long header) use the same KACE envelope.
 */
@RestController
class KaceErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ErrorBody> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (!(code instanceof Integer)) {
            // Called directly rather than as an error dispatch: /error is not a route of the API.
            return ResponseEntity.status(ApiError.NO_ROUTE.status()).body(ErrorBody.of(ApiError.NO_ROUTE,
                    ApiError.NO_ROUTE.message(request.getMethod(), request.getRequestURI())));
        }
        int status = (Integer) code;
        HttpStatus httpStatus = HttpStatus.resolve(status);
        if (httpStatus == null) {
            httpStatus = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String message = httpStatus.is5xxServerError()
                ? "Internal server error"
                : "The request was rejected: " + httpStatus.getReasonPhrase();
        int kaceCode = httpStatus == HttpStatus.UNAUTHORIZED ? -1 : httpStatus.value();
        return ResponseEntity.status(httpStatus).body(new ErrorBody(kaceCode, message));
    }
}

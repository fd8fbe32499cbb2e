package org.opensma.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.opensma.platform.web.ApiError;
import org.opensma.platform.web.ErrorResponseWriter;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers unauthenticated API calls with the KACE 401 body. A request that carried a
 * session cookie or token that no longer resolves gets "Expired token", the text
 * clients watch for before they log in again.
 */
class KaceAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ErrorResponseWriter errors;

    KaceAuthenticationEntryPoint(ErrorResponseWriter errors) {
        this.errors = errors;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        ApiError error = AuthSource.presented(request) ? ApiError.EXPIRED_TOKEN : ApiError.NOT_AUTHENTICATED;
        errors.write(response, error, error.message());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
            org.springframework.security.access.AccessDeniedException exception) throws IOException {
        String action = request.getMethod() + " " + request.getRequestURI();
        errors.write(response, ApiError.ACCESS_DENIED, ApiError.ACCESS_DENIED.message(action));
    }
}

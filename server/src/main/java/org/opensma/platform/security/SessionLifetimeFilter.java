package org.opensma.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.opensma.platform.web.ApiError;
import org.opensma.platform.web.ErrorResponseWriter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rejects a request whose session expired with the KACE 401 "Expired token", the text
 * clients watch for before they log in again. Login, logout and the routes open without a
 * login still run, without the expired session.
 */
class SessionLifetimeFilter extends OncePerRequestFilter {

    /** Routes that work without a session, so an expired one is dropped and the request goes on. */
    private static final Set<String> OPEN_PATHS = Set.of(
            SecurityConfig.LOGIN_PATH,
            SecurityConfig.LOGOUT_PATH,
            "/ams/shared/api/security/supportedAuthTypes",
            "/actuator/health",
            "/error");

    private final SessionLifetime lifetime;
    private final ErrorResponseWriter errors;

    SessionLifetimeFilter(SessionLifetime lifetime, ErrorResponseWriter errors) {
        this.lifetime = lifetime;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (lifetime.endIfExpired(request) && !OPEN_PATHS.contains(request.getRequestURI())) {
            errors.write(response, ApiError.EXPIRED_TOKEN, ApiError.EXPIRED_TOKEN.message());
            return;
        }
        chain.doFilter(request, response);
    }
}

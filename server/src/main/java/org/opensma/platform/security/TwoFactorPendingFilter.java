package org.opensma.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.opensma.account.SmaPrincipal;
import org.opensma.platform.web.ApiError;
import org.opensma.platform.web.ErrorResponseWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds a login that still waits for its two-factor code. Such a session may only send the
 * code, enrol an authenticator, or log out; every other call gets the KACE 401
 * "User not fully authenticated.". Routes that need no login at all stay open. Because
 * the check matches allowed paths exactly, a route added later is held too.
 */
class TwoFactorPendingFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(TwoFactorPendingFilter.class);

    private static final String SECURITY = "/ams/shared/api/security";

    /** Paths a pending session may call; the request path has no trailing slash at this point. */
    private static final Set<String> ALLOWED_PATHS = Set.of(
            SECURITY + "/verify_2factor",
            SECURITY + "/verify_2fa",
            SECURITY + "/2fa/enroll",
            SECURITY + "/2fa/confirm",
            SecurityConfig.LOGIN_PATH,
            SecurityConfig.LOGOUT_PATH,
            SECURITY + "/supportedAuthTypes",
            "/actuator/health",
            "/error");

    private final ErrorResponseWriter errors;

    TwoFactorPendingFilter(ErrorResponseWriter errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SmaPrincipal principal
                && principal.twoFactorPending() && !allowed(request.getRequestURI())) {
            log.debug("Two-factor pending, rejected {} {} userId={}", request.getMethod(), request.getRequestURI(),
                    principal.userId());
            errors.write(response, ApiError.TWO_FACTOR_PENDING, ApiError.TWO_FACTOR_PENDING.message());
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean allowed(String path) {
        return ALLOWED_PATHS.contains(path) || path.startsWith("/actuator/health/");
    }
}

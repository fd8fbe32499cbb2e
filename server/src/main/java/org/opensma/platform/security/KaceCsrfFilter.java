package org.opensma.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.opensma.platform.web.ApiError;
import org.opensma.platform.web.ErrorResponseWriter;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards writes made with the session cookie alone. Browsers attach cookies to
 * cross-site requests, so such a write must also carry something a cross-site page
 * cannot send without a CORS preflight: the CSRF token header, a KACE version header,
 * or a JSON content type. A CSRF header that is present must match the session's token.
 * Requests authenticated by a token header need none of this: a browser never adds it.
 */
class KaceCsrfFilter extends OncePerRequestFilter {

    static final String SESSION_ATTRIBUTE = "opensma.csrf-token";
    static final String KACE_CSRF_HEADER = "x-kace-csrf-token";
    static final String DELL_CSRF_HEADER = "x-dell-csrf-token";
    private static final Set<String> VERSION_HEADERS = Set.of("x-kace-api-version", "x-dell-api-version");
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final ErrorResponseWriter errors;

    KaceCsrfFilter(ErrorResponseWriter errors) {
        this.errors = errors;
    }

    /**
     * Login starts a new session whatever the request carried, so a forged login gains
     * nothing; logout only ends a session. Both get their method check from routing.
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return SecurityConfig.LOGIN_PATH.equals(path) || SecurityConfig.LOGOUT_PATH.equals(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ApiError rejection = check(request);
        if (rejection == ApiError.CSRF_MISMATCH) {
            String header = request.getHeader(KACE_CSRF_HEADER) != null ? KACE_CSRF_HEADER : DELL_CSRF_HEADER;
            errors.write(response, rejection, rejection.message(header));
            return;
        }
        if (rejection != null) {
            errors.write(response, rejection, rejection.message());
            return;
        }
        chain.doFilter(request, response);
    }

    private static ApiError check(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod()) || AuthSource.of(request) != AuthSource.COOKIE) {
            return null;
        }

        String presented = request.getHeader(KACE_CSRF_HEADER);
        if (presented == null) {
            presented = request.getHeader(DELL_CSRF_HEADER);
        }
        if (presented != null) {
            return matchesSession(request, presented) ? null : ApiError.CSRF_MISMATCH;
        }

        boolean versionHeader = VERSION_HEADERS.stream().anyMatch(name -> request.getHeader(name) != null);
        return versionHeader || isJson(request.getContentType()) ? null : ApiError.CSRF_MISSING;
    }

    private static boolean matchesSession(HttpServletRequest request, String presented) {
        HttpSession session = request.getSession(false);
        Object expected = session == null ? null : session.getAttribute(SESSION_ATTRIBUTE);
        return expected instanceof String token && MessageDigest.isEqual(
                token.getBytes(StandardCharsets.UTF_8), presented.strip().getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            return MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(contentType));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

package org.opensma.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.HttpSessionIdResolver;

/**
 * Finds the session of a request the ways KACE clients name it: the JWT in
 * {@code x-kace-authorization} (with or without "Bearer ") or in
 * {@code Authorization: Bearer}, else the {@code kboxid} cookie.
 */
class KaceSessionIdResolver implements HttpSessionIdResolver {

    static final String KACE_AUTHORIZATION = "x-kace-authorization";
    private static final String BEARER = "bearer ";

    private final CookieHttpSessionIdResolver cookies = new CookieHttpSessionIdResolver();
    private final SessionTokenService tokens;

    KaceSessionIdResolver(CookieSerializer cookieSerializer, SessionTokenService tokens) {
        this.cookies.setCookieSerializer(cookieSerializer);
        this.tokens = tokens;
    }

    @Override
    public List<String> resolveSessionIds(HttpServletRequest request) {
        String token = token(request);
        if (token != null) {
            AuthSource.recordPresented(request);
            AuthSource.record(request, AuthSource.HEADER);
            return tokens.sessionId(token).map(List::of).orElse(List.of());
        }
        List<String> ids = cookies.resolveSessionIds(request);
        if (!ids.isEmpty()) {
            AuthSource.recordPresented(request);
            AuthSource.record(request, AuthSource.COOKIE);
        }
        return ids;
    }

    @Override
    public void setSessionId(HttpServletRequest request, HttpServletResponse response, String sessionId) {
        cookies.setSessionId(request, response, sessionId);
    }

    @Override
    public void expireSession(HttpServletRequest request, HttpServletResponse response) {
        cookies.expireSession(request, response);
    }

    private static String token(HttpServletRequest request) {
        String header = request.getHeader(KACE_AUTHORIZATION);
        if (header == null || header.isBlank()) {
            header = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                return null;
            }
        }
        String value = header.strip();
        if (value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            value = value.substring(BEARER.length()).strip();
        }
        return value.isEmpty() ? null : value;
    }
}

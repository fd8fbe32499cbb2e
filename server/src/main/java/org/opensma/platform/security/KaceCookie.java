package org.opensma.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * Every cookie the login sets besides the session cookie {@code kboxid}, which Spring
 * Session writes with the same attributes. All are host-only with {@code Path=/} and
 * {@code SameSite=Lax}, and {@code Secure} only over HTTPS: KACE clients built on
 * cookie jars read them back by path {@code /} and would not return Secure cookies over HTTP.
 */
public enum KaceCookie {

    CSRF_TOKEN("KACE_CSRF_TOKEN", false),
    DELL_AUTH_JWT("x-dell-auth-jwt", true),
    KACE_AUTH_JWT("x-kace-auth-jwt", true),
    LAST_USER("KACE_LAST_USER_SECURE", false),
    LAST_ORGANIZATION("KACE_LAST_ORG_SECURE", false);

    /** Name of the session cookie; Spring Session writes it. */
    public static final String SESSION = "kboxid";

    private final String cookieName;
    private final boolean httpOnly;

    KaceCookie(String cookieName, boolean httpOnly) {
        this.cookieName = cookieName;
        this.httpOnly = httpOnly;
    }

    public String cookieName() {
        return cookieName;
    }

    public void set(HttpServletRequest request, HttpServletResponse response, String value) {
        String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
        response.addHeader(HttpHeaders.SET_COOKIE, build(request, encoded, null).toString());
    }

    public void clear(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader(HttpHeaders.SET_COOKIE, build(request, "", Duration.ZERO).toString());
    }

    private ResponseCookie build(HttpServletRequest request, String value, Duration maxAge) {
        ResponseCookie.ResponseCookieBuilder cookie = ResponseCookie.from(cookieName, value)
                .path("/")
                .sameSite("Lax")
                .httpOnly(httpOnly)
                .secure(request.isSecure());
        if (maxAge != null) {
            cookie.maxAge(maxAge);
        }
        return cookie.build();
    }
}

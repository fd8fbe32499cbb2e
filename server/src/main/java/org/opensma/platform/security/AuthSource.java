package org.opensma.platform.security;

import jakarta.servlet.http.HttpServletRequest;

/** Source of a request's session id: a token header or the session cookie alone. */
public enum AuthSource {
    HEADER,
    COOKIE;

    private static final String ATTRIBUTE = AuthSource.class.getName();
    private static final String PRESENTED_ATTRIBUTE = AuthSource.class.getName() + ".presented";

    static void record(HttpServletRequest request, AuthSource source) {
        request.setAttribute(ATTRIBUTE, source);
    }

    static void recordPresented(HttpServletRequest request) {
        request.setAttribute(PRESENTED_ATTRIBUTE, Boolean.TRUE);
    }

    public static AuthSource of(HttpServletRequest request) {
        return (AuthSource) request.getAttribute(ATTRIBUTE);
    }

    /** Returns whether the request carried any session credential, valid or not. */
    public static boolean presented(HttpServletRequest request) {
        return request.getAttribute(PRESENTED_ATTRIBUTE) != null;
    }
}

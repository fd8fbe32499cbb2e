package org.opensma.platform.security;

import org.opensma.account.SmaPrincipal;
import org.opensma.platform.web.ApiError;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The logged-in user of the current request and the organization every query is scoped to. */
public final class CurrentPrincipal {

    private CurrentPrincipal() {
    }

    public static SmaPrincipal get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SmaPrincipal principal) {
            return principal;
        }
        throw ApiError.NOT_AUTHENTICATED.exception();
    }
}

package org.opensma.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.opensma.account.SmaPrincipal;
import org.opensma.account.service.Secrets;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/** Starts and ends API sessions, and hands out the credentials a KACE login returns. */
@Component
public class Sessions {

    private final SecurityContextRepository contexts;
    private final SessionTokenService tokens;

    Sessions(SecurityContextRepository contexts, SessionTokenService tokens) {
        this.contexts = contexts;
        this.tokens = tokens;
    }

    /** Credentials handed to the client after a login. */
    public record LoginCredentials(String csrfToken, String jwt) {
    }

    /**
     * Starts a fresh session for the principal; any session the request carried is
     * invalidated first, so a session id planted before login is never promoted.
     */
    public LoginCredentials start(SmaPrincipal principal, HttpServletRequest request, HttpServletResponse response) {
        HttpSession previous = request.getSession(false);
        if (previous != null) {
            previous.invalidate();
        }
        HttpSession session = request.getSession(true);

        var authentication = UsernamePasswordAuthenticationToken.authenticated(principal, null,
                List.of(new SimpleGrantedAuthority(principal.role().authority())));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);

        String csrfToken = Secrets.random(24);
        session.setAttribute(KaceCsrfFilter.SESSION_ATTRIBUTE, csrfToken);
        return new LoginCredentials(csrfToken, tokens.issue(session.getId(), principal));
    }

    /** Ends the request's session, if any. */
    public void end(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
    }
}

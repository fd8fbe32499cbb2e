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
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/** Starts, changes and ends API sessions, and hands out the credentials a KACE login returns. */
@Component
public class Sessions {

    private final SecurityContextRepository contexts;
    private final SessionTokenService tokens;
    private final FindByIndexNameSessionRepository<?> sessionRepository;

    Sessions(SecurityContextRepository contexts, SessionTokenService tokens,
            FindByIndexNameSessionRepository<?> sessionRepository) {
        this.contexts = contexts;
        this.tokens = tokens;
        this.sessionRepository = sessionRepository;
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
            tokens.revokeSession(previous.getId());
            previous.invalidate();
        }
        HttpSession session = request.getSession(true);
        store(principal, request, response);

        String csrfToken = Secrets.random(24);
        session.setAttribute(KaceCsrfFilter.SESSION_ATTRIBUTE, csrfToken);
        return new LoginCredentials(csrfToken, tokens.issue(session.getId(), principal));
    }

    /**
     * Replaces the principal of the current session, as an organization switch or a
     * completed two-factor step does. With {@code rotateId} the session gets a new id,
     * and the tokens issued for it follow.
     */
    public void replace(SmaPrincipal principal, boolean rotateId, HttpServletRequest request,
            HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            throw new IllegalStateException("No session to replace the principal of");
        }
        if (rotateId) {
            String oldId = session.getId();
            String newId = request.changeSessionId();
            tokens.moveSession(oldId, newId);
        }
        store(principal, request, response);
    }

    /** Ends the request's session, if any, and revokes its tokens. */
    public void end(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            tokens.revokeSession(session.getId());
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
    }

    /**
     * Ends every session of a user on every server process, and revokes their tokens: after
     * a password change, a role change or a two-factor reset.
     */
    public void endAll(SmaPrincipal user) {
        endAll(user.userId(), user.userName());
    }

    public void endAll(long userId, String userName) {
        tokens.revokeUser(userId);
        for (String sessionId : sessionRepository.findByPrincipalName(userName).keySet()) {
            sessionRepository.deleteById(sessionId);
        }
    }

    /**
     * Ends the user's sessions that work in one organization, on every server process, and
     * revokes their tokens; sessions in the user's other organizations stay valid. Used
     * when the user leaves the organization or the organization is deleted.
     */
    public void endAllInOrganization(long userId, String userName, long orgId) {
        for (var entry : sessionRepository.findByPrincipalName(userName).entrySet()) {
            Object context = entry.getValue().getAttribute(
                    HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
            if (context instanceof SecurityContext security && security.getAuthentication() != null
                    && security.getAuthentication().getPrincipal() instanceof SmaPrincipal principal
                    && principal.userId() == userId && principal.orgId() == orgId) {
                tokens.revokeSession(entry.getKey());
                sessionRepository.deleteById(entry.getKey());
            }
        }
    }

    private void store(SmaPrincipal principal, HttpServletRequest request, HttpServletResponse response) {
        String authority = principal.twoFactorPending() ? "ROLE_TWO_FACTOR_PENDING" : principal.role().authority();
        var authentication = UsernamePasswordAuthenticationToken.authenticated(principal, null,
                List.of(new SimpleGrantedAuthority(authority)));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}

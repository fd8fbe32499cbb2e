package org.opensma.platform.security;

import static org.opensma.account.persistence.AccountTables.SESSION_TOKEN;
import static org.opensma.account.persistence.AccountTables.SESSION_TOKEN_SESSION_ID;
import static org.opensma.account.persistence.AccountTables.SESSION_TOKEN_USER_ID;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.opensma.account.SmaPrincipal;
import org.opensma.account.persistence.UserRepository;
import org.opensma.audit.AuditEventType;
import org.opensma.audit.AuditLog;
import org.opensma.platform.config.OpenSmaProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Ends sessions that outlived their timeouts. The absolute timeout counts from
 * {@link SmaPrincipal#authenticatedAt()} and is checked here. The idle timeout is Spring
 * Session's max inactive interval: Spring Session drops an idle session when it is next
 * requested, and this class then finds the session's tokens, which still name it, to
 * revoke them and record the expiry.
 */
@Component
class SessionLifetime {

    private static final Logger log = LoggerFactory.getLogger(SessionLifetime.class);

    private final OpenSmaProperties.Session settings;
    private final Clock clock;
    private final Sessions sessions;
    private final AuditLog auditLog;
    private final UserRepository users;
    private final DSLContext dsl;

    SessionLifetime(OpenSmaProperties properties, Clock clock, Sessions sessions, AuditLog auditLog,
            UserRepository users, DSLContext dsl) {
        this.settings = properties.session();
        this.clock = clock;
        this.sessions = sessions;
        this.auditLog = auditLog;
        this.users = users;
        this.dsl = dsl;
    }

    /**
     * Ends the request's session if it expired, revoking its tokens and recording
     * SESSION_EXPIRED. Returns whether the request named a session that expired.
     */
    boolean endIfExpired(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SmaPrincipal principal) {
            return endIfPastAbsoluteTimeout(principal, request);
        }
        if (AuthSource.presented(request) && request.getRequestedSessionId() != null
                && !request.isRequestedSessionIdValid()) {
            return revokeTokensOfDroppedSession(request.getRequestedSessionId(), request.getRemoteAddr());
        }
        return false;
    }

    private boolean endIfPastAbsoluteTimeout(SmaPrincipal principal, HttpServletRequest request) {
        Instant deadline = principal.authenticatedAt().plus(settings.absoluteTimeout());
        if (clock.instant().isBefore(deadline)) {
            return false;
        }
        String detail = "absolute timeout of " + describe(settings.absoluteTimeout()) + " after login passed";
        log.info("Session expired: {} userId={} orgId={} ip={}", detail, principal.userId(), principal.orgId(),
                request.getRemoteAddr());
        auditLog.record(AuditEventType.SESSION_EXPIRED, principal, request.getRemoteAddr(), detail);
        sessions.end(request);
        return true;
    }

    /**
     * Revokes the tokens of a session that Spring Session no longer has. Tokens that still
     * name a missing session mean it expired while idle, because logout and
     * {@link Sessions#endAll} revoke the tokens first. Only the request whose DELETE removed
     * the rows records the event, so parallel requests record it once.
     *
     * NOTE: the event is recorded in the user's default organization, because neither the
     * token rows nor the dropped session tell which organization the session worked in.
     */
    private boolean revokeTokensOfDroppedSession(String sessionId, String address) {
        List<Long> userIds = dsl.selectDistinct(SESSION_TOKEN_USER_ID).from(SESSION_TOKEN)
                .where(SESSION_TOKEN_SESSION_ID.eq(sessionId))
                .fetch(SESSION_TOKEN_USER_ID);
        if (userIds.isEmpty()) {
            return false;
        }
        int revoked = dsl.deleteFrom(SESSION_TOKEN).where(SESSION_TOKEN_SESSION_ID.eq(sessionId)).execute();
        if (revoked == 0) {
            return true;
        }
        String detail = "idle timeout of " + describe(settings.idleTimeout()) + " passed";
        for (long userId : userIds) {
            users.findById(userId).ifPresent(user -> {
                log.info("Session expired: {} userId={} ip={}", detail, userId, address);
                auditLog.record(AuditEventType.SESSION_EXPIRED, user.defaultOrgId(), userId, user.userName(),
                        address, detail);
            });
        }
        return true;
    }

    /** Formats a duration as people write it: "1h", "90 min" or "45 s". */
    static String describe(Duration duration) {
        if (duration.toSeconds() % 3600 == 0) {
            return duration.toHours() + "h";
        }
        if (duration.toSeconds() % 60 == 0) {
            return duration.toMinutes() + " min";
        }
        return duration.toSeconds() + " s";
    }
}

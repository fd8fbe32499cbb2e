package org.opensma.account.twofactor.service;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import org.opensma.account.Organization;
import org.opensma.account.SmaPrincipal;
import org.opensma.account.UserAccount;
import org.opensma.account.persistence.OrganizationRepository;
import org.opensma.account.persistence.UserRepository;
import org.opensma.account.twofactor.persistence.TwoFactorRepository;
import org.opensma.account.twofactor.persistence.TwoFactorRepository.TotpState;
import org.opensma.audit.AuditEventType;
import org.opensma.audit.AuditLog;
import org.opensma.platform.security.Sessions;
import org.opensma.platform.web.ApiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enrols users in two-factor authentication, checks their codes, and applies an
 * organization's requirement and an administrator's reset. Logs and audit events name
 * the user and the outcome, never a secret or a code.
 */
@Service
public class TwoFactorService {

    /** Invalid codes in a row after which a user's codes are rejected for {@link #LOCK_DURATION}. */
    static final int MAX_FAILURES = 5;
    static final Duration LOCK_DURATION = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(TwoFactorService.class);

    private final TwoFactorRepository twoFactor;
    private final UserRepository users;
    private final OrganizationRepository organizations;
    private final Sessions sessions;
    private final AuditLog auditLog;
    private final Clock clock;
    private final Totp totp = new Totp();

    TwoFactorService(TwoFactorRepository twoFactor, UserRepository users, OrganizationRepository organizations,
            Sessions sessions, AuditLog auditLog, Clock clock) {
        this.twoFactor = twoFactor;
        this.users = users;
        this.organizations = organizations;
        this.sessions = sessions;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** A new secret awaiting confirmation, and the URI an authenticator app reads from a QR code. */
    public record Enrolment(String secret, String otpauthUri) {
    }

    /** Whether the user has two-factor, whether their organization requires it, and their unused recovery codes. */
    public record Status(boolean enabled, boolean required, int recoveryCodesLeft) {
    }

    /**
     * Starts an enrolment: stores a new secret as pending, replacing an earlier pending one.
     * Rejects users who already have two-factor, so a password alone cannot replace their
     * authenticator; an administrator's reset comes first.
     */
    public Enrolment enroll(SmaPrincipal user) {
        String secret = Totp.newSecret();
        if (!twoFactor.storePendingSecret(user.userId(), secret)) {
            throw ApiError.TWO_FACTOR_ALREADY_ENABLED.exception(user.userName());
        }
        return new Enrolment(secret, Totp.otpauthUri(user.userName(), secret));
    }

    /**
     * Confirms the pending enrolment with a code computed from its secret, enables two-factor,
     * and returns new recovery codes in clear text. Only their digests are stored, so this is
     * the only time they can be shown.
     */
    @Transactional
    public List<String> confirm(SmaPrincipal user, String code, String address) {
        TotpState state = state(user);
        if (state.enabled()) {
            throw ApiError.TWO_FACTOR_ALREADY_ENABLED.exception(user.userName());
        }
        if (state.secret() == null) {
            throw ApiError.TWO_FACTOR_NO_PENDING_ENROLMENT.exception();
        }
        OptionalLong step = totp.matchingStep(state.secret(), code, clock.instant());
        if (step.isEmpty() || !twoFactor.enable(user.userId(), state.secret(), step.getAsLong())) {
            log.warn("SEC-0020 two-factor enrolment code rejected user={} userId={} ip={}", user.userName(),
                    user.userId(), address);
            throw ApiError.TWO_FACTOR_INVALID_CODE.exception();
        }

        List<String> recoveryCodes = RecoveryCodes.generate();
        twoFactor.replaceRecoveryCodes(user.userId(), recoveryCodes.stream().map(RecoveryCodes::hash).toList());
        auditLog.record(AuditEventType.TWO_FACTOR_ENROLLED, user, address,
                recoveryCodes.size() + " recovery codes issued");
        return recoveryCodes;
    }

    /**
     * Checks the code that completes a pending login: an authenticator code of the current
     * step or one step either side that is later than the last accepted one, or an unused
     * recovery code. A wrong code and a code used before get the same exception.
     * After {@link #MAX_FAILURES} invalid codes in a row, every code of the user is rejected
     * for {@link #LOCK_DURATION}, which bounds guessing by someone who has the password.
     */
    public void verify(SmaPrincipal user, String code, String address) {
        TotpState state = state(user);
        if (!state.enabled()) {
            throw ApiError.TWO_FACTOR_NOT_ENROLLED.exception(user.userName());
        }
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (state.lockedUntil() != null && state.lockedUntil().isAfter(now)) {
            log.warn("SEC-0021 two-factor code rejected without a check, user locked user={} userId={} ip={}"
                    + " until={}", user.userName(), user.userId(), address, state.lockedUntil());
            throw ApiError.TWO_FACTOR_LOCKED.exception(state.lockedUntil().withNano(0));
        }

        String input = code == null ? "" : code.strip();
        if (RecoveryCodes.looksLikeRecoveryCode(input)) {
            verifyRecoveryCode(user, input, address, now);
        } else {
            OptionalLong step = totp.matchingStep(state.secret(), input, clock.instant());
            if (step.isEmpty() || !twoFactor.acceptStep(user.userId(), state.secret(), step.getAsLong())) {
                fail(user, address, now);
            }
        }
        auditLog.record(AuditEventType.TWO_FACTOR_VERIFIED, user, address, "");
    }

    private void verifyRecoveryCode(SmaPrincipal user, String input, String address, LocalDateTime now) {
        if (!twoFactor.useRecoveryCode(user.userId(), RecoveryCodes.hash(input), now)) {
            fail(user, address, now);
        }
        twoFactor.clearFailures(user.userId());
        int left = twoFactor.countUnusedRecoveryCodes(user.userId());
        log.warn("SEC-0022 recovery code used user={} userId={} ip={} recoveryCodesLeft={}", user.userName(),
                user.userId(), address, left);
        auditLog.record(AuditEventType.RECOVERY_CODE_USED, user, address, left + " recovery codes left");
    }

    private void fail(SmaPrincipal user, String address, LocalDateTime now) {
        int failures = twoFactor.recordFailure(user.userId());
        String detail = "invalid or already used code, " + failures + " in a row";
        if (failures >= MAX_FAILURES) {
            LocalDateTime until = now.plus(LOCK_DURATION);
            twoFactor.lock(user.userId(), until);
            detail += ", codes rejected until " + until.withNano(0) + " UTC";
        }
        log.warn("SEC-0020 two-factor code rejected user={} userId={} ip={} failuresInARow={}", user.userName(),
                user.userId(), address, failures);
        auditLog.record(AuditEventType.TWO_FACTOR_FAILED, user, address, detail);
        throw ApiError.TWO_FACTOR_INVALID_CODE.exception();
    }

    public Status status(SmaPrincipal user) {
        TotpState state = state(user);
        return new Status(state.enabled(), requiredFor(user), twoFactor.countUnusedRecoveryCodes(user.userId()));
    }

    /** Returns whether logins into the caller's organization need two-factor. */
    public boolean requiredFor(SmaPrincipal user) {
        return organizations.findById(user.orgId()).map(Organization::requireTwoFactor).orElse(false);
    }

    /**
     * Sets whether logins into the administrator's organization need two-factor. Sessions that
     * are already complete stay valid; the requirement applies from each user's next login.
     */
    public void setRequired(SmaPrincipal admin, boolean required, String address) {
        boolean before = requiredFor(admin);
        if (!twoFactor.setOrganizationRequirement(admin.orgId(), required)) {
            throw ApiError.NOT_FOUND.exception("Organization " + admin.orgId() + " no longer exists");
        }
        auditLog.record(AuditEventType.TWO_FACTOR_REQUIRED_CHANGED, admin, address,
                "organization " + admin.orgName() + ": required " + before + " -> " + required);
    }

    /**
     * Removes a user's authenticator and recovery codes and ends all their sessions, so
     * their next login needs no code unless the organization requires two-factor, in which
     * case it enrols anew. The user must belong to the administrator's organization.
     */
    @Transactional
    public void reset(SmaPrincipal admin, long userId, String address) {
        UserAccount target = users.findMembership(userId, admin.orgId())
                .flatMap(membership -> users.findById(userId))
                .orElseThrow(() -> ApiError.NOT_FOUND.exception(
                        "No user with id " + userId + " in organization " + admin.orgName()));
        users.resetTwoFactor(userId);
        twoFactor.clearFailures(userId);
        sessions.endAll(target.id(), target.userName());
        auditLog.record(AuditEventType.TWO_FACTOR_RESET, admin, address,
                "user " + target.userName() + " (id " + target.id() + "): authenticator and recovery codes removed,"
                        + " sessions ended");
    }

    private TotpState state(SmaPrincipal user) {
        return twoFactor.find(user.userId())
                .orElseThrow(() -> ApiError.NOT_AUTHENTICATED.exception());
    }
}

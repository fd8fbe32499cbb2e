package org.opensma.account.service;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.opensma.account.Organization;
import org.opensma.account.SmaPrincipal;
import org.opensma.account.UserAccount;
import org.opensma.account.persistence.LoginFailureRepository;
import org.opensma.account.persistence.OrganizationRepository;
import org.opensma.account.persistence.UserRepository;
import org.opensma.audit.AuditEventType;
import org.opensma.audit.AuditLog;
import org.opensma.platform.web.ApiError;
import org.opensma.platform.web.ApiException;
import org.opensma.platform.web.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Checks a user name, password and optional organization. Every failure returns the same
 * body, and an unknown user costs the same hash work as a wrong password, so the
 * response does not tell which part was wrong. {@link LoginThrottle} locks are checked
 * before the password; failed password checks are counted, delayed and audited.
 */
@Service
public class LoginService {

    private static final Logger log = LoggerFactory.getLogger(LoginService.class);
    private static final DateTimeFormatter LOCK_END = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final UserRepository users;
    private final OrganizationRepository organizations;
    private final PasswordEncoder passwordEncoder;
    private final PrincipalFactory principals;
    private final LoginThrottle throttle;
    private final AuditLog auditLog;
    private final Clock clock;
    private final String unknownUserHash;

    LoginService(UserRepository users, OrganizationRepository organizations, PasswordEncoder passwordEncoder,
            PrincipalFactory principals, LoginThrottle throttle, AuditLog auditLog, Clock clock) {
        this.users = users;
        this.organizations = organizations;
        this.passwordEncoder = passwordEncoder;
        this.principals = principals;
        this.throttle = throttle;
        this.auditLog = auditLog;
        this.clock = clock;
        this.unknownUserHash = passwordEncoder.encode(Secrets.random(16));
    }

    /**
     * Returns the principal for valid credentials. Throws BAD_CREDENTIALS (401) for a wrong
     * user name, password or organization, and ACCOUNT_LOCKED or ADDRESS_LOCKED (429, with
     * the time left) while a lock runs or when this failure started one.
     */
    public SmaPrincipal authenticate(String userName, String password, String organizationName, String address) {
        String client = clientAddress(address);
        Optional<UserAccount> user = users.findByUserName(userName);
        Optional<LoginThrottle.Lock> lock = throttle.runningLock(user, client);
        if (lock.isPresent()) {
            log.debug("Login rejected before the password check: {} locked until {} user={} ip={}",
                    lock.get().kind(), lock.get().until(), LogSafe.text(userName), client);
            throw locked(lock.get());
        }

        String hash = user.map(UserAccount::passwordHash).orElse(unknownUserHash);
        boolean passwordMatches = passwordEncoder.matches(password, hash);
        if (user.isEmpty() || !passwordMatches) {
            throw failPasswordCheck(user, userName, organizationName, client);
        }

        UserAccount account = user.get();
        Optional<Organization> organization = organizationName == null || organizationName.isBlank()
                ? organizations.findById(account.defaultOrgId())
                : organizations.findByName(organizationName.strip());
        Optional<SmaPrincipal> principal = organization.flatMap(org -> principals.create(account, org,
                clock.instant(), account.totpEnabled() || org.requireTwoFactor()));
        if (principal.isEmpty()) {
            // The password was right, so this failure does not count towards a lock.
            log.warn("SEC-0002 login failed: organization unknown or not the user's user={} org={} ip={}",
                    LogSafe.text(userName), LogSafe.text(organizationName), client);
            auditLog.record(AuditEventType.LOGIN_FAILED, organization.map(Organization::id).orElse(null),
                    account.id(), account.userName(), client, "organization unknown or not the user's: "
                            + LogSafe.text(organizationName));
            throw ApiError.BAD_CREDENTIALS.exception();
        }
        throttle.recordSuccess(account);
        return principal.get();
    }

    /** Counts, audits and delays a failed password check, and returns the exception to throw. */
    private ApiException failPasswordCheck(Optional<UserAccount> user, String userName, String organizationName,
            String client) {
        LoginThrottle.Failure failure = throttle.recordFailure(user, client);
        Long orgId = auditOrganization(user, organizationName);
        Long userId = user.map(UserAccount::id).orElse(null);
        String recordedName = user.map(UserAccount::userName).orElse(userName);
        String reason = user.isEmpty() ? "unknown user name"
                : "wrong password, consecutive failure " + failure.accountFailures();
        log.warn("SEC-0001 login failed: unknown user or wrong password user={} ip={} accountFailures={}"
                + " addressFailures={}", LogSafe.text(userName), client, failure.accountFailures(),
                failure.addressFailures());
        String delayNote = failure.delay().isZero() ? "" : "; answer delayed " + failure.delay().toMillis() + " ms";
        auditLog.record(AuditEventType.LOGIN_FAILED, orgId, userId, recordedName, client, reason + delayNote);

        for (LoginThrottle.Lock lock : failure.newLocks()) {
            String what = lock.kind() == LoginThrottle.LockKind.ACCOUNT
                    ? "account locked after " + failure.accountFailures() + " consecutive failed logins"
                    : "address locked after " + failure.addressFailures() + " failed logins";
            log.warn("SEC-0003 login locked: {} until {} user={} ip={}", what, LOCK_END.format(lock.until()),
                    LogSafe.text(userName), client);
            auditLog.record(AuditEventType.LOGIN_LOCKED, orgId, userId, recordedName, client,
                    what + " until " + LOCK_END.format(lock.until()));
        }
        if (!failure.newLocks().isEmpty()) {
            return locked(failure.newLocks().getFirst());
        }
        sleep(failure.delay());
        return ApiError.BAD_CREDENTIALS.exception();
    }

    /**
     * The organization an event of a failed login belongs to: the one named in the request
     * if it exists, else the user's default organization.
     *
     * NOTE: a failure with an unknown user name and no known organization name belongs to
     * no organization. The audit log API does not list such events, but the AUDIT log lines show them.
     */
    private Long auditOrganization(Optional<UserAccount> user, String organizationName) {
        if (organizationName != null && !organizationName.isBlank()) {
            Optional<Organization> named = organizations.findByName(organizationName.strip());
            if (named.isPresent()) {
                return named.get().id();
            }
        }
        return user.map(UserAccount::defaultOrgId).orElse(null);
    }

    private ApiException locked(LoginThrottle.Lock lock) {
        ApiError error = lock.kind() == LoginThrottle.LockKind.ACCOUNT ? ApiError.ACCOUNT_LOCKED
                : ApiError.ADDRESS_LOCKED;
        return new ApiException(error, error.message(LOCK_END.format(lock.until())),
                lock.remaining(clock.instant()));
    }

    /**
     * Waits before the failure response is sent. Request threads are virtual threads, so a sleeping
     * attempt holds no platform thread and no database connection.
     */
    private static void sleep(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Cuts the client address to the width of the address columns. */
    private static String clientAddress(String address) {
        String value = address == null ? "" : address;
        return value.length() > LoginFailureRepository.ADDRESS_WIDTH
                ? value.substring(0, LoginFailureRepository.ADDRESS_WIDTH)
                : value;
    }
}

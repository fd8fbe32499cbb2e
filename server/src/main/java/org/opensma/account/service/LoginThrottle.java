package org.opensma.account.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.opensma.account.UserAccount;
import org.opensma.account.persistence.LoginFailureRepository;
import org.opensma.account.persistence.LoginFailureRepository.Count;
import org.opensma.platform.config.OpenSmaProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies the login protection settings {@code opensma.security.login.*}: decides whether an
 * account or a client address is locked, counts failures and computes how long to delay a failure
 * response. It never sleeps itself and holds no transaction open after a call returns.
 */
@Service
public class LoginThrottle {

    /** How often at most the rows of ended address windows are deleted. */
    private static final Duration ADDRESS_CLEANUP_INTERVAL = Duration.ofMinutes(1);

    private final LoginFailureRepository failures;
    private final OpenSmaProperties.Login settings;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final AtomicReference<Instant> lastAddressCleanup = new AtomicReference<>(Instant.EPOCH);

    LoginThrottle(LoginFailureRepository failures, OpenSmaProperties properties, Clock clock,
            PlatformTransactionManager transactionManager) {
        this.failures = failures;
        this.settings = properties.security().login();
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** The kind of lock that rejects a login attempt. */
    public enum LockKind {
        ACCOUNT,
        ADDRESS
    }

    /** A running lock and the time it ends. */
    public record Lock(LockKind kind, Instant until) {

        /** Returns the time left until the lock ends, at least zero. */
        public Duration remaining(Instant now) {
            Duration left = Duration.between(now, until);
            return left.isNegative() ? Duration.ZERO : left;
        }
    }

    /**
     * The result of a counted failure.
     *
     * @param accountFailures the account's consecutive failures including this one, or 0 for an unknown user
     * @param addressFailures the address's failures in its current window including this one
     * @param newLocks the locks this failure started, the address lock first; usually none
     * @param delay how long to wait before sending the failure response; zero when a lock started
     */
    public record Failure(int accountFailures, int addressFailures, List<Lock> newLocks, Duration delay) {
    }

    /**
     * Returns the lock that rejects this attempt before its password is checked: the address
     * lock first, then the account lock. An account lock that has ended is cleared here, so
     * the account starts a fresh count.
     */
    public Optional<Lock> runningLock(Optional<UserAccount> user, String address) {
        LocalDateTime now = utcNow();
        Optional<LocalDateTime> addressLock = failures.addressLock(address, now);
        if (addressLock.isPresent()) {
            return Optional.of(new Lock(LockKind.ADDRESS, instant(addressLock.get())));
        }
        if (user.isEmpty() || user.get().lockedUntil() == null) {
            return Optional.empty();
        }
        LocalDateTime accountLock = user.get().lockedUntil();
        if (accountLock.isAfter(now)) {
            return Optional.of(new Lock(LockKind.ACCOUNT, instant(accountLock)));
        }
        failures.clearEndedAccountLock(user.get().id(), now);
        return Optional.empty();
    }

    /**
     * Counts a failed password check for the address and, when the user exists, for the
     * account. Returns the counts, the lock this failure started if any, and the delay.
     */
    public Failure recordFailure(Optional<UserAccount> user, String address) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LocalDateTime utcNow = utc(now);
        LocalDateTime accountLockEnd = utc(now.plus(settings.lockDuration()));
        LocalDateTime addressLockEnd = utc(now.plus(settings.addressLockDuration()));
        LocalDateTime windowStartCutoff = utc(now.minus(settings.addressWindow()));

        Count addressCount = transaction.execute(status -> failures.addAddressFailure(address,
                settings.addressMaxFailures(), utcNow, windowStartCutoff, addressLockEnd));
        Optional<Count> accountCount = user.flatMap(account -> transaction.execute(status ->
                failures.addAccountFailure(account.id(), settings.lockAfterFailures(), utcNow, accountLockEnd)));
        deleteEndedAddresses(now, utcNow, windowStartCutoff);

        // A lock end equal to the one this call computed means this call's UPDATE set it.
        List<Lock> newLocks = new ArrayList<>();
        if (addressLockEnd.equals(addressCount.lockedUntil())) {
            newLocks.add(new Lock(LockKind.ADDRESS, instant(addressLockEnd)));
        }
        if (accountCount.isPresent() && accountLockEnd.equals(accountCount.get().lockedUntil())) {
            newLocks.add(new Lock(LockKind.ACCOUNT, instant(accountLockEnd)));
        }
        int accountFailures = accountCount.map(Count::failures).orElse(0);
        Duration delay = newLocks.isEmpty() ? delayAfter(accountFailures) : Duration.ZERO;
        return new Failure(accountFailures, addressCount.failures(), List.copyOf(newLocks), delay);
    }

    /** Clears the account's counter after a successful login, if it has failures or a lock. */
    public void recordSuccess(UserAccount user) {
        if (user.failedLogins() != 0 || user.lockedUntil() != null) {
            failures.resetAccount(user.id());
        }
    }

    /**
     * Computes the delay for an account's n-th consecutive failure: none before {@code delayFromFailure},
     * then {@code initialDelay} doubling with each failure, bounded by {@code maxDelay}.
     */
    Duration delayAfter(int accountFailures) {
        if (accountFailures < settings.delayFromFailure()) {
            return Duration.ZERO;
        }
        int doublings = Math.min(accountFailures - settings.delayFromFailure(), 30);
        Duration delay = settings.initialDelay().multipliedBy(1L << doublings);
        return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
    }

    private void deleteEndedAddresses(Instant now, LocalDateTime utcNow, LocalDateTime windowStartCutoff) {
        Instant last = lastAddressCleanup.get();
        if (now.isBefore(last.plus(ADDRESS_CLEANUP_INTERVAL)) || !lastAddressCleanup.compareAndSet(last, now)) {
            return;
        }
        failures.deleteEndedAddresses(utcNow, windowStartCutoff);
    }

    private LocalDateTime utcNow() {
        return utc(clock.instant());
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(LocalDateTime utc) {
        return utc.toInstant(ZoneOffset.UTC);
    }
}

package org.opensma.account.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opensma.support.ApiClient;
import org.opensma.support.ApiResponse;

/**
 * Failed logins of one account, with the test settings: delays from the 3rd consecutive
 * failure (100 ms, doubling, at most 400 ms) and a 15-minute lock at the 10th.
 */
class LoginLockTest extends ProtectionTestBase {

    private static final int LOCK_AFTER = 10;
    private static final String LOCK_MESSAGE =
            "Too many failed logins for this account; try again after \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC";

    @Test
    void thirdFailure_isDelayed() {
        TestUser user = createUser("delay");
        ApiClient client = clientFromOwnAddress();

        long[] elapsedMillis = new long[4];
        for (int i = 0; i < 4; i++) {
            long start = System.nanoTime();
            ApiResponse response = attempt(client, user.name(), "wrong");
            elapsedMillis[i] = (System.nanoTime() - start) / 1_000_000;
            assertThat(response.status()).as(response.body()).isEqualTo(401);
        }

        List<AuditRow> failures = auditEvents(user.name(), "LOGIN_FAILED");
        assertThat(failures).hasSize(4);
        assertThat(failures.get(0).detail()).isEqualTo("wrong password, consecutive failure 1");
        assertThat(failures.get(1).detail()).isEqualTo("wrong password, consecutive failure 2");
        assertThat(failures.get(2).detail()).isEqualTo("wrong password, consecutive failure 3; answer delayed 100 ms");
        assertThat(failures.get(3).detail()).isEqualTo("wrong password, consecutive failure 4; answer delayed 200 ms");
        // Sleeping never ends early, so the delayed responses took at least their delay.
        assertThat(elapsedMillis[2]).isGreaterThanOrEqualTo(100);
        assertThat(elapsedMillis[3]).isGreaterThanOrEqualTo(200);
    }

    @Test
    void delay_isBoundedByMaxDelay() {
        TestUser user = createUser("maxdelay");
        ApiClient client = clientFromOwnAddress();

        for (int i = 0; i < 7; i++) {
            attempt(client, user.name(), "wrong");
        }

        List<AuditRow> failures = auditEvents(user.name(), "LOGIN_FAILED");
        assertThat(failures.get(4).detail()).endsWith("consecutive failure 5; answer delayed 400 ms");
        assertThat(failures.get(6).detail()).endsWith("consecutive failure 7; answer delayed 400 ms");
    }

    @Test
    void delayedFailure_keepsBodyOfUnknownUser() {
        TestUser user = createUser("samebody");
        ApiClient client = clientFromOwnAddress();
        for (int i = 0; i < 2; i++) {
            attempt(client, user.name(), "wrong");
        }

        ApiResponse delayedWrongPassword = attempt(client, user.name(), "wrong");
        ApiResponse unknownUser = attempt(client, "nobody-" + user.name(), "wrong");

        assertThat(delayedWrongPassword.status()).isEqualTo(401);
        assertThat(unknownUser.status()).isEqualTo(401);
        assertThat(delayedWrongPassword.bytes()).isEqualTo(unknownUser.bytes());
        assertThat(delayedWrongPassword.header("Retry-After")).isNull();
        assertThat(auditEvents(user.name(), "LOGIN_FAILED").get(2).detail()).contains("answer delayed");
    }

    @Test
    void tenthFailure_locksAccountWith429() {
        TestUser user = createUser("lock");
        ApiClient client = clientFromOwnAddress();

        for (int i = 1; i < LOCK_AFTER; i++) {
            ApiResponse response = attempt(client, user.name(), "wrong");
            assertThat(response.status()).as("failure %d: %s", i, response.body()).isEqualTo(401);
        }
        ApiResponse locking = attempt(client, user.name(), "wrong");

        assertLocked(locking);
        assertThat(failedLogins(user)).isEqualTo(LOCK_AFTER);
        LocalDateTime expectedEnd = LocalDateTime.now(ZoneOffset.UTC).plusMinutes(15);
        assertThat(lockedUntil(user)).isCloseTo(expectedEnd, within(1, ChronoUnit.MINUTES));
        List<AuditRow> locks = auditEvents(user.name(), "LOGIN_LOCKED");
        assertThat(locks).hasSize(1);
        assertThat(locks.getFirst().detail()).startsWith("account locked after 10 consecutive failed logins until ");
        assertThat(locks.getFirst().address()).startsWith("127.0.");
    }

    @Test
    void lockedAccount_rejectsCorrectPassword() {
        TestUser user = createUser("locked");
        lock(user, clientFromOwnAddress());

        ApiResponse correct = attempt(clientFromOwnAddress(), user.name(), user.password());

        assertLocked(correct);
        assertThat(correct.setCookieLines()).noneMatch(line -> line.startsWith("kboxid="));
        assertThat(correct.header("x-kace-authorization")).isNull();
        assertThat(failedLogins(user)).as("a rejected attempt is not counted").isEqualTo(LOCK_AFTER);
        assertThat(auditEvents(user.name(), "LOGIN")).isEmpty();
    }

    @Test
    void lockedAccount_allowsLoginAfterLockEnds() {
        TestUser user = createUser("expiry");
        ApiClient client = clientFromOwnAddress();
        lock(user, client);

        clock.advance(Duration.ofMinutes(14));
        assertLocked(attempt(client, user.name(), user.password()));
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        ApiResponse login = attempt(client, user.name(), user.password());

        assertThat(login.status()).as(login.body()).isEqualTo(200);
        assertThat(failedLogins(user)).isZero();
        assertThat(lockedUntil(user)).isNull();
    }

    @Test
    void endedLock_startsFreshCount() {
        TestUser user = createUser("fresh");
        ApiClient client = clientFromOwnAddress();
        lock(user, client);
        clock.advance(Duration.ofMinutes(16));

        ApiResponse failure = attempt(client, user.name(), "wrong");

        assertThat(failure.status()).as(failure.body()).isEqualTo(401);
        assertThat(failedLogins(user)).isEqualTo(1);
        assertThat(lockedUntil(user)).isNull();
    }

    @Test
    void successfulLogin_resetsFailureCount() {
        TestUser user = createUser("reset");
        ApiClient client = clientFromOwnAddress();
        for (int i = 0; i < 4; i++) {
            attempt(client, user.name(), "wrong");
        }
        assertThat(failedLogins(user)).isEqualTo(4);

        client.login(user.name(), user.password());
        assertThat(failedLogins(user)).isZero();
        attempt(client, user.name(), "wrong");

        List<AuditRow> failures = auditEvents(user.name(), "LOGIN_FAILED");
        assertThat(failures.getLast().detail()).isEqualTo("wrong password, consecutive failure 1");
    }

    @Test
    void wrongOrganization_isNotCountedAsPasswordFailure() {
        TestUser user = createUser("org");
        ApiResponse response = clientFromOwnAddress().post(LOGIN, "{\"userName\":\"" + user.name()
                + "\",\"password\":\"" + user.password() + "\",\"organizationName\":\"No Such Org\"}",
                "Content-Type", "application/json");

        assertThat(response.status()).isEqualTo(401);
        assertThat(failedLogins(user)).isZero();
        assertThat(auditEvents(user.name(), "LOGIN_FAILED")).singleElement()
                .satisfies(row -> assertThat(row.detail()).startsWith("organization unknown"));
    }

    @Test
    void failedLogin_isAuditedWithAddressAndOrganization() {
        TestUser user = createUser("audit");
        attempt(clientFromOwnAddress(), user.name(), "wrong-password-value");

        AuditRow failure = auditEvents(user.name(), "LOGIN_FAILED").getFirst();
        assertThat(failure.address()).matches("127\\.0\\.\\d+\\.\\d+").isNotEqualTo("127.0.0.1");
        assertThat(failure.orgId()).isEqualTo(organizations.findByName("Default").orElseThrow().id());
        assertThat(failure.detail()).doesNotContain("wrong-password-value");
    }

    private void lock(TestUser user, ApiClient client) {
        for (int i = 0; i < LOCK_AFTER; i++) {
            attempt(client, user.name(), "wrong");
        }
        assertThat(lockedUntil(user)).isNotNull();
    }

    private static void assertLocked(ApiResponse response) {
        assertThat(response.status()).as(response.body()).isEqualTo(429);
        assertThat(response.json().get("errorCode").asInt()).isEqualTo(1006);
        assertThat(response.json().get("errorDescription").asString()).matches(LOCK_MESSAGE);
        String retryAfter = response.header("Retry-After");
        assertThat(retryAfter).as("Retry-After header").isNotNull();
        assertThat(Long.parseLong(retryAfter)).isBetween(1L, 15 * 60L);
    }
}

package org.opensma.account.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.opensma.support.ApiClient;
import org.opensma.support.ApiResponse;

/** Failed logins from one client address, with the test limit of 50 failures in 15 minutes. */
class AddressLockTest extends ProtectionTestBase {

    private static final int MAX_FAILURES = 50;

    @Test
    void failurePastLimit_locksAddress() {
        ApiClient client = clientFromOwnAddress();
        String prefix = "nobody-" + System.nanoTime();

        for (int i = 1; i <= MAX_FAILURES; i++) {
            ApiResponse response = attempt(client, prefix + "-" + i, "wrong");
            assertThat(response.status()).as("failure %d: %s", i, response.body()).isEqualTo(401);
        }
        ApiResponse locking = attempt(client, prefix + "-last", "wrong");

        assertAddressLocked(locking);
        assertThat(auditEvents(prefix + "-last", "LOGIN_LOCKED")).singleElement()
                .satisfies(row -> assertThat(row.detail()).startsWith("address locked after 51 failed logins until "));
    }

    @Test
    void lockedAddress_rejectsCorrectPasswordOfAnyUser() {
        TestUser user = createUser("addr");
        ApiClient locked = clientFromOwnAddress();
        lockAddress(locked);

        ApiResponse fromLockedAddress = attempt(locked, user.name(), user.password());
        ApiResponse fromOtherAddress = attempt(clientFromOwnAddress(), user.name(), user.password());

        assertAddressLocked(fromLockedAddress);
        assertThat(fromOtherAddress.status()).as(fromOtherAddress.body()).isEqualTo(200);
        assertThat(failedLogins(user)).isZero();
    }

    @Test
    void lockedAddress_acceptsLoginsAfterLockEnds() {
        TestUser user = createUser("addrexp");
        ApiClient client = clientFromOwnAddress();
        lockAddress(client);

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        ApiResponse login = attempt(client, user.name(), user.password());

        assertThat(login.status()).as(login.body()).isEqualTo(200);
    }

    @Test
    void failuresOfEndedWindow_areNotCounted() {
        ApiClient client = clientFromOwnAddress();
        String prefix = "window-" + System.nanoTime();
        for (int i = 0; i < MAX_FAILURES; i++) {
            attempt(client, prefix + "-" + i, "wrong");
        }

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        ApiResponse afterWindow = attempt(client, prefix + "-next", "wrong");

        assertThat(afterWindow.status()).as(afterWindow.body()).isEqualTo(401);
    }

    private void lockAddress(ApiClient client) {
        String prefix = "spray-" + System.nanoTime();
        for (int i = 0; i <= MAX_FAILURES; i++) {
            attempt(client, prefix + "-" + i, "wrong");
        }
    }

    private static void assertAddressLocked(ApiResponse response) {
        assertThat(response.status()).as(response.body()).isEqualTo(429);
        assertThat(response.json().get("errorCode").asInt()).isEqualTo(1007);
        assertThat(response.json().get("errorDescription").asString()).matches(
                "Too many failed logins from this address; try again after \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC");
        assertThat(Long.parseLong(response.header("Retry-After"))).isBetween(1L, 15 * 60L);
    }
}

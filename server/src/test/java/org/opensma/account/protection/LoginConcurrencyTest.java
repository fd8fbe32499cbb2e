package org.opensma.account.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.opensma.support.ApiClient;
import org.opensma.support.ApiResponse;

/** Logins of one user sent in parallel. */
class LoginConcurrencyTest extends ProtectionTestBase {

    /** The test setting of lock-after-failures: the last of the parallel failures locks the account. */
    private static final int PARALLEL_FAILURES = 10;
    private static final int PARALLEL_LOGINS = 20;

    @Test
    void parallelFailures_eachCountedOnce() throws Exception {
        TestUser user = createUser("parfail");
        ApiClient client = clientFromOwnAddress();

        List<ApiResponse> responses = inParallel(PARALLEL_FAILURES, () -> attempt(client, user.name(), "wrong"));

        assertThat(failedLogins(user)).isEqualTo(PARALLEL_FAILURES);
        assertThat(responses).filteredOn(response -> response.status() == 401).hasSize(PARALLEL_FAILURES - 1);
        assertThat(responses).filteredOn(response -> response.status() == 429).hasSize(1);
        assertThat(auditEvents(user.name(), "LOGIN_FAILED")).hasSize(PARALLEL_FAILURES);
        assertThat(auditEvents(user.name(), "LOGIN_LOCKED")).hasSize(1);
    }

    @Test
    void parallelSuccessfulLogins_allSessionsStayValid() throws Exception {
        TestUser user = createUser("parok");
        attempt(client(), user.name(), "wrong");

        List<ApiResponse> logins = inParallel(PARALLEL_LOGINS, () -> attempt(client(), user.name(), user.password()));

        assertThat(logins).allSatisfy(login -> assertThat(login.status()).as(login.body()).isEqualTo(200));
        for (ApiResponse login : logins) {
            ApiResponse byToken = client().get(MACHINES, "x-kace-authorization", login.header("x-kace-authorization"));
            String sessionId = login.setCookies().get("kboxid").value();
            ApiResponse byCookie = client().get(MACHINES, "Cookie", "kboxid=" + sessionId);
            assertThat(byToken.status()).as(byToken.body()).isEqualTo(200);
            assertThat(byCookie.status()).as(byCookie.body()).isEqualTo(200);
        }
        assertThat(logins.stream().map(login -> login.setCookies().get("kboxid").value()).distinct())
                .hasSize(PARALLEL_LOGINS);
        assertThat(failedLogins(user)).isZero();
        assertThat(auditEvents(user.name(), "LOGIN")).hasSize(PARALLEL_LOGINS);
    }

    /** Sends {@code count} requests at once, released together, and waits at most a minute for them. */
    private static List<ApiResponse> inParallel(int count, Supplier<ApiResponse> request) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(count)) {
            List<Future<ApiResponse>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.get();
                }));
            }
            start.countDown();
            List<ApiResponse> responses = new ArrayList<>();
            for (Future<ApiResponse> future : futures) {
                responses.add(future.get(60, TimeUnit.SECONDS));
            }
            return responses;
        }
    }
}

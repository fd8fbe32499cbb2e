package org.opensma.account.twofactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensma.account.Role;
import org.opensma.support.ApiClient;
import org.opensma.support.ApiResponse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * A login of a user with two-factor: the pending state after the password, the code check
 * with its time window, single use and throttling, and the promoted session after it.
 */
class TwoFactorLoginTest extends TwoFactorTestBase {

    /** Paths a pending session may call besides the routes that need no login. */
    private static final Set<String> PENDING_ALLOWED = Set.of(VERIFY, SECURITY + "/verify_2fa", ENROLL, CONFIRM,
            SECURITY + "/login", LOGOUT, SECURITY + "/supportedAuthTypes", "/error");
    /** The agent surface, which ignores sessions and takes only agent tokens. */
    private static final String AGENT_PATH = "/ocsinventory";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    private TestUser user;
    private String secret;

    @BeforeEach
    void enrolUser() throws InterruptedException {
        awaitStepWithRemaining(Duration.ofSeconds(12));
        user = createUser("tf-login", Role.ADMIN, defaultOrganization());
        secret = enableTwoFactor(user);
    }

    @Test
    void passwordLogin_isPendingUntilVerified() {
        ApiClient client = login(user);
        assertPending(client.get(MACHINES));

        forgetAcceptedSteps(user);
        ApiResponse verify = verify(client, code(secret, 0));

        assertThat(verify.status()).as(verify.body()).isEqualTo(200);
        assertThat(verify.json().get("Result").asString()).isEqualTo("Success");
        ApiResponse list = client.get(MACHINES);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(auditEvents(user)).contains("TWO_FACTOR_ENROLLED", "TWO_FACTOR_VERIFIED");
    }

    @Test
    void pendingSession_getsPendingErrorOnEveryOtherRoute() {
        ApiClient client = login(user);
        List<String> checked = new ArrayList<>();

        for (Map.Entry<RequestMappingInfo, ?> mapping : handlerMapping.getHandlerMethods().entrySet()) {
            Set<RequestMethod> methods = mapping.getKey().getMethodsCondition().getMethods();
            for (String pattern : mapping.getKey().getPatternValues()) {
                String path = pattern.replaceAll("\\{[^}]*}", "1");
                if (PENDING_ALLOWED.contains(path) || path.startsWith(AGENT_PATH)) {
                    continue;
                }
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    ApiResponse response = client.send(method.name(), path, "{}".getBytes(),
                            "Content-Type", "application/json");
                    assertThat(response.status()).as("%s %s: %s", method, path, response.body()).isEqualTo(401);
                    assertThat(response.json().get("errorDescription").asString()).as("%s %s", method, path)
                            .isEqualTo(PENDING_MESSAGE);
                    checked.add(method + " " + path);
                }
            }
        }
        assertPending(client.get("/api/no_such_module/items"));
        assertPending(client.get(MACHINES + "/"));
        assertPending(client.put(POLICY, "{\"required\":false}", "Content-Type", "application/json"));
        assertThat(checked).contains("GET " + MACHINES, "GET " + STATUS, "PUT " + POLICY, "POST " + RESET);
    }

    @Test
    void pendingSession_byTokenHeader_getsPendingError() {
        ApiResponse login = client().login(user.name(), PASSWORD);
        String token = login.header("x-kace-authorization");

        assertPending(client().get(MACHINES, "x-kace-authorization", token));
        assertPending(client().get(STATUS, "x-kace-authorization", token));
    }

    @Test
    void verify_rotatesSessionIdAndKeepsLoginToken() {
        ApiClient client = client();
        String token = client.login(user.name(), PASSWORD).header("x-kace-authorization");
        String pendingSessionId = client.cookies().get("kboxid");
        forgetAcceptedSteps(user);

        ApiResponse verify = client.post(VERIFY, codeJson(code(secret, 0)), "x-kace-authorization", token);

        assertThat(verify.status()).as(verify.body()).isEqualTo(200);
        String promotedSessionId = verify.setCookies().get("kboxid").value();
        assertThat(promotedSessionId).isNotBlank().isNotEqualTo(pendingSessionId);
        ApiResponse byToken = client().get(MACHINES, "x-kace-authorization", token);
        assertThat(byToken.status()).as(byToken.body()).isEqualTo(200);
        ApiResponse byNewCookie = client().get(MACHINES, "Cookie", "kboxid=" + promotedSessionId);
        assertThat(byNewCookie.status()).as(byNewCookie.body()).isEqualTo(200);
        ApiResponse byOldCookie = client().get(MACHINES, "Cookie", "kboxid=" + pendingSessionId);
        assertThat(byOldCookie.status()).as(byOldCookie.body()).isEqualTo(401);
        assertThat(byOldCookie.json().get("errorDescription").asString()).isEqualTo("Expired token");
    }

    @Test
    void verifyWithCsrfHeader_promotesCookieSession() {
        ApiClient client = client();
        String csrf = client.login(user.name(), PASSWORD).header("x-dell-csrf-token");
        forgetAcceptedSteps(user);

        ApiResponse verify = client.post(VERIFY, codeJson(code(secret, 0)), "x-dell-csrf-token", csrf);

        assertThat(verify.status()).as(verify.body()).isEqualTo(200);
        assertThat(client.get(MACHINES).status()).isEqualTo(200);
    }

    @Test
    void verify2faAlias_acceptsCode() {
        ApiClient client = login(user);
        forgetAcceptedSteps(user);

        ApiResponse verify = client.post(SECURITY + "/verify_2fa", codeJson(code(secret, 0)),
                "Content-Type", "application/json");

        assertThat(verify.status()).as(verify.body()).isEqualTo(200);
        assertThat(client.get(MACHINES).status()).isEqualTo(200);
    }

    @Test
    void wrongCode_gets401InvalidCodeAndStaysPending() {
        ApiClient client = login(user);
        String wrong = code(secret, 0).equals("000000") ? "111111" : "000000";

        ApiResponse verify = verify(client, wrong);

        assertInvalidCode(verify);
        assertThat(verify.json().get("errorDescription").asString()).isNotEqualTo(PENDING_MESSAGE);
        assertPending(client.get(MACHINES));
        assertThat(auditEvents(user)).contains("TWO_FACTOR_FAILED");
    }

    @Test
    void replayedCode_isRejectedWithSameBodyAsWrongCode() {
        forgetAcceptedSteps(user);
        String current = code(secret, 0);
        ApiClient first = login(user);
        assertThat(verify(first, current).status()).isEqualTo(200);

        ApiClient second = login(user);
        ApiResponse replay = verify(second, current);
        ApiResponse wrong = verify(second, current.equals("000000") ? "111111" : "000000");

        assertInvalidCode(replay);
        assertThat(replay.body()).isEqualTo(wrong.body());
        assertPending(second.get(MACHINES));
    }

    @Test
    void sameCodeInParallel_isAcceptedOnce() throws Exception {
        forgetAcceptedSteps(user);
        String current = code(secret, 0);
        List<ApiClient> clients = List.of(login(user), login(user), login(user), login(user));
        CountDownLatch start = new CountDownLatch(1);

        List<CompletableFuture<ApiResponse>> results = new ArrayList<>();
        for (ApiClient client : clients) {
            results.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return verify(client, current);
            }));
        }
        start.countDown();

        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<ApiResponse> result : results) {
            statuses.add(result.get().status());
        }
        assertThat(statuses).containsExactlyInAnyOrder(200, 401, 401, 401);
    }

    @Test
    void codeOneStepAway_isAccepted() {
        for (int offset : new int[] {-1, 1}) {
            forgetAcceptedSteps(user);
            ApiClient client = login(user);

            ApiResponse verify = verify(client, code(secret, offset));

            assertThat(verify.status()).as("offset %d: %s", offset, verify.body()).isEqualTo(200);
        }
    }

    @Test
    void codeTwoStepsAway_isRejected() {
        forgetAcceptedSteps(user);
        Set<String> accepted = Set.of(code(secret, -1), code(secret, 0), code(secret, 1));
        ApiClient client = login(user);

        for (int offset : new int[] {-2, 2}) {
            String code = code(secret, offset);
            assumeTrue(!accepted.contains(code), "the code two steps away equals an accepted one by chance");

            assertInvalidCode(verify(client, code));
        }
        assertPending(client.get(MACHINES));
    }

    @Test
    void fiveWrongCodes_lockEvenTheRightCode() {
        ApiClient client = login(user);
        forgetAcceptedSteps(user);
        String right = code(secret, 0);
        String wrong = right.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            assertInvalidCode(verify(client, wrong));
        }

        ApiResponse locked = verify(client, right);

        assertThat(locked.status()).as(locked.body()).isEqualTo(401);
        assertThat(locked.json().get("errorDescription").asString())
                .startsWith("Too many invalid two-factor codes: try again after");
        assertPending(client.get(MACHINES));
    }

    @Test
    void verifyOnCompleteSession_succeedsWithoutCode() {
        ApiClient admin = admin();

        ApiResponse verify = verify(admin, "not-a-code");

        assertThat(verify.status()).as(verify.body()).isEqualTo(200);
        assertThat(verify.json().get("Result").asString()).isEqualTo("Success");
    }

    @Test
    void verifyWithoutCode_gets400() {
        ApiClient client = login(user);

        ApiResponse verify = client.post(VERIFY, "{}", "Content-Type", "application/json");

        assertThat(verify.status()).as(verify.body()).isEqualTo(400);
        assertThat(verify.json().get("errorDescription").asString()).contains("currentCode");
    }

    @Test
    void logout_worksWhilePending() {
        ApiClient client = login(user);
        String sessionId = client.cookies().get("kboxid");

        ApiResponse logout = client.get(LOGOUT);

        assertThat(logout.status()).as(logout.body()).isEqualTo(200);
        ApiResponse after = client().get(MACHINES, "Cookie", "kboxid=" + sessionId);
        assertThat(after.json().get("errorDescription").asString()).isEqualTo("Expired token");
    }
}

package org.opensma.account.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensma.account.Organization;
import org.opensma.account.Role;
import org.opensma.support.ApiClient;
import org.opensma.support.ApiResponse;

/**
 * What administrators do: require two-factor for their organization, and reset a user's
 * enrolment. Each test works in an organization of its own, so the requirement does not
 * reach the other test classes, which share the server.
 */
class TwoFactorAdminTest extends TwoFactorTestBase {

    private Organization organization;
    private TestUser admin;

    @BeforeEach
    void createOrganization() throws InterruptedException {
        awaitStepWithRemaining(Duration.ofSeconds(8));
        organization = organizations.createIfAbsent("TwoFactor-" + UUID.randomUUID().toString().substring(0, 8));
        admin = createUser("tf-admin", Role.ADMIN, organization);
    }

    @Test
    void requiredPolicy_forcesEnrolmentAtLogin() {
        ApiClient adminClient = login(admin);
        ApiResponse put = adminClient.put(POLICY, "{\"required\":true}", "Content-Type", "application/json");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().get("required").asBoolean()).isTrue();
        assertThat(adminClient.get(POLICY).json().get("required").asBoolean()).isTrue();
        TestUser user = createUser("tf-required", Role.STANDARD, organization);

        ApiClient client = login(user);
        assertPending(client.get(MACHINES));
        ApiResponse verify = verify(client, "123456");
        assertThat(verify.status()).as(verify.body()).isEqualTo(409);
        assertThat(verify.json().get("errorDescription").asString()).contains(ENROLL);
        String pendingSessionId = client.cookies().get("kboxid");
        String secret = enroll(client);
        ApiResponse confirm = client.post(CONFIRM, codeJson(code(secret, 0)), "Content-Type", "application/json");

        assertThat(confirm.status()).as(confirm.body()).isEqualTo(200);
        assertThat(confirm.json().get("recoveryCodes").size()).isEqualTo(10);
        assertThat(client.cookies().get("kboxid")).as("session id after enrolment").isNotEqualTo(pendingSessionId);
        ApiResponse list = client.get(MACHINES);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(auditEvents(admin)).contains("TWO_FACTOR_REQUIRED_CHANGED");
    }

    @Test
    void requiredPolicyOff_letsUnenrolledUsersIn() {
        ApiClient adminClient = login(admin);
        adminClient.put(POLICY, "{\"required\":true}", "Content-Type", "application/json");
        TestUser user = createUser("tf-policy-off", Role.STANDARD, organization);
        assertPending(login(user).get(MACHINES));

        ApiResponse put = adminClient.put(POLICY, "{\"required\":false}", "Content-Type", "application/json");

        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(login(user).get(MACHINES).status()).isEqualTo(200);
    }

    @Test
    void policyChangeByStandardUser_gets403() {
        TestUser user = createUser("tf-standard", Role.STANDARD, organization);

        ApiResponse put = login(user).put(POLICY, "{\"required\":true}", "Content-Type", "application/json");

        assertThat(put.status()).as(put.body()).isEqualTo(403);
        assertThat(login(admin).get(POLICY).json().get("required").asBoolean()).isFalse();
    }

    @Test
    void policyWithoutBoolean_gets400() {
        ApiResponse put = login(admin).put(POLICY, "{\"required\":\"yes\"}", "Content-Type", "application/json");

        assertThat(put.status()).as(put.body()).isEqualTo(400);
        assertThat(put.json().get("errorDescription").asString()).contains("required");
    }

    @Test
    void adminReset_endsSessionsAndLoginNeedsNoCode() {
        TestUser user = createUser("tf-reset", Role.STANDARD, organization);
        String secret = enableTwoFactor(user);
        ApiClient userClient = login(user);
        forgetAcceptedSteps(user);
        assertThat(verify(userClient, code(secret, 0)).status()).isEqualTo(200);
        assertThat(userClient.get(MACHINES).status()).isEqualTo(200);

        ApiResponse reset = login(admin).post(RESET, "{\"userId\":" + user.id() + "}",
                "Content-Type", "application/json");

        assertThat(reset.status()).as(reset.body()).isEqualTo(200);
        ApiResponse ended = userClient.get(MACHINES);
        assertThat(ended.status()).as(ended.body()).isEqualTo(401);
        assertThat(ended.json().get("errorDescription").asString()).isEqualTo("Expired token");
        ApiClient fresh = login(user);
        assertThat(fresh.get(MACHINES).status()).as("login without a code").isEqualTo(200);
        assertThat(fresh.get(STATUS).json().get("enabled").asBoolean()).isFalse();
        assertThat(fresh.get(STATUS).json().get("recoveryCodesLeft").asInt()).isZero();
        assertThat(auditEvents(admin)).contains("TWO_FACTOR_RESET");
    }

    @Test
    void resetOfUserInOtherOrganization_gets404() {
        TestUser outsider = createUser("tf-outsider", Role.STANDARD, defaultOrganization());
        enableTwoFactor(outsider);

        ApiResponse reset = login(admin).post(RESET, "{\"userId\":" + outsider.id() + "}",
                "Content-Type", "application/json");

        assertThat(reset.status()).as(reset.body()).isEqualTo(404);
        assertThat(reset.json().get("errorDescription").asString()).contains(String.valueOf(outsider.id()));
        assertPending(login(outsider).get(MACHINES));
    }

    @Test
    void resetByStandardUser_gets403() {
        TestUser user = createUser("tf-reset-standard", Role.STANDARD, organization);
        TestUser target = createUser("tf-reset-target", Role.STANDARD, organization);
        enableTwoFactor(target);

        ApiResponse reset = login(user).post(RESET, "{\"userId\":" + target.id() + "}",
                "Content-Type", "application/json");

        assertThat(reset.status()).as(reset.body()).isEqualTo(403);
        assertPending(login(target).get(MACHINES));
    }
}

package org.opensma.account.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensma.account.Role;
import org.opensma.support.ApiClient;
import org.opensma.support.ApiResponse;
import tools.jackson.databind.JsonNode;

/** Enrolment of the logged-in user: the secret and URI, confirmation, and the recovery codes. */
class TwoFactorEnrolmentTest extends TwoFactorTestBase {

    @BeforeEach
    void awaitStep() throws InterruptedException {
        awaitStepWithRemaining(Duration.ofSeconds(8));
    }

    @Test
    void enroll_returnsSecretAndEncodedOtpauthUri() {
        TestUser user = createUser("tf enrol@x", Role.STANDARD, defaultOrganization());
        ApiClient client = login(user);

        ApiResponse enroll = client.post(ENROLL, "{}", "Content-Type", "application/json");

        assertThat(enroll.status()).as(enroll.body()).isEqualTo(200);
        String secret = enroll.json().get("secret").asString();
        assertThat(secret).matches("[A-Z2-7]{32}");
        String label = "OpenSMA:" + user.name().replace(" ", "%20").replace("@", "%40");
        assertThat(enroll.json().get("otpauthUri").asString()).isEqualTo("otpauth://totp/" + label + "?secret="
                + secret + "&issuer=OpenSMA&algorithm=SHA1&digits=6&period=30");
        JsonNode status = client.get(STATUS).json();
        assertThat(status.get("enabled").asBoolean()).as("enabled before confirmation").isFalse();
    }

    @Test
    void confirm_enablesTwoFactorAndReturnsTenRecoveryCodes() {
        TestUser user = createUser("tf-confirm", Role.STANDARD, defaultOrganization());
        ApiClient client = login(user);
        String secret = enroll(client);

        ApiResponse confirm = client.post(CONFIRM, codeJson(code(secret, 0)), "Content-Type", "application/json");

        assertThat(confirm.status()).as(confirm.body()).isEqualTo(200);
        assertThat(confirm.json().get("Result").asString()).isEqualTo("Success");
        List<String> codes = recoveryCodes(confirm);
        assertThat(codes).hasSize(10);
        assertThat(new HashSet<>(codes)).hasSize(10);
        assertThat(codes).allMatch(code -> code.matches("[0-9a-z]{5}-[0-9a-z]{5}"));
        JsonNode status = client.get(STATUS).json();
        assertThat(status.get("enabled").asBoolean()).isTrue();
        assertThat(status.get("recoveryCodesLeft").asInt()).isEqualTo(10);
        assertThat(client.get(MACHINES).status()).as("the confirming session stays complete").isEqualTo(200);
        assertPending(login(user).get(MACHINES));
    }

    @Test
    void confirmWithWrongCode_gets401AndLeavesTwoFactorOff() {
        TestUser user = createUser("tf-confirm-wrong", Role.STANDARD, defaultOrganization());
        ApiClient client = login(user);
        String secret = enroll(client);
        String wrong = code(secret, 0).equals("000000") ? "111111" : "000000";

        ApiResponse confirm = client.post(CONFIRM, codeJson(wrong), "Content-Type", "application/json");

        assertInvalidCode(confirm);
        assertThat(client.get(STATUS).json().get("enabled").asBoolean()).isFalse();
        assertThat(login(user).get(MACHINES).status()).as("login still needs no code").isEqualTo(200);
    }

    @Test
    void confirmWithoutEnroll_gets409() {
        TestUser user = createUser("tf-no-enrol", Role.STANDARD, defaultOrganization());

        ApiResponse confirm = login(user).post(CONFIRM, codeJson("123456"), "Content-Type", "application/json");

        assertThat(confirm.status()).as(confirm.body()).isEqualTo(409);
        assertThat(confirm.json().get("errorCode").asInt()).isEqualTo(1402);
        assertThat(confirm.json().get("errorDescription").asString()).contains(ENROLL);
    }

    @Test
    void secondEnroll_replacesPendingSecret() {
        TestUser user = createUser("tf-re-enrol", Role.STANDARD, defaultOrganization());
        ApiClient client = login(user);
        String first = enroll(client);
        String second = enroll(client);
        assertThat(second).isNotEqualTo(first);

        assertInvalidCode(client.post(CONFIRM, codeJson(code(first, 0)), "Content-Type", "application/json"));
        ApiResponse confirm = client.post(CONFIRM, codeJson(code(second, 0)), "Content-Type", "application/json");

        assertThat(confirm.status()).as(confirm.body()).isEqualTo(200);
    }

    @Test
    void enrollWhenEnabled_gets409() {
        TestUser user = createUser("tf-enabled", Role.STANDARD, defaultOrganization());
        String secret = enableTwoFactor(user);
        ApiClient client = login(user);
        forgetAcceptedSteps(user);
        assertThat(verify(client, code(secret, 0)).status()).isEqualTo(200);

        ApiResponse enroll = client.post(ENROLL, "{}", "Content-Type", "application/json");

        assertThat(enroll.status()).as(enroll.body()).isEqualTo(409);
        assertThat(enroll.json().get("errorCode").asInt()).isEqualTo(1401);
        assertThat(enroll.json().get("errorDescription").asString()).contains("reset");
    }

    @Test
    void enrollWhilePendingWithTwoFactor_gets409() {
        TestUser user = createUser("tf-pending-enrol", Role.STANDARD, defaultOrganization());
        enableTwoFactor(user);
        ApiClient client = login(user);

        ApiResponse enroll = client.post(ENROLL, "{}", "Content-Type", "application/json");

        assertThat(enroll.status()).as(enroll.body()).isEqualTo(409);
        assertPending(client.get(MACHINES));
    }

    @Test
    void recoveryCode_worksOnce() {
        TestUser user = createUser("tf-recovery", Role.STANDARD, defaultOrganization());
        ApiClient enrolling = login(user);
        String secret = enroll(enrolling);
        List<String> codes = recoveryCodes(enrolling.post(CONFIRM, codeJson(code(secret, 0)),
                "Content-Type", "application/json"));

        ApiClient first = login(user);
        ApiResponse used = verify(first, codes.get(0).toUpperCase());
        assertThat(used.status()).as(used.body()).isEqualTo(200);
        assertThat(first.get(MACHINES).status()).isEqualTo(200);

        ApiClient second = login(user);
        assertInvalidCode(verify(second, codes.get(0)));
        assertPending(second.get(MACHINES));
        ApiResponse other = verify(second, codes.get(1).replace("-", ""));
        assertThat(other.status()).as(other.body()).isEqualTo(200);
        assertThat(second.get(STATUS).json().get("recoveryCodesLeft").asInt()).isEqualTo(8);
        assertThat(auditEvents(user)).containsSubsequence("RECOVERY_CODE_USED", "TWO_FACTOR_VERIFIED",
                "TWO_FACTOR_FAILED", "RECOVERY_CODE_USED");
    }

    private static List<String> recoveryCodes(ApiResponse confirm) {
        assertThat(confirm.status()).as(confirm.body()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        confirm.json().get("recoveryCodes").forEach(code -> codes.add(code.asString()));
        return codes;
    }
}

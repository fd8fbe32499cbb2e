package org.opensma.account.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.opensma.account.Organization;
import org.opensma.account.Role;
import org.opensma.account.persistence.OrganizationRepository;
import org.opensma.account.persistence.UserRepository;
import org.opensma.support.ApiClient;
import org.opensma.support.ApiResponse;
import org.opensma.support.ApiTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * Users, authenticator codes and two-factor calls for the two-factor tests. Users are
 * created through the repositories because the server has no user API yet. Codes are
 * computed here from the secret that enrolment returned, with the same TOTP library.
 */
abstract class TwoFactorTestBase extends ApiTestBase {

    static final String SECURITY = "/ams/shared/api/security";
    static final String VERIFY = SECURITY + "/verify_2factor";
    static final String ENROLL = SECURITY + "/2fa/enroll";
    static final String CONFIRM = SECURITY + "/2fa/confirm";
    static final String STATUS = SECURITY + "/2fa";
    static final String POLICY = SECURITY + "/2fa/policy";
    static final String RESET = SECURITY + "/2fa/reset";
    static final String LOGOUT = SECURITY + "/logout";
    static final String MACHINES = "/api/inventory/machines";
    static final String PASSWORD = "two-factor-test-password";
    static final String PENDING_MESSAGE = "User not fully authenticated.";

    private static final Duration PERIOD = Duration.ofSeconds(30);
    private static final TimeBasedOneTimePasswordGenerator GENERATOR = new TimeBasedOneTimePasswordGenerator(PERIOD, 6,
            TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);

    @Autowired
    UserRepository users;
    @Autowired
    OrganizationRepository organizations;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    DSLContext dsl;

    /** A user created for one test, with the password {@link #PASSWORD}. */
    record TestUser(long id, String name) {
    }

    /** Creates a user with a unique name and the role in the organization, which becomes their default. */
    TestUser createUser(String prefix, Role role, Organization organization) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        users.createIfAbsent(name, "Test user " + name, passwordEncoder.encode(PASSWORD), organization.id());
        long id = users.findByUserName(name).orElseThrow().id();
        users.addMembership(id, organization.id(), role);
        return new TestUser(id, name);
    }

    Organization defaultOrganization() {
        return organizations.findByName("Default").orElseThrow();
    }

    /** Logs the user in with a fresh client, into their default organization. */
    ApiClient login(TestUser user) {
        ApiClient client = client();
        client.login(user.name(), PASSWORD);
        return client;
    }

    /** Enrols and confirms two-factor for the user through the API, and returns the secret. */
    String enableTwoFactor(TestUser user) {
        ApiClient client = login(user);
        String secret = enroll(client);
        ApiResponse confirm = client.post(CONFIRM, codeJson(code(secret, 0)), "Content-Type", "application/json");
        assertThat(confirm.status()).as(confirm.body()).isEqualTo(200);
        client.get(LOGOUT);
        return secret;
    }

    /** Starts an enrolment in the client's session and returns the secret. */
    static String enroll(ApiClient client) {
        ApiResponse enroll = client.post(ENROLL, "{}", "Content-Type", "application/json");
        assertThat(enroll.status()).as(enroll.body()).isEqualTo(200);
        return enroll.json().get("secret").asString();
    }

    /** Sends a code to verify_2factor with the client's session cookie and a JSON content type. */
    static ApiResponse verify(ApiClient client, String code) {
        return client.post(VERIFY, codeJson(code), "Content-Type", "application/json");
    }

    static String codeJson(String code) {
        return "{\"currentCode\":\"" + code + "\"}";
    }

    /** The authenticator code for the step {@code stepOffset} steps from the current one. */
    static String code(String base32Secret, int stepOffset) {
        Instant at = Instant.now().plus(PERIOD.multipliedBy(stepOffset));
        try {
            return GENERATOR.generateOneTimePasswordString(
                    new SecretKeySpec(new Base32().decode(base32Secret), "HmacSHA1"), at, Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Waits, if needed, until at least {@code margin} remains of the current 30-second step,
     * so that codes computed relative to now name the same steps for the test and the server.
     */
    static void awaitStepWithRemaining(Duration margin) throws InterruptedException {
        long periodMillis = PERIOD.toMillis();
        long intoStep = Math.floorMod(System.currentTimeMillis(), periodMillis);
        if (periodMillis - intoStep < margin.toMillis()) {
            Thread.sleep(periodMillis - intoStep + 500);
        }
    }

    /** Forgets which steps the user's codes were accepted for, so that earlier steps are valid again. */
    void forgetAcceptedSteps(TestUser user) {
        dsl.update(DSL.table(DSL.name("app_user")))
                .set(DSL.field(DSL.name("totp_last_step"), Long.class), 0L)
                .where(DSL.field(DSL.name("id"), Long.class).eq(user.id()))
                .execute();
    }

    /** Event types recorded for the user, oldest first. */
    List<String> auditEvents(TestUser user) {
        return dsl.select(DSL.field(DSL.name("event_type"), String.class))
                .from(DSL.table(DSL.name("audit_event")))
                .where(DSL.field(DSL.name("user_id"), Long.class).eq(user.id()))
                .orderBy(DSL.field(DSL.name("id")))
                .fetch(0, String.class);
    }

    static void assertPending(ApiResponse response) {
        assertThat(response.status()).as(response.body()).isEqualTo(401);
        JsonNode error = response.json();
        assertThat(error.get("errorCode").asInt()).isEqualTo(-1);
        assertThat(error.get("errorDescription").asString()).isEqualTo(PENDING_MESSAGE);
    }

    static void assertInvalidCode(ApiResponse response) {
        assertThat(response.status()).as(response.body()).isEqualTo(401);
        JsonNode error = response.json();
        assertThat(error.get("errorCode").asInt()).isEqualTo(-1);
        assertThat(error.get("errorDescription").asString()).startsWith("Invalid two-factor code");
    }
}

package org.opensma.account.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.Duration;
import java.time.LocalDateTime;
import org.jooq.Field;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;
import org.opensma.platform.security.Sessions;
import org.opensma.support.ApiClient;
import org.opensma.support.ApiResponse;
import org.springframework.beans.factory.annotation.Autowired;

/** Session ends: the idle and absolute timeouts (1h and 12h by default) and a password change. */
class SessionLifetimeTest extends ProtectionTestBase {

    private static final Field<String> SESSION_ID = field(name("spring_session", "session_id"), SQLDataType.VARCHAR);
    private static final Field<Long> LAST_ACCESS = field(name("spring_session", "last_access_time"), SQLDataType.BIGINT);
    private static final Field<Long> EXPIRY = field(name("spring_session", "expiry_time"), SQLDataType.BIGINT);
    private static final Field<Integer> MAX_INACTIVE =
            field(name("spring_session", "max_inactive_interval"), SQLDataType.INTEGER);

    @Autowired
    Sessions sessions;

    @Test
    void session_idleTimeoutIsOneHour() {
        TestUser user = createUser("idleset");
        ApiClient client = client();
        client.login(user.name(), user.password());

        int maxInactive = dsl.select(MAX_INACTIVE).from(table(name("spring_session")))
                .where(SESSION_ID.eq(client.cookies().get("kboxid"))).fetchSingle().value1();

        assertThat(maxInactive).isEqualTo(3600);
    }

    @Test
    void idleSession_gets401ExpiredToken() {
        TestUser user = createUser("idle");
        ApiClient client = client();
        ApiResponse login = client.login(user.name(), user.password());
        String sessionId = client.cookies().get("kboxid");
        String token = login.header("x-kace-authorization");
        assertThat(client().get(MACHINES, "x-kace-authorization", token).status()).isEqualTo(200);

        long idleMillis = Duration.ofHours(1).plusMinutes(1).toMillis();
        dsl.update(table(name("spring_session")))
                .set(LAST_ACCESS, LAST_ACCESS.minus(idleMillis))
                .set(EXPIRY, EXPIRY.minus(idleMillis))
                .where(SESSION_ID.eq(sessionId))
                .execute();
        ApiResponse byToken = client().get(MACHINES, "x-kace-authorization", token);
        ApiResponse byCookie = client().get(MACHINES, "Cookie", "kboxid=" + sessionId);

        assertExpired(byToken);
        assertExpired(byCookie);
        assertThat(tokenCount(sessionId)).isZero();
        assertThat(auditEvents(user.name(), "SESSION_EXPIRED")).singleElement()
                .satisfies(row -> assertThat(row.detail()).isEqualTo("idle timeout of 1h passed"));
    }

    @Test
    void activeSession_staysValidUntilAbsoluteTimeout() {
        TestUser user = createUser("absolute");
        ApiClient client = client();
        client.login(user.name(), user.password());
        String sessionId = client.cookies().get("kboxid");

        clock.advance(Duration.ofHours(11).plusMinutes(59));
        ApiResponse before = client.get(MACHINES);
        clock.advance(Duration.ofMinutes(2));
        ApiResponse after = client.get(MACHINES);
        clock.reset();
        ApiResponse afterReset = client().get(MACHINES, "Cookie", "kboxid=" + sessionId);

        assertThat(before.status()).as(before.body()).isEqualTo(200);
        assertExpired(after);
        assertExpired(afterReset);
        assertThat(tokenCount(sessionId)).isZero();
        assertThat(dsl.fetchCount(table(name("spring_session")), SESSION_ID.eq(sessionId))).isZero();
        assertThat(auditEvents(user.name(), "SESSION_EXPIRED")).singleElement()
                .satisfies(row -> assertThat(row.detail()).isEqualTo("absolute timeout of 12h after login passed"));
    }

    @Test
    void expiredSession_stillAllowsLogout() {
        TestUser user = createUser("expout");
        ApiClient client = client();
        client.login(user.name(), user.password());

        clock.advance(Duration.ofHours(13));
        ApiResponse logout = client.get(LOGOUT);

        assertThat(logout.status()).as(logout.body()).isEqualTo(200);
        assertThat(auditEvents(user.name(), "SESSION_EXPIRED")).hasSize(1);
    }

    @Test
    void passwordChange_endsAllSessionsOfUser() {
        TestUser user = createUser("pwchange");
        TestUser other = createUser("bystander");
        ApiClient cookieClient = client();
        cookieClient.login(user.name(), user.password());
        String token = client().login(user.name(), user.password()).header("x-kace-authorization");
        ApiClient otherClient = client();
        otherClient.login(other.name(), other.password());

        users.updatePassword(user.id(), passwordEncoder.encode("new-password-1"), LocalDateTime.now());
        sessions.endAll(user.id(), user.name());

        assertExpired(cookieClient.get(MACHINES));
        assertExpired(client().get(MACHINES, "x-kace-authorization", token));
        assertThat(otherClient.get(MACHINES).status()).isEqualTo(200);
        assertThat(attempt(client(), user.name(), user.password()).status()).isEqualTo(401);
        assertThat(attempt(client(), user.name(), "new-password-1").status()).isEqualTo(200);
        assertThat(auditEvents(user.name(), "SESSION_EXPIRED")).as("ended, not expired").isEmpty();
    }

    private int tokenCount(String sessionId) {
        return dsl.fetchCount(table(name("session_token")),
                field(name("session_token", "session_id"), SQLDataType.VARCHAR).eq(sessionId));
    }

    private static void assertExpired(ApiResponse response) {
        assertThat(response.status()).as(response.body()).isEqualTo(401);
        assertThat(response.json().get("errorCode").asInt()).isEqualTo(-1);
        assertThat(response.json().get("errorDescription").asString()).isEqualTo("Expired token");
    }
}

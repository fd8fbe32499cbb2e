package org.opensma.account.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.Duration;
import org.jooq.Field;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;
import org.opensma.support.ApiClient;
import org.opensma.support.ApiResponse;

/**
 * The last access time of a session is written back only when the stored one is older than
 * the touch interval (30 s with the idle timeout of 1h), so a busy session does not write on
 * every request, and an idle one still has its time renewed.
 */
class SessionTouchTest extends ProtectionTestBase {

    private static final Field<String> SESSION_ID = field(name("spring_session", "session_id"), SQLDataType.VARCHAR);
    private static final Field<Long> LAST_ACCESS = field(name("spring_session", "last_access_time"), SQLDataType.BIGINT);
    private static final Field<Long> EXPIRY = field(name("spring_session", "expiry_time"), SQLDataType.BIGINT);

    @Test
    void requestSoonAfterTheLastWrite_leavesLastAccessTime() {
        Login login = login("touchsoon");
        long before = lastAccess(login.sessionId());

        ApiResponse response = client().get(MACHINES, "x-kace-authorization", login.token());

        assertThat(response.status()).isEqualTo(200);
        assertThat(lastAccess(login.sessionId())).isEqualTo(before);
    }

    @Test
    void requestAfterTheInterval_writesLastAccessTime() {
        Login login = login("touchlate");
        long aged = Duration.ofMinutes(5).toMillis();
        dsl.update(table(name("spring_session")))
                .set(LAST_ACCESS, LAST_ACCESS.minus(aged))
                .set(EXPIRY, EXPIRY.minus(aged))
                .where(SESSION_ID.eq(login.sessionId()))
                .execute();
        long stored = lastAccess(login.sessionId());

        ApiResponse response = client().get(MACHINES, "x-kace-authorization", login.token());

        assertThat(response.status()).isEqualTo(200);
        assertThat(lastAccess(login.sessionId())).isGreaterThan(stored + aged / 2);
    }

    private record Login(String sessionId, String token) {
    }

    private Login login(String prefix) {
        TestUser user = createUser(prefix);
        ApiClient client = client();
        ApiResponse response = client.login(user.name(), user.password());
        return new Login(client.cookies().get("kboxid"), response.header("x-kace-authorization"));
    }

    private long lastAccess(String sessionId) {
        return dsl.select(LAST_ACCESS).from(table(name("spring_session")))
                .where(SESSION_ID.eq(sessionId)).fetchSingle().value1();
    }
}

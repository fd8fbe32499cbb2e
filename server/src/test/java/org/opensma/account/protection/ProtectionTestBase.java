package org.opensma.account.protection;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.AfterEach;
import org.opensma.account.Role;
import org.opensma.account.persistence.OrganizationRepository;
import org.opensma.account.persistence.UserRepository;
import org.opensma.support.ApiClient;
import org.opensma.support.ApiResponse;
import org.opensma.support.ApiTestBase;
import org.opensma.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Helpers for tests of login protection and session lifetimes: users of their own, clients
 * that connect from an address of their own, and the stored counters.
 */
abstract class ProtectionTestBase extends ApiTestBase {

    static final String LOGIN = "/ams/shared/api/security/login";
    static final String LOGOUT = "/ams/shared/api/security/logout";
    static final String MACHINES = "/api/inventory/machines";

    /** Hands out 127.0.1.1, 127.0.1.2, …: one loopback address per client that needs its own counter. */
    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);

    @Autowired
    UserRepository users;

    @Autowired
    OrganizationRepository organizations;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    DSLContext dsl;

    @Autowired
    TestClock clock;

    /** A user created for one test. */
    record TestUser(long id, String name, String password) {
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Creates an administrator of Default whose name starts with {@code prefix}. */
    TestUser createUser(String prefix) {
        return createUser(prefix, Role.ADMIN, organizations.findByName("Default").orElseThrow().id());
    }

    TestUser createUser(String prefix, Role role, long orgId) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "pw-" + UUID.randomUUID();
        users.createIfAbsent(name, "Test " + name, passwordEncoder.encode(password), orgId);
        long id = users.findByUserName(name).orElseThrow().id();
        users.addMembership(id, orgId, role);
        return new TestUser(id, name, password);
    }

    /** Creates a client whose connections come from a loopback address no other client uses. */
    ApiClient clientFromOwnAddress() {
        int n = NEXT_ADDRESS.getAndIncrement();
        try {
            InetAddress address = InetAddress.getByName("127.0." + (1 + n / 250) + "." + (1 + n % 250));
            return new ApiClient(client().baseUrl(), address);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    static ApiResponse attempt(ApiClient client, String userName, String password) {
        return client.post(LOGIN, "{\"userName\":\"" + userName + "\",\"password\":\"" + password + "\"}",
                "Content-Type", "application/json");
    }

    int failedLogins(TestUser user) {
        return dsl.select(field(name("app_user", "failed_logins"), SQLDataType.INTEGER)).from(table(name("app_user")))
                .where(field(name("app_user", "id"), SQLDataType.BIGINT).eq(user.id()))
                .fetchSingle().value1();
    }

    LocalDateTime lockedUntil(TestUser user) {
        return dsl.select(field(name("app_user", "locked_until"), SQLDataType.LOCALDATETIME))
                .from(table(name("app_user")))
                .where(field(name("app_user", "id"), SQLDataType.BIGINT).eq(user.id()))
                .fetchSingle().value1();
    }

    /** Reads the stored audit events of a user name, oldest first. */
    List<AuditRow> auditEvents(String userName) {
        return dsl.select(field(name("audit_event", "event_type"), SQLDataType.VARCHAR),
                        field(name("audit_event", "detail"), SQLDataType.VARCHAR),
                        field(name("audit_event", "address"), SQLDataType.VARCHAR),
                        field(name("audit_event", "org_id"), SQLDataType.BIGINT))
                .from(table(name("audit_event")))
                .where(field(name("audit_event", "user_name"), SQLDataType.VARCHAR).eq(userName))
                .orderBy(field(name("audit_event", "id")))
                .fetch(row -> new AuditRow(row.value1(), row.value2(), row.value3(), row.value4()));
    }

    List<AuditRow> auditEvents(String userName, String eventType) {
        return auditEvents(userName).stream().filter(row -> row.eventType().equals(eventType)).toList();
    }

    /** One stored audit event. */
    record AuditRow(String eventType, String detail, String address, Long orgId) {
    }
}

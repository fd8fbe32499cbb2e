package org.opensma.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opensma.account.Role;
import org.opensma.account.persistence.OrganizationRepository;
import org.opensma.account.persistence.UserRepository;
import org.opensma.support.ApiClient;
import org.opensma.support.ApiResponse;
import org.opensma.support.ApiTestBase;
import org.opensma.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/** {@code /api/audit_log}: the security events of the caller's organization through the query language. */
class AuditLogApiTest extends ApiTestBase {

    private static final String AUDIT_LOG = "/api/audit_log";
    private static final String LOGIN = "/ams/shared/api/security/login";
    private static final String LOGOUT = "/ams/shared/api/security/logout";

    @Autowired
    UserRepository users;

    @Autowired
    OrganizationRepository organizations;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void auditLog_listsLoginEventsWithTypedFields() {
        String user = createUser("events", Role.ADMIN, defaultOrgId());
        ApiClient session = client();
        session.login(user, "secret-" + user);
        failLogin(user);
        session.get(LOGOUT);

        ApiResponse response = admin().get(AUDIT_LOG + "?filtering=" + ApiClient.encode("user_name eq " + user));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode events = response.json().get("AuditLog");
        assertThat(types(events)).containsExactly("LOGIN", "LOGIN_FAILED", "LOGOUT");
        JsonNode login = events.get(0);
        assertThat(login.get("id").isNumber()).as(login.toString()).isTrue();
        assertThat(login.get("user_id").isNumber()).as(login.toString()).isTrue();
        assertThat(login.get("user_id").asLong()).isEqualTo(users.findByUserName(user).orElseThrow().id());
        assertThat(login.get("occurred_at").asString()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        assertThat(login.get("user_name").asString()).isEqualTo(user);
        assertThat(login.get("address").asString()).isEqualTo("127.0.0.1");
        assertThat(login.has("detail")).isTrue();
        assertThat(login.has("org_id")).as("the organization is the scope, not a field").isFalse();
    }

    @Test
    void filtering_byEventType() {
        String user = createUser("filter", Role.ADMIN, defaultOrgId());
        client().login(user, "secret-" + user);
        failLogin(user);
        failLogin(user);

        ApiResponse response = admin().get(AUDIT_LOG + "?filtering="
                + ApiClient.encode("user_name eq " + user + ",event_type eq LOGIN_FAILED"));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(types(response.json().get("AuditLog"))).containsExactly("LOGIN_FAILED", "LOGIN_FAILED");
    }

    @Test
    void filtering_byOccurredAtInOrganizationZone() {
        String user = createUser("time", Role.ADMIN, defaultOrgId());
        failLogin(user);
        clock.advance(Duration.ofHours(2));
        client().login(user, "secret-" + user);
        ApiClient admin = admin();
        JsonNode all = admin.get(AUDIT_LOG + "?filtering=" + ApiClient.encode("user_name eq " + user))
                .json().get("AuditLog");
        String firstTime = all.get(0).get("occurred_at").asString();

        ApiResponse later = admin.get(AUDIT_LOG + "?filtering="
                + ApiClient.encode("user_name eq " + user + ",occurred_at gt " + firstTime));

        assertThat(later.status()).as(later.body()).isEqualTo(200);
        assertThat(types(later.json().get("AuditLog"))).containsExactly("LOGIN");
    }

    @Test
    void sortingAndPaging_selectSlice() {
        String user = createUser("paging", Role.ADMIN, defaultOrgId());
        for (int i = 0; i < 5; i++) {
            failLogin(user);
        }
        ApiClient admin = admin();
        String filter = "filtering=" + ApiClient.encode("user_name eq " + user);
        List<Long> ascending = ids(admin.get(AUDIT_LOG + "?" + filter).json().get("AuditLog"));

        ApiResponse page = admin.get(AUDIT_LOG + "?" + filter + "&sorting=" + ApiClient.encode("id desc")
                + "&paging=" + ApiClient.encode("limit 2 offset 1") + "&use_count=true");

        assertThat(ascending).hasSize(5).isSorted();
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(ids(page.json().get("AuditLog"))).containsExactly(ascending.get(3), ascending.get(2));
        assertThat(page.json().get("Count").asLong()).isEqualTo(5);
    }

    @Test
    void singleEvent_byId() {
        String user = createUser("single", Role.ADMIN, defaultOrgId());
        failLogin(user);
        ApiClient admin = admin();
        long id = admin.get(AUDIT_LOG + "?filtering=" + ApiClient.encode("user_name eq " + user))
                .json().get("AuditLog").get(0).get("id").asLong();

        ApiResponse one = admin.get(AUDIT_LOG + "/" + id);
        ApiResponse missing = admin.get(AUDIT_LOG + "/999999999");

        assertThat(one.status()).as(one.body()).isEqualTo(200);
        assertThat(ids(one.json().get("AuditLog"))).containsExactly(id);
        assertThat(missing.status()).as(missing.body()).isEqualTo(404);
    }

    @Test
    void otherOrganization_eventsAreHidden() {
        long otherOrgId = organizations.createIfAbsent("Audit Scope " + UUID.randomUUID().toString().substring(0, 8))
                .id();
        String outsider = createUser("outsider", Role.ADMIN, otherOrgId);
        ApiClient outsiderSession = client();
        outsiderSession.login(outsider, "secret-" + outsider);
        String filter = "?filtering=" + ApiClient.encode("user_name eq " + outsider);
        ApiClient admin = admin();

        ApiResponse fromDefault = admin.get(AUDIT_LOG + filter);
        ApiResponse fromOwnOrganization = outsiderSession.get(AUDIT_LOG + filter);
        long id = ids(fromOwnOrganization.json().get("AuditLog")).getFirst();
        ApiResponse byIdFromDefault = admin.get(AUDIT_LOG + "/" + id);

        assertThat(fromDefault.status()).as(fromDefault.body()).isEqualTo(200);
        assertThat(fromDefault.json().get("AuditLog")).isEmpty();
        assertThat(types(fromOwnOrganization.json().get("AuditLog"))).containsExactly("LOGIN");
        assertThat(byIdFromDefault.status()).as(byIdFromDefault.body()).isEqualTo(404);
    }

    @Test
    void standardUser_gets403() {
        String user = createUser("standard", Role.STANDARD, defaultOrgId());
        ApiClient session = client();
        session.login(user, "secret-" + user);

        ApiResponse response = session.get(AUDIT_LOG);

        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.body()).doesNotContain("LOGIN");
    }

    @Test
    void withoutLogin_gets401() {
        assertThat(client().get(AUDIT_LOG).status()).isEqualTo(401);
    }

    private long defaultOrgId() {
        return organizations.findByName("Default").orElseThrow().id();
    }

    /** Creates a user whose password is "secret-" followed by the name, and returns the name. */
    private String createUser(String prefix, Role role, long orgId) {
        String name = "audit-" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        users.createIfAbsent(name, "Audit " + prefix, passwordEncoder.encode("secret-" + name), orgId);
        users.addMembership(users.findByUserName(name).orElseThrow().id(), orgId, role);
        return name;
    }

    private void failLogin(String user) {
        ApiResponse response = client().post(LOGIN, "{\"userName\":\"" + user + "\",\"password\":\"wrong\"}",
                "Content-Type", "application/json");
        assertThat(response.status()).as(response.body()).isEqualTo(401);
    }

    private static List<String> types(JsonNode events) {
        List<String> types = new ArrayList<>();
        events.forEach(event -> types.add(event.get("event_type").asString()));
        return types;
    }

    private static List<Long> ids(JsonNode events) {
        List<Long> ids = new ArrayList<>();
        events.forEach(event -> ids.add(event.get("id").asLong()));
        return ids;
    }
}

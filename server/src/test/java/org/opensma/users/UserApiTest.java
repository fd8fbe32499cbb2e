package org.opensma.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensma.organization.TestOrganizations.PASSWORD;

import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.opensma.organization.TestOrganizations;
import org.opensma.support.ApiClient;
import org.opensma.support.ApiResponse;
import org.opensma.support.ApiTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** {@code /api/users}: the current user, permissions, and creating, changing and deleting users. */
class UserApiTest extends ApiTestBase {

    /** The administrator's client sends a version header, as KACE clients do, so changes pass the CSRF check. */
    @Override
    protected ApiClient admin() {
        return TestOrganizations.kaceClient(super.admin());
    }

    private static final String USERS = "/api/users/users";
    private static final String JSON = "application/json";

    @Autowired
    private DSLContext dsl;

    @Test
    void me_returnsKeysClientsRead() {
        ApiResponse me = admin().get("/api/users/me/");

        assertThat(me.status()).as(me.body()).isEqualTo(200);
        JsonNode json = me.json();
        for (String key : List.of("userId", "permissions", "canAddTickets", "canAddTicketsUserPortal",
                "licensedFeatures", "supportAvailable", "deviceScope", "loggedin", "loggedinId", "loggedinEmail",
                "loggedinFullName", "orgs", "currentOrgId", "serialNumber", "localTimezone", "RESTAPIVersion",
                "defaultQueueID", "apiEnabled")) {
            assertThat(json.has(key)).as(key).isTrue();
        }
        assertThat(json.get("permissions").get("helpdesk").asString()).isEqualTo("WRITE");
        assertThat(json.get("canAddTickets").asString()).isEqualTo("True");
        assertThat(json.get("loggedin").asString()).isEqualTo("admin");
        assertThat(json.get("orgs").get(json.get("currentOrgId").asString()).asString()).isEqualTo("Default");
        assertThat(json.get("RESTAPIVersion").asInt()).isEqualTo(1);
    }

    @Test
    void create_thenGetByIdAndLogin() {
        ApiClient admin = admin();
        String userName = TestOrganizations.unique("created");

        long id = TestOrganizations.createUser(admin, userName, "read_only_admin");

        ApiResponse get = admin.get(USERS + "/" + id);
        assertThat(get.status()).as(get.body()).isEqualTo(200);
        JsonNode user = get.json().get("Users").get(0);
        assertThat(user.get("id").asLong()).isEqualTo(id);
        assertThat(user.get("id").isIntegralNumber()).isTrue();
        assertThat(user.get("user_name").asString()).isEqualTo(userName);
        assertThat(user.get("email").asString()).isEqualTo(userName + "@example.test");
        assertThat(user.get("role").asString()).isEqualTo("READ_ONLY_ADMIN");
        ApiClient login = TestOrganizations.login(admin.baseUrl(), userName, PASSWORD, "Default");
        assertThat(login.get("/api/users/me").json().get("permissions").get("inventory").asString())
                .isEqualTo("READ");
        assertThat(auditCount("USER_CREATED", userName)).isEqualTo(1);
    }

    @Test
    void create_takenNameIs409() {
        ApiResponse created = admin().post(USERS, "{\"Users\":[{\"user_name\":\"ADMIN\",\"password\":\""
                + PASSWORD + "\"}]}", "Content-Type", JSON);

        assertThat(created.status()).as(created.body()).isEqualTo(409);
        assertThat(created.json().get("errorDescription").asString()).contains("already a member");
    }

    @Test
    void wildcardFilter_matchesEveryTextField() {
        ApiClient admin = admin();
        String value = TestOrganizations.unique("jdoe");
        admin.post(USERS, "{\"Users\":[{\"user_name\":\"" + value + "\",\"password\":\"" + PASSWORD + "\"},"
                + "{\"user_name\":\"" + value + "-x\",\"full_name\":\"" + value + "\",\"password\":\"" + PASSWORD
                + "\"},{\"user_name\":\"" + value + "-y\",\"full_name\":\"Someone\",\"password\":\"" + PASSWORD
                + "\"}]}", "Content-Type", JSON);

        ApiResponse list = admin.get(USERS + "?filtering=" + ApiClient.encode("* eq " + value));

        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.json().get("Count").asInt()).isEqualTo(2);
        assertThat(TestOrganizations.ids(list, "Users", "id")).hasSize(2);
    }

    @Test
    void standardUser_seesOnlyOwnRow() {
        ApiClient admin = admin();
        String userName = TestOrganizations.unique("standard");
        long id = TestOrganizations.createUser(admin, userName, "STANDARD");
        long adminId = admin.get("/api/users/me").json().get("userId").asLong();
        ApiClient user = TestOrganizations.login(admin.baseUrl(), userName, PASSWORD, "Default");

        ApiResponse list = user.get(USERS);

        assertThat(list.json().get("Count").asInt()).isEqualTo(1);
        assertThat(TestOrganizations.ids(list, "Users", "id")).containsExactly(id);
        assertThat(user.get(USERS + "/" + adminId).status()).isEqualTo(404);
        assertThat(user.get("/api/users/" + adminId + "/permissions").status()).isEqualTo(403);
        ApiResponse own = user.get("/api/users/" + id + "/permissions");
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.json().get("Permissions").get("settings").asString()).isEqualTo("HIDDEN");
        ApiResponse update = user.put(USERS + "/" + id, "{\"Users\":[{\"full_name\":\"x\"}]}", "Content-Type", JSON);
        assertThat(update.status()).as(update.body()).isEqualTo(403);
    }

    @Test
    void passwordPolicy_rejectsWeakPasswordsNamingTheRule() {
        ApiClient admin = admin();
        String userName = TestOrganizations.unique("weak");

        assertThat(createWith(admin, userName, "Short-1")).contains("minimum is 12");
        assertThat(createWith(admin, userName, "X1-" + userName + "-pw")).contains("user name");
        assertThat(createWith(admin, userName, "aaaaaaaaaaaaaaaa")).contains("single character");
        assertThat(createWith(admin, userName, "abcdefghijklmnop")).contains("mixes 1");
        assertThat(admin.get(USERS + "?filtering=" + ApiClient.encode("user_name eq " + userName))
                .json().get("Count").asInt()).isZero();
    }

    @Test
    void create_invalidFieldsAre400() {
        ApiClient admin = admin();

        ApiResponse unknown = admin.post(USERS, "{\"Users\":[{\"user_name\":\"u1\",\"passwrd\":\"x\"}]}",
                "Content-Type", JSON);
        ApiResponse wrongType = admin.post(USERS, "{\"Users\":[{\"user_name\":\"u1\",\"full_name\":5}]}",
                "Content-Type", JSON);
        ApiResponse unknownRole = admin.post(USERS, "{\"Users\":[{\"user_name\":\"u1\",\"password\":\"" + PASSWORD
                + "\",\"role\":\"Boss\"}]}", "Content-Type", JSON);

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errorDescription").asString()).contains("passwrd");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("errorDescription").asString()).contains("full_name must be a string");
        assertThat(unknownRole.status()).isEqualTo(400);
        assertThat(unknownRole.json().get("errorDescription").asString()).contains("Boss").contains("STANDARD");
    }

    @Test
    void create_isAllOrNothing() {
        ApiClient admin = admin();
        String first = TestOrganizations.unique("first");

        ApiResponse created = admin.post(USERS, "{\"Users\":[{\"user_name\":\"" + first + "\",\"password\":\""
                + PASSWORD + "\"},{\"user_name\":\"" + first + "-2\",\"password\":\"short\"}]}", "Content-Type", JSON);

        assertThat(created.status()).as(created.body()).isEqualTo(400);
        assertThat(admin.get(USERS + "?filtering=" + ApiClient.encode("user_name eq " + first))
                .json().get("Count").asInt()).isZero();
    }

    @Test
    void passwordChange_endsSessionsAndIsAudited() {
        ApiClient admin = admin();
        String userName = TestOrganizations.unique("pwchange");
        long id = TestOrganizations.createUser(admin, userName, "STANDARD");
        ApiClient user = TestOrganizations.login(admin.baseUrl(), userName, PASSWORD, "Default");
        assertThat(user.get("/api/users/me").status()).isEqualTo(200);

        ApiResponse changed = admin.put(USERS + "/" + id, "{\"Users\":[{\"password\":\"Another-Secret-77\"}]}",
                "Content-Type", JSON);

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(user.get("/api/users/me").status()).isEqualTo(401);
        TestOrganizations.login(admin.baseUrl(), userName, "Another-Secret-77", "Default");
        assertThat(auditCount("PASSWORD_CHANGED", "admin")).isPositive();
    }

    @Test
    void roleChange_endsSessionsAndTakesEffect() {
        ApiClient admin = admin();
        String userName = TestOrganizations.unique("promoted");
        long id = TestOrganizations.createUser(admin, userName, "STANDARD");
        ApiClient user = TestOrganizations.login(admin.baseUrl(), userName, PASSWORD, "Default");

        ApiResponse changed = admin.put(USERS + "/" + id, "{\"Users\":[{\"id\":" + id + ",\"role\":\"ADMIN\"}]}",
                "Content-Type", JSON);

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(user.get("/api/users/me").status()).isEqualTo(401);
        ApiClient again = TestOrganizations.login(admin.baseUrl(), userName, PASSWORD, "Default");
        assertThat(again.get("/ams/shared/api/security/refreshcontext").json().get("role").asString())
                .isEqualTo("ADMIN");
        assertThat(admin.get(USERS + "/" + id).json().get("Users").get(0).get("role").asString()).isEqualTo("ADMIN");
    }

    @Test
    void update_profileFieldsAndRejectsRename() {
        ApiClient admin = admin();
        String userName = TestOrganizations.unique("profile");
        long id = TestOrganizations.createUser(admin, userName, "STANDARD");

        ApiResponse changed = admin.put(USERS + "/" + id, "{\"Users\":[{\"full_name\":\"Jane Doe\","
                + "\"email\":\"jane@example.test\"}]}", "Content-Type", JSON);
        ApiResponse rename = admin.put(USERS + "/" + id, "{\"Users\":[{\"user_name\":\"other\"}]}",
                "Content-Type", JSON);
        ApiResponse badEmail = admin.put(USERS + "/" + id, "{\"Users\":[{\"email\":\"no-at-sign\"}]}",
                "Content-Type", JSON);

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        JsonNode user = admin.get(USERS + "/" + id).json().get("Users").get(0);
        assertThat(user.get("full_name").asString()).isEqualTo("Jane Doe");
        assertThat(user.get("email").asString()).isEqualTo("jane@example.test");
        assertThat(rename.status()).isEqualTo(400);
        assertThat(rename.json().get("errorDescription").asString()).contains("user_name cannot be changed");
        assertThat(badEmail.status()).isEqualTo(400);
    }

    @Test
    void delete_removesUserAndRefusesSelf() {
        ApiClient admin = admin();
        String userName = TestOrganizations.unique("deleted");
        long id = TestOrganizations.createUser(admin, userName, "STANDARD");
        long adminId = admin.get("/api/users/me").json().get("userId").asLong();

        ApiResponse deleted = admin.delete(USERS + "/" + id);
        ApiResponse self = admin.delete(USERS + "/" + adminId);
        ApiResponse missing = admin.delete(USERS + "/" + id);

        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        assertThat(admin.get(USERS + "/" + id).status()).isEqualTo(404);
        assertThat(self.status()).isEqualTo(400);
        assertThat(self.json().get("errorDescription").asString()).contains("cannot delete yourself");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(auditCount("USER_DELETED", "admin")).isPositive();
    }

    @Test
    void passwordOfUserInOtherOrganization_onlySystemAdminMayChange() {
        ApiClient admin = admin();
        String shared = TestOrganizations.unique("shared");
        long sharedId = TestOrganizations.createUser(admin, shared, "STANDARD");
        String orgAdmin = TestOrganizations.unique("orgadmin");
        TestOrganizations.createUser(admin, orgAdmin, "ADMIN");
        var other = TestOrganizations.create(admin, TestOrganizations.unique("Second"));
        TestOrganizations.switchTo(admin, other.id());
        ApiResponse added = admin.post(USERS, "{\"Users\":[{\"user_name\":\"" + shared + "\",\"role\":\"ADMIN\"}]}",
                "Content-Type", JSON);
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(added.json().get("IDs").get(0).asLong()).isEqualTo(sharedId);
        ApiClient defaultAdmin = TestOrganizations.login(admin.baseUrl(), orgAdmin, PASSWORD, "Default");

        ApiResponse changed = defaultAdmin.put(USERS + "/" + sharedId,
                "{\"Users\":[{\"password\":\"Takeover-Attempt-1\"}]}", "Content-Type", JSON);

        assertThat(changed.status()).as(changed.body()).isEqualTo(403);
        assertThat(changed.json().get("errorDescription").asString()).contains("other organizations");
        TestOrganizations.login(admin.baseUrl(), shared, PASSWORD, other.name());
    }

    private static String createWith(ApiClient admin, String userName, String password) {
        ApiResponse created = admin.post(USERS, "{\"Users\":[{\"user_name\":\"" + userName + "\",\"password\":\""
                + password + "\"}]}", "Content-Type", JSON);
        assertThat(created.status()).as(created.body()).isEqualTo(400);
        return created.json().get("errorDescription").asString();
    }

    private long auditCount(String type, String detailPart) {
        return dsl.fetchCount(DSL.table(DSL.name("audit_event")),
                DSL.field(DSL.name("event_type")).eq(type),
                DSL.field(DSL.name("detail"), String.class).contains(detailPart)
                        .or(DSL.field(DSL.name("user_name"), String.class).eq(detailPart)));
    }
}

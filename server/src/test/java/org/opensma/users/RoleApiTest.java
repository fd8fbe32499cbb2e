package org.opensma.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensma.organization.TestOrganizations.PASSWORD;

import org.junit.jupiter.api.Test;
import org.opensma.organization.TestOrganizations;
import org.opensma.support.ApiClient;
import org.opensma.support.ApiResponse;
import org.opensma.support.ApiTestBase;
import tools.jackson.databind.JsonNode;

/** {@code /api/users/roles}: custom roles and what they allow their members. */
class RoleApiTest extends ApiTestBase {

    /** The administrator's client sends a version header, as KACE clients do, so changes pass the CSRF check. */
    @Override
    protected ApiClient admin() {
        return TestOrganizations.kaceClient(super.admin());
    }

    private static final String ROLES = "/api/users/roles";
    private static final String JSON = "application/json";

    @Test
    void customRole_hidesInventoryFromMembers() {
        ApiClient admin = admin();
        String roleName = TestOrganizations.unique("NoInventory");
        long roleId = TestOrganizations.createRole(admin, "{\"name\":\"" + roleName
                + "\",\"inventory\":\"HIDDEN\",\"users\":\"READ\",\"helpdesk\":\"write\"}");
        String userName = TestOrganizations.unique("custom");
        TestOrganizations.createUser(admin, userName, roleName);
        ApiClient user = TestOrganizations.login(admin.baseUrl(), userName, PASSWORD, "Default");

        ApiResponse machines = user.get("/api/inventory/machines");
        JsonNode me = user.get("/api/users/me").json();

        assertThat(machines.status()).as(machines.body()).isEqualTo(403);
        assertThat(machines.json().get("errorCode").asInt()).isEqualTo(1003);
        assertThat(machines.json().get("errorDescription").asString()).contains("inventory").contains(roleName);
        assertThat(me.get("permissions").get("inventory").asString()).isEqualTo("HIDDEN");
        assertThat(me.get("permissions").get("helpdesk").asString()).isEqualTo("WRITE");
        JsonNode role = admin.get(ROLES + "/" + roleId).json().get("Roles").get(0);
        assertThat(role.get("name").asString()).isEqualTo(roleName);
        assertThat(role.get("inventory").asString()).isEqualTo("HIDDEN");
        assertThat(role.get("asset").asString()).isEqualTo("HIDDEN");
        assertThat(role.get("users").asString()).isEqualTo("READ");
    }

    @Test
    void roleChange_endsMemberSessionsAndTakesEffect() {
        ApiClient admin = admin();
        String roleName = TestOrganizations.unique("Changing");
        long roleId = TestOrganizations.createRole(admin, "{\"name\":\"" + roleName + "\"}");
        String userName = TestOrganizations.unique("member");
        TestOrganizations.createUser(admin, userName, roleName);
        ApiClient user = TestOrganizations.login(admin.baseUrl(), userName, PASSWORD, "Default");
        assertThat(user.get("/api/inventory/machines").status()).isEqualTo(403);

        ApiResponse updated = admin.put(ROLES + "/" + roleId, "{\"Roles\":[{\"inventory\":\"READ\"}]}",
                "Content-Type", JSON);

        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(user.get("/api/users/me").status()).isEqualTo(401);
        ApiClient again = TestOrganizations.login(admin.baseUrl(), userName, PASSWORD, "Default");
        assertThat(again.get("/api/inventory/machines").status()).isEqualTo(200);
    }

    @Test
    void delete_roleWithMembersIs409_withoutIs200() {
        ApiClient admin = admin();
        String held = TestOrganizations.unique("Held");
        long heldId = TestOrganizations.createRole(admin, "{\"name\":\"" + held + "\"}");
        TestOrganizations.createUser(admin, TestOrganizations.unique("holder"), held);
        long freeId = TestOrganizations.createRole(admin, "{\"name\":\"" + TestOrganizations.unique("Free") + "\"}");

        ApiResponse heldDelete = admin.delete(ROLES + "/" + heldId);
        ApiResponse freeDelete = admin.delete(ROLES + "/" + freeId);

        assertThat(heldDelete.status()).as(heldDelete.body()).isEqualTo(409);
        assertThat(heldDelete.json().get("errorDescription").asString()).contains("held by 1 users");
        assertThat(freeDelete.status()).as(freeDelete.body()).isEqualTo(200);
        assertThat(admin.get(ROLES + "/" + freeId).status()).isEqualTo(404);
    }

    @Test
    void create_invalidBodiesAre400NamingTheProblem() {
        ApiClient admin = admin();

        ApiResponse badLevel = admin.post(ROLES, "{\"Roles\":[{\"name\":\"R1\",\"inventory\":\"ALL\"}]}",
                "Content-Type", JSON);
        ApiResponse builtIn = admin.post(ROLES, "{\"Roles\":[{\"name\":\"Admin\"}]}", "Content-Type", JSON);
        ApiResponse unknown = admin.post(ROLES, "{\"Roles\":[{\"name\":\"R1\",\"inventroy\":\"READ\"}]}",
                "Content-Type", JSON);

        assertThat(badLevel.status()).isEqualTo(400);
        assertThat(badLevel.json().get("errorDescription").asString()).contains("Roles[0].inventory");
        assertThat(builtIn.status()).isEqualTo(400);
        assertThat(builtIn.json().get("errorDescription").asString()).contains("built-in role");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errorDescription").asString()).contains("inventroy");
    }

    @Test
    void list_hiddenFromStandardUsers() {
        ApiClient admin = admin();
        String userName = TestOrganizations.unique("plain");
        TestOrganizations.createUser(admin, userName, "STANDARD");
        ApiClient user = TestOrganizations.login(admin.baseUrl(), userName, PASSWORD, "Default");

        ApiResponse list = user.get(ROLES);

        assertThat(list.status()).isEqualTo(403);
        assertThat(admin.get(ROLES).json().has("Roles")).isTrue();
    }
}

package org.opensma.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensma.organization.TestOrganizations.PASSWORD;

import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.opensma.organization.TestOrganizations.Org;
import org.opensma.support.ApiClient;
import org.opensma.support.ApiResponse;
import org.opensma.support.ApiTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The organizations of {@code /ams/shared/api/organizations}: list, create, rename and delete. */
class OrganizationApiTest extends ApiTestBase {

    /** The administrator's client sends a version header, as KACE clients do, so changes pass the CSRF check. */
    @Override
    protected ApiClient admin() {
        return TestOrganizations.kaceClient(super.admin());
    }

    private static final String ORGANIZATIONS = "/ams/shared/api/organizations";

    @Autowired
    private DSLContext dsl;

    @Test
    void list_showsDefaultToSystemAdmin() {
        ApiResponse list = admin().get(ORGANIZATIONS);

        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(names(list)).contains("Default");
        assertThat(list.json().get("Organizations").get(0).get("id").isIntegralNumber()).isTrue();
    }

    @Test
    void create_returnsIdTokenAndMakesCreatorAdmin() {
        ApiClient admin = admin();
        String name = TestOrganizations.unique("Created");

        ApiResponse created = admin.post(ORGANIZATIONS, "{\"name\":\"" + name + "\"}", "Content-Type",
                "application/json");

        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.json().get("Result").asString()).isEqualTo("Success");
        long id = created.json().get("IDs").get(0).asLong();
        assertThat(created.json().get("agentToken").asString()).hasSizeGreaterThan(20);
        assertThat(names(admin.get(ORGANIZATIONS))).contains(name);
        ApiResponse switched = admin.post("/ams/shared/api/security/organization/" + id + "/switchto", null);
        assertThat(switched.status()).as(switched.body()).isEqualTo(200);
        assertThat(switched.json().get("role").asString()).isEqualTo("ADMIN");
        assertThat(auditCount("ORGANIZATION_CREATED", id)).isEqualTo(1);
    }

    @Test
    void create_duplicateNameIs409() {
        ApiClient admin = admin();
        Org org = TestOrganizations.create(admin, TestOrganizations.unique("Twice"));

        ApiResponse again = admin.post(ORGANIZATIONS, "{\"name\":\"" + org.name().toUpperCase() + "\"}",
                "Content-Type", "application/json");

        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.json().get("errorDescription").asString()).contains("exists already");
    }

    @Test
    void create_unknownKeyIs400NamingIt() {
        ApiResponse created = admin().post(ORGANIZATIONS, "{\"nmae\":\"x\"}", "Content-Type", "application/json");

        assertThat(created.status()).as(created.body()).isEqualTo(400);
        assertThat(created.json().get("errorDescription").asString()).contains("nmae");
    }

    @Test
    void create_byAdminWithoutSystemAdminIs403() {
        ApiClient admin = admin();
        String userName = TestOrganizations.unique("orgadmin");
        TestOrganizations.createUser(admin, userName, "ADMIN");
        ApiClient orgAdmin = TestOrganizations.login(admin.baseUrl(), userName, PASSWORD, "Default");

        ApiResponse created = orgAdmin.post(ORGANIZATIONS, "{\"name\":\"" + TestOrganizations.unique("No") + "\"}",
                "Content-Type", "application/json");

        assertThat(created.status()).as(created.body()).isEqualTo(403);
        assertThat(created.json().get("errorCode").asInt()).isEqualTo(1003);
        assertThat(created.json().get("errorDescription").asString()).contains("system administrators");
        assertThat(names(orgAdmin.get(ORGANIZATIONS))).containsExactly("Default");
    }

    @Test
    void rename_changesNameAndRejectsTakenName() {
        ApiClient admin = admin();
        Org org = TestOrganizations.create(admin, TestOrganizations.unique("Old"));
        String newName = TestOrganizations.unique("New");

        ApiResponse renamed = admin.put(ORGANIZATIONS + "/" + org.id(), "{\"name\":\"" + newName + "\"}",
                "Content-Type", "application/json");
        ApiResponse taken = admin.put(ORGANIZATIONS + "/" + org.id(), "{\"name\":\"Default\"}",
                "Content-Type", "application/json");

        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(names(admin.get(ORGANIZATIONS))).contains(newName).doesNotContain(org.name());
        assertThat(taken.status()).as(taken.body()).isEqualTo(409);
        assertThat(auditCount("ORGANIZATION_RENAMED", org.id())).isEqualTo(1);
    }

    @Test
    void delete_removesOrganizationAndItsOnlyMembers() {
        ApiClient admin = admin();
        Org org = TestOrganizations.create(admin, TestOrganizations.unique("Gone"));
        TestOrganizations.switchTo(admin, org.id());
        String member = TestOrganizations.unique("member");
        TestOrganizations.createUser(admin, member, "STANDARD");
        TestOrganizations.seedMachine(admin, org.agentToken());
        TestOrganizations.login(admin.baseUrl(), member, PASSWORD, org.name());
        ApiClient deleter = admin();

        ApiResponse deleted = deleter.delete(ORGANIZATIONS + "/" + org.id());

        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        assertThat(names(deleter.get(ORGANIZATIONS))).doesNotContain(org.name());
        ApiResponse login = client().post("/ams/shared/api/security/login",
                "{\"userName\":\"" + member + "\",\"password\":\"" + PASSWORD + "\"}", "Content-Type",
                "application/json");
        assertThat(login.status()).isEqualTo(401);
        assertThat(admin.get("/api/inventory/machines").status()).as("session in the deleted organization")
                .isEqualTo(401);
        assertThat(auditCount("ORGANIZATION_DELETED", org.id())).isEqualTo(1);
    }

    @Test
    void delete_currentOrganizationIs409() {
        ApiClient admin = admin();
        long defaultId = admin.get("/api/users/me").json().get("currentOrgId").asLong();

        ApiResponse deleted = admin.delete(ORGANIZATIONS + "/" + defaultId);

        assertThat(deleted.status()).as(deleted.body()).isEqualTo(409);
        assertThat(deleted.json().get("errorDescription").asString()).contains("switch to another organization");
    }

    @Test
    void delete_unknownOrganizationIs404() {
        ApiResponse deleted = admin().delete(ORGANIZATIONS + "/987654321");

        assertThat(deleted.status()).as(deleted.body()).isEqualTo(404);
        assertThat(deleted.json().get("errorDescription").asString()).contains("987654321");
    }

    private long auditCount(String type, long orgId) {
        return dsl.fetchCount(DSL.table(DSL.name("audit_event")),
                DSL.field(DSL.name("event_type")).eq(type), DSL.field(DSL.name("org_id")).eq(orgId));
    }

    static List<String> names(ApiResponse list) {
        List<String> names = new ArrayList<>();
        for (JsonNode item : list.json().get("Organizations")) {
            names.add(item.get("name").asString());
        }
        return names;
    }
}

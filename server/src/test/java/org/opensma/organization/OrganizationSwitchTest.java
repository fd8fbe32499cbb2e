package org.opensma.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensma.organization.TestOrganizations.PASSWORD;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opensma.organization.TestOrganizations.Org;
import org.opensma.support.ApiClient;
import org.opensma.support.ApiResponse;
import org.opensma.support.ApiTestBase;

/** Switching the organization of a session, refreshing its context, and the list of login methods. */
class OrganizationSwitchTest extends ApiTestBase {

    /** The administrator's client sends a version header, as KACE clients do, so changes pass the CSRF check. */
    @Override
    protected ApiClient admin() {
        return TestOrganizations.kaceClient(super.admin());
    }

    private static final String MACHINES = "/api/inventory/machines?paging=limit%20ALL";

    @Test
    void switch_changesCookieAndMachinesSeen() {
        ApiClient admin = admin();
        Org other = TestOrganizations.create(admin, TestOrganizations.unique("Branch"));
        TestOrganizations.seedMachine(admin, AGENT_TOKEN);
        TestOrganizations.seedMachine(admin, other.agentToken());
        List<Long> defaultMachines = TestOrganizations.ids(admin.get(MACHINES), "Machines", "Id");

        ApiResponse switched = admin.post("/ams/shared/api/security/organization/switch?organizationId=" + other.id(),
                null);

        assertThat(switched.status()).as(switched.body()).isEqualTo(200);
        assertThat(switched.setCookies().get("KACE_LAST_ORG_SECURE").value()).isEqualTo(other.name());
        assertThat(switched.json().get("organizationId").asLong()).isEqualTo(other.id());
        ApiResponse otherList = admin.get(MACHINES);
        assertThat(otherList.json().get("Count").asInt()).isEqualTo(1);
        List<Long> otherMachines = TestOrganizations.ids(otherList, "Machines", "Id");
        assertThat(otherMachines).doesNotContainAnyElementsOf(defaultMachines);
        assertThat(admin.get("/api/users/me").json().get("currentOrgId").asLong()).isEqualTo(other.id());
        long defaultMachine = defaultMachines.getFirst();
        assertThat(admin.get("/api/inventory/machines/" + defaultMachine).status()).isEqualTo(404);

        long defaultId = admin.get("/api/users/me").json().get("orgs").properties().stream()
                .filter(entry -> entry.getValue().asString().equals("Default"))
                .mapToLong(entry -> Long.parseLong(entry.getKey())).findFirst().orElseThrow();
        ApiResponse back = admin.post("/ams/shared/api/security/organization/" + defaultId + "/switchto", null);
        assertThat(back.setCookies().get("KACE_LAST_ORG_SECURE").value()).isEqualTo("Default");
        assertThat(TestOrganizations.ids(admin.get(MACHINES), "Machines", "Id")).isEqualTo(defaultMachines);
    }

    @Test
    void switch_toOrganizationOfOthersIs404() {
        ApiClient admin = admin();
        Org other = TestOrganizations.create(admin, TestOrganizations.unique("Closed"));
        String userName = TestOrganizations.unique("stay");
        TestOrganizations.createUser(admin, userName, "ADMIN");
        ApiClient user = TestOrganizations.login(admin.baseUrl(), userName, PASSWORD, "Default");

        ApiResponse switched = user.post("/ams/shared/api/security/organization/" + other.id() + "/switchto", null);

        assertThat(switched.status()).as(switched.body()).isEqualTo(404);
        assertThat(switched.json().get("errorDescription").asString()).contains("not found among the organizations");
        assertThat(switched.setCookies()).doesNotContainKey("KACE_LAST_ORG_SECURE");
        assertThat(user.get("/api/users/me").json().get("currentOrgId").asLong())
                .isNotEqualTo(other.id());
    }

    @Test
    void switch_unknownOrganizationIs404() {
        ApiResponse switched = admin().post("/ams/shared/api/security/organization/876543210/switchto", null);

        assertThat(switched.status()).as(switched.body()).isEqualTo(404);
    }

    @Test
    void switch_withoutParameterIs400() {
        ApiResponse switched = admin().post("/ams/shared/api/security/organization/switch", null);

        assertThat(switched.status()).as(switched.body()).isEqualTo(400);
        assertThat(switched.json().get("errorDescription").asString()).contains("organizationId");
    }

    @Test
    void refreshContext_returnsUserOrganizationAndPermissions() {
        ApiClient admin = admin();
        Org other = TestOrganizations.create(admin, TestOrganizations.unique("Refresh"));
        TestOrganizations.switchTo(admin, other.id());

        ApiResponse context = admin.get("/ams/shared/api/security/refreshcontext");

        assertThat(context.status()).as(context.body()).isEqualTo(200);
        assertThat(context.json().get("userName").asString()).isEqualTo("admin");
        assertThat(context.json().get("organizationName").asString()).isEqualTo(other.name());
        assertThat(context.json().get("role").asString()).isEqualTo("ADMIN");
        assertThat(context.json().get("permissions").get("inventory").asString()).isEqualTo("WRITE");
    }

    @Test
    void supportedAuthTypes_listsLocal() {
        ApiResponse types = client().get("/ams/shared/api/security/supportedAuthTypes");

        assertThat(types.status()).isEqualTo(200);
        assertThat(types.json().get("AuthTypes").get(0).asString()).isEqualTo("local");
    }
}

package org.opensma.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensma.organization.TestOrganizations.PASSWORD;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opensma.account.AccessLevel;
import org.opensma.account.Module;
import org.opensma.account.Permissions;
import org.opensma.account.Role;
import org.opensma.organization.TestOrganizations;
import org.opensma.organization.TestOrganizations.Org;
import org.opensma.platform.security.Access;
import org.opensma.platform.security.PublicRoute;
import org.opensma.platform.security.SelfService;
import org.opensma.security.Routes.Route;
import org.opensma.support.ApiClient;
import org.opensma.support.ApiResponse;
import org.opensma.support.ApiTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Calls every API route that Spring MVC serves as each built-in role and a custom role
 * without inventory, in two organizations, and checks the result against the route's
 * declared rule: a role without the module level gets the KACE 403, a permitted role
 * never does, and nobody reaches the other organization's rows. Path variables carry ids
 * of the other organization, so a route that forgets the organization scope answers 2xx
 * and fails here. A new route joins the matrix without any change to this test.
 */
class AccessMatrixTest extends ApiTestBase {

    /** The administrator's client sends a version header, as KACE clients do, so changes pass the CSRF check. */
    @Override
    protected ApiClient admin() {
        return TestOrganizations.kaceClient(super.admin());
    }

    /** Routes that need a system administrator on top of their module level; matrix users are not. */
    private static final List<String> SYSTEM_ADMIN_ROUTES = List.of(
            "POST /ams/shared/api/organizations",
            "PUT /ams/shared/api/organizations/{id}",
            "DELETE /ams/shared/api/organizations/{id}");

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final String CUSTOM = "custom";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mapping;

    /** One organization of the matrix: its users by role key, and the ids of its rows. */
    private record Tenant(Org org, Map<String, String> users, Map<String, Long> userIds, long roleId,
            List<Long> machineIds, Assets assets, ServiceDeskIds desk) {
    }

    /** Rows of the asset module: the machine's Device asset, a barcode of it and a custom type. */
    private record Assets(long assetId, long barcodeId, long typeId) {
    }

    /** A queue, a ticket, one of its changes and that change's attachment. */
    private record ServiceDeskIds(long queueId, long ticketId, long changeId, long attachmentId) {
    }

    @TestFactory
    Stream<DynamicTest> everyRoute_asEveryRole_inBothOrganizations() {
        ApiClient admin = admin();
        Tenant first = tenant(admin, "MatrixA");
        Tenant second = tenant(admin, "MatrixB");
        Permissions custom = customPermissions();
        Map<String, Permissions> roles = new LinkedHashMap<>();
        roles.put(Role.ADMIN.name(), Permissions.of(Role.ADMIN));
        roles.put(Role.READ_ONLY_ADMIN.name(), Permissions.of(Role.READ_ONLY_ADMIN));
        roles.put(Role.STANDARD.name(), Permissions.of(Role.STANDARD));
        roles.put(CUSTOM, custom);

        List<DynamicTest> tests = new ArrayList<>();
        for (Route route : Routes.of(mapping).all()) {
            for (Tenant[] pair : new Tenant[][] {{first, second}, {second, first}}) {
                for (Map.Entry<String, Permissions> role : roles.entrySet()) {
                    String name = route + " as " + role.getKey() + " of " + pair[0].org().name();
                    tests.add(DynamicTest.dynamicTest(name,
                            () -> check(route, role.getKey(), role.getValue(), pair[0], pair[1])));
                }
            }
        }
        return tests.stream();
    }

    private void check(Route route, String roleKey, Permissions permissions, Tenant own, Tenant other) {
        ApiClient user = TestOrganizations.login(client().baseUrl(), own.users().get(roleKey), PASSWORD,
                own.org().name());
        String path = fill(route.pattern(), other);
        byte[] body = route.method().equals("POST") || route.method().equals("PUT") ? "{}".getBytes() : null;

        ApiResponse response = user.send(route.method(), path, body, "Content-Type", "application/json");

        String context = route.method() + " " + path + " -> " + response.status() + " " + response.body();
        assertThat(response.status()).as("no server error: " + context).isLessThan(500);
        if (expectForbidden(route, permissions)) {
            assertThat(response.status()).as("forbidden: " + context).isEqualTo(403);
            assertThat(response.json().get("errorCode").asInt()).as(context).isEqualTo(1003);
            assertThat(response.json().get("errorDescription").asString()).as(context).isNotBlank();
            return;
        }
        assertThat(response.status()).as("permitted: " + context).isNotEqualTo(403);
        if (!route.has(PublicRoute.class)) {
            assertThat(response.status()).as("logged in: " + context).isNotEqualTo(401);
        }
        if (VARIABLE.matcher(route.pattern()).find()) {
            assertThat(response.status()).as("another organization's id: " + context).isBetween(400, 499);
            if (route.method().equals("GET") || route.method().equals("DELETE")) {
                assertThat(response.status()).as("another organization's id: " + context).isEqualTo(404);
            }
        } else if (route.method().equals("GET") && response.status() == 200) {
            checkListShowsNoOtherRows(route, response, roleKey, own, other, context);
        }
    }

    private static boolean expectForbidden(Route route, Permissions permissions) {
        if (SYSTEM_ADMIN_ROUTES.contains(route.method() + " " + route.pattern())) {
            return true;
        }
        if (route.has(PublicRoute.class) || route.has(SelfService.class)) {
            return false;
        }
        Access access = route.access();
        if (access == null) {
            return true;
        }
        AccessLevel required = switch (access.level()) {
            case READ -> AccessLevel.READ;
            case WRITE -> AccessLevel.WRITE;
            case BY_METHOD -> route.method().equals("GET") ? AccessLevel.READ : AccessLevel.WRITE;
        };
        return !permissions.level(access.value()).allows(required);
    }

    /** Every id in a list answer belongs to the caller's organization; known lists have exact counts. */
    private static void checkListShowsNoOtherRows(Route route, ApiResponse response, String roleKey, Tenant own,
            Tenant other, String context) {
        JsonNode json = response.json();
        if (json == null || !json.isObject()) {
            return;
        }
        Map<String, List<Long>> otherIds = Map.of(
                "Machines", other.machineIds(),
                "Users", List.copyOf(other.userIds().values()),
                "Roles", List.of(other.roleId()),
                "Organizations", List.of(other.org().id()),
                "Assets", List.of(other.assets().assetId()),
                "Barcodes", List.of(other.assets().barcodeId()),
                "AssetTypes", List.of(other.assets().typeId()),
                "Tickets", List.of(other.desk().ticketId()),
                "Queues", List.of(other.desk().queueId()));
        for (Map.Entry<String, List<Long>> collection : otherIds.entrySet()) {
            JsonNode items = json.get(collection.getKey());
            if (items == null || !items.isArray()) {
                continue;
            }
            for (JsonNode item : items) {
                JsonNode id = item.has("id") ? item.get("id") : item.get("Id");
                assertThat(collection.getValue()).as(context).doesNotContain(Long.parseLong(id.asString()));
            }
        }
        boolean standard = roleKey.equals(Role.STANDARD.name());
        if (route.pattern().equals("/api/users/users")) {
            assertThat(json.get("Count").asInt()).as(context).isEqualTo(standard ? 1 : own.userIds().size() + 1);
        }
        if (route.pattern().equals("/api/inventory/machines")) {
            assertThat(json.get("Count").asInt()).as(context).isEqualTo(standard ? 0 : own.machineIds().size());
        }
        if (route.pattern().equals("/ams/shared/api/organizations")) {
            assertThat(json.get("Organizations").size()).as(context).isEqualTo(1);
        }
    }

    /**
     * Fills each path variable with an id of {@code other}, chosen by what the path names:
     * a machine under inventory, a barcode, an asset type or an asset under asset, a role, an
     * organization, and otherwise a user.
     */
    private static String fill(String pattern, Tenant other) {
        Matcher matcher = VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            long id;
            if (pattern.startsWith("/api/service_desk")) {
                id = switch (matcher.group(1)) {
                    case "changeId" -> other.desk().changeId();
                    case "attachmentId" -> other.desk().attachmentId();
                    default -> pattern.startsWith("/api/service_desk/queues") ? other.desk().queueId()
                            : other.desk().ticketId();
                };
            } else if (pattern.startsWith("/api/inventory")) {
                id = other.machineIds().getFirst();
            } else if (pattern.startsWith("/api/asset/barcodes")) {
                id = other.assets().barcodeId();
            } else if (pattern.startsWith("/api/asset/assets/types")) {
                id = other.assets().typeId();
            } else if (pattern.startsWith("/api/asset")) {
                id = other.assets().assetId();
            } else if (pattern.contains("/roles")) {
                id = other.roleId();
            } else if (pattern.contains("organization")) {
                id = other.org().id();
            } else {
                id = other.userIds().get(Role.ADMIN.name());
            }
            matcher.appendReplacement(path, String.valueOf(id));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    private static Permissions customPermissions() {
        Map<Module, AccessLevel> levels = new EnumMap<>(Module.class);
        for (Module module : Module.values()) {
            levels.put(module, AccessLevel.READ);
        }
        levels.put(Module.INVENTORY, AccessLevel.HIDDEN);
        return new Permissions(levels);
    }

    /** An organization with one user per role, a custom role without inventory and one machine. */
    private static Tenant tenant(ApiClient admin, String prefix) {
        Org org = TestOrganizations.create(admin, TestOrganizations.unique(prefix));
        TestOrganizations.switchTo(admin, org.id());
        String roleName = TestOrganizations.unique("NoInventory");
        StringBuilder role = new StringBuilder("{\"name\":\"" + roleName + "\"");
        customPermissions().asKeys().forEach((key, level) -> role.append(",\"").append(key).append("\":\"")
                .append(level).append('"'));
        long roleId = TestOrganizations.createRole(admin, role.append('}').toString());

        Map<String, String> users = new LinkedHashMap<>();
        Map<String, Long> userIds = new LinkedHashMap<>();
        for (String key : List.of(Role.ADMIN.name(), Role.READ_ONLY_ADMIN.name(), Role.STANDARD.name(), CUSTOM)) {
            String userName = TestOrganizations.unique("matrix-" + key.toLowerCase());
            users.put(key, userName);
            userIds.put(key, TestOrganizations.createUser(admin, userName, key.equals(CUSTOM) ? roleName : key));
        }
        TestOrganizations.seedMachine(admin, org.agentToken());
        List<Long> machineIds = TestOrganizations.ids(admin.get("/api/inventory/machines"), "Machines", "Id");
        assertThat(machineIds).hasSize(1);
        return new Tenant(org, users, userIds, roleId, machineIds, assets(admin), serviceDesk(admin));
    }

    private static Assets assets(ApiClient admin) {
        List<Long> assetIds = TestOrganizations.ids(admin.get("/api/asset/assets"), "Assets", "id");
        assertThat(assetIds).hasSize(1);
        ApiResponse barcode = admin.post("/api/asset/barcodes", "{\"Barcodes\":[{\"asset_id\":" + assetIds.getFirst()
                + ",\"barcode_data\":\"matrix\"}]}", "Content-Type", "application/json");
        ApiResponse type = admin.post("/api/asset/assets/types", "{\"AssetTypes\":[{\"name\":\"Matrix\","
                + "\"fields\":[{\"name\":\"Note\",\"type\":\"text\"}]}]}", "Content-Type", "application/json");
        assertThat(barcode.status()).as(barcode.body()).isEqualTo(200);
        assertThat(type.status()).as(type.body()).isEqualTo(200);
        return new Assets(assetIds.getFirst(), barcode.json().get("IDs").get(0).asLong(),
                type.json().get("IDs").get(0).asLong());
    }

    /** A ticket with an attachment in the organization the session of {@code admin} works in. */
    private static ServiceDeskIds serviceDesk(ApiClient admin) {
        long queueId = TestOrganizations.ids(admin.get("/api/service_desk/queues"), "Queues", "id").getFirst();
        ApiResponse created = admin.post("/api/service_desk/tickets", "{\"Tickets\":[{\"hd_queue_id\":" + queueId
                + ",\"title\":\"matrix\"}]}", "Content-Type", "application/json");
        long ticketId = created.json().get("IDs").get(0).asLong();
        String multipart = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"m.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nmatrix\r\n--b--\r\n";
        ApiResponse upload = admin.send("POST", "/api/service_desk/tickets/" + ticketId, multipart.getBytes(),
                "Content-Type", "multipart/form-data; boundary=b");
        assertThat(upload.status()).as(upload.body()).isEqualTo(200);
        JsonNode change = admin.get("/api/service_desk/tickets/" + ticketId + "/changes?shaping="
                + ApiClient.encode("hd_ticket_change all,attachments all")).json().get("Changes").get(1);
        return new ServiceDeskIds(queueId, ticketId, change.get("id").asLong(),
                change.get("attachments").get(0).get("id").asLong());
    }
}

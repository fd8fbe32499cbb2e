package org.opensma.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensma.asset.AssetHttpTest.ASSETS;
import static org.opensma.asset.AssetHttpTest.JSON;
import static org.opensma.asset.AssetHttpTest.assertError;
import static org.opensma.asset.AssetHttpTest.createOne;
import static org.opensma.asset.AssetHttpTest.ids;
import static org.opensma.asset.AssetHttpTest.one;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensma.inventory.InventoryXml;
import org.opensma.organization.TestOrganizations;
import org.opensma.support.ApiClient;
import org.opensma.support.ApiResponse;
import org.opensma.support.ApiTestBase;
import tools.jackson.databind.JsonNode;

/**
 * The Device asset that inventory keeps for each machine, barcodes, and what a standard user
 * sees. Names start with "dva" because all test classes share one database.
 */
class DeviceAssetHttpTest extends ApiTestBase {

    private static final String BARCODES = "/api/asset/barcodes";

    private ApiClient admin;

    @BeforeEach
    void logIn() {
        admin = TestOrganizations.kaceClient(admin());
    }

    private static InventoryXml inventory(String deviceKey, String name, String user) {
        return new InventoryXml(deviceKey)
                .section("HARDWARE", "NAME", name, "OSNAME", "Debian GNU/Linux 12", "MEMORY", "2048",
                        "LASTLOGGEDUSER", user)
                .section("BIOS", "SSN", deviceKey + "-serial");
    }

    private long machineId(String name) {
        ApiResponse machines = admin.get("/api/inventory/machines?filtering=" + ApiClient.encode("name eq " + name));
        assertThat(machines.json().get("Machines")).as(machines.body()).hasSize(1);
        return machines.json().get("Machines").get(0).get("Id").asLong();
    }

    private JsonNode deviceOf(long machineId) {
        ApiResponse devices = admin.get(ASSETS + "?filtering=" + ApiClient.encode("asset_type_id eq 5,mapped_id eq "
                + machineId));
        assertThat(devices.json().get("Assets")).as(devices.body()).hasSize(1);
        return devices.json().get("Assets").get(0);
    }

    @Test
    void deviceAsset_followsItsMachineThroughReinventoryAndDelete() {
        inventory("dva-host", "dva-host-1", "admin").ingest(client());
        long machine = machineId("dva-host-1");
        JsonNode device = deviceOf(machine);
        long assetId = device.get("id").asLong();
        assertThat(device.get("name").asString()).isEqualTo("dva-host-1");
        assertThat(device.get("asset_type_name").asString()).isEqualTo("Device");
        long adminId = admin.get("/api/users/me").json().get("userId").asLong();
        assertThat(device.get("owner_id").asLong()).isEqualTo(adminId);

        long site = createOne(admin, ASSETS, "{\"Assets\":[{\"name\":\"dva-site\",\"asset_type_id\":1}]}");
        ApiResponse edit = admin.put(ASSETS + "/" + assetId, "{\"Assets\":[{\"owner_id\":0,\"location_id\":" + site
                + ",\"asset_status_id\":3}]}", "Content-Type", JSON);
        assertThat(edit.status()).as(edit.body()).isEqualTo(200);
        assertError(admin.put(ASSETS + "/" + assetId, "{\"Assets\":[{\"name\":\"renamed\"}]}", "Content-Type", JSON),
                400, 1500, "machine " + machine);

        ApiResponse located = admin.get("/api/inventory/machines?filtering=" + ApiClient.encode("asset.location_id eq "
                + site) + "&shaping=" + ApiClient.encode("machine limited,asset standard"));
        assertThat(located.json().get("Machines")).as(located.body()).hasSize(1);
        assertThat(located.json().get("Machines").get(0).get("Assets").get(0).get("location_id").asLong())
                .isEqualTo(site);

        inventory("dva-host", "dva-host-1-renamed", "admin").ingest(client());
        assertThat(machineId("dva-host-1-renamed")).isEqualTo(machine);
        JsonNode followed = deviceOf(machine);
        assertThat(followed.get("id").asLong()).isEqualTo(assetId);
        assertThat(followed.get("name").asString()).isEqualTo("dva-host-1-renamed");
        assertThat(followed.get("location_id").asLong()).isEqualTo(site);
        assertThat(followed.get("asset_status_id").asLong()).isEqualTo(3);
        // The owner was cleared by hand, so inventory sets it again from the machine's user.
        assertThat(followed.get("owner_id").asLong()).isEqualTo(adminId);
        ApiResponse history = admin.get(ASSETS + "/" + assetId + "/history?filtering="
                + ApiClient.encode("field eq name"));
        assertThat(history.json().get("History").get(1).get("new_value").asString()).isEqualTo("dva-host-1-renamed");
        assertThat(history.json().get("History").get(1).get("user_name").asString()).isEqualTo("inventory");

        assertThat(admin.delete("/api/inventory/machines/" + machine).status()).isEqualTo(200);
        assertThat(admin.get(ASSETS + "/" + assetId).status()).isEqualTo(404);
    }

    @Test
    void archivedDevice_isDetached_andTheNextInventoryCreatesANewOne() {
        inventory("dva-arch", "dva-arch-1", "").ingest(client());
        long machine = machineId("dva-arch-1");
        long first = deviceOf(machine).get("id").asLong();
        assertThat(deviceOf(machine).get("owner_id").asLong()).isZero();
        ApiResponse archived = admin.post(ASSETS + "/" + first + "/archive", "{\"archiveReason\":\"replaced\"}",
                "Content-Type", JSON);
        assertThat(archived.status()).as(archived.body()).isEqualTo(200);
        assertThat(admin.get("/api/asset/archived_devices/" + first).json().get("Assets").get(0)
                .get("mapped_id").asLong()).isZero();

        inventory("dva-arch", "dva-arch-1", "").ingest(client());
        assertThat(deviceOf(machine).get("id").asLong()).isNotEqualTo(first);
    }

    @Test
    void barcodes_areListedCreatedChangedAndDeleted() {
        long asset = createOne(admin, ASSETS, "{\"Assets\":[{\"name\":\"dva-monitor\",\"asset_type_id\":6}]}");
        assertError(admin.post(BARCODES, "{\"Barcodes\":[{\"barcode_data\":\"X1\"}]}", "Content-Type", JSON),
                400, 1500, "asset_id");
        assertError(admin.post(BARCODES, "{\"Barcodes\":[{\"asset_id\":" + asset + ",\"barcode_data\":\"X1\","
                + "\"colour\":\"red\"}]}", "Content-Type", JSON), 400, 1500, "colour");
        assertError(admin.post(BARCODES, "{\"Barcodes\":[{\"asset_id\":99999999,\"barcode_data\":\"X1\"}]}",
                "Content-Type", JSON), 400, 1500, "99999999");
        long barcode = createOne(admin, BARCODES, """
                {"Barcodes":[{"asset_id":%d,"barcode_data":"SN-123","barcode_format":"Code 128",
                 "barcode_name":"Monitor Serial Number","scanned_geolocation":"UNKNOWN","scanned_method":"UNKNOWN"}]}"""
                .formatted(asset));
        long second = createOne(admin, ASSETS + "/" + asset + "/barcodes",
                "{\"Barcodes\":[{\"barcode_data\":\"QR-9\",\"barcode_format\":\"QR\"}]}");

        ApiResponse shown = admin.get(BARCODES + "/" + barcode);
        assertThat(shown.status()).as(shown.body()).isEqualTo(200);
        JsonNode item = shown.json().get("Barcodes").get(0);
        assertThat(item.get("asset_id").asLong()).isEqualTo(asset);
        assertThat(item.get("barcode_format").asString()).isEqualTo("Code 128");
        assertThat(ids(admin.get(ASSETS + "/" + asset + "/barcodes"), "Barcodes")).containsExactly(barcode, second);
        assertThat(ids(admin.get(BARCODES + "?filtering=" + ApiClient.encode("barcode_data eq QR-9")), "Barcodes"))
                .containsExactly(second);
        assertThat(one(admin, ASSETS + "/" + asset + "?shaping=" + ApiClient.encode("asset limited,barcodes limited"))
                .get("Barcodes")).hasSize(2);

        ApiResponse update = admin.put(BARCODES + "/" + barcode, "{\"Barcodes\":[{\"barcode_data\":\"SN-124\"}]}",
                "Content-Type", JSON);
        assertThat(update.status()).as(update.body()).isEqualTo(200);
        assertError(admin.put(BARCODES + "/" + barcode, "{\"Barcodes\":[{\"barcode_data\":\"SN-124\"}]}",
                "Content-Type", JSON), 400, 1501);
        assertThat(admin.get(BARCODES + "/" + barcode).json().get("Barcodes").get(0).get("barcode_data").asString())
                .isEqualTo("SN-124");
        assertThat(admin.delete(BARCODES + "/" + barcode).status()).isEqualTo(200);
        assertThat(admin.get(BARCODES + "/" + barcode).status()).isEqualTo(404);
        assertError(admin.put(BARCODES, "{}", "Content-Type", JSON), 405, 1202);
    }

    @Test
    void organizationWithAssets_canBeDeleted() {
        long home = admin.get("/api/users/me").json().get("currentOrgId").asLong();
        TestOrganizations.Org org = TestOrganizations.create(admin, TestOrganizations.unique("dva-org"));
        TestOrganizations.switchTo(admin, org.id());
        TestOrganizations.seedMachine(admin, org.agentToken());
        long type = createOne(admin, "/api/asset/assets/types", "{\"AssetTypes\":[{\"name\":\"dva-Type\","
                + "\"fields\":[{\"name\":\"Site\",\"type\":\"asset\"}]}]}");
        long asset = createOne(admin, ASSETS, "{\"Assets\":[{\"name\":\"dva-org-asset\",\"asset_type_id\":"
                + type + "}]}");
        createOne(admin, BARCODES, "{\"Barcodes\":[{\"asset_id\":" + asset + ",\"barcode_data\":\"dva\"}]}");
        assertThat(ids(admin.get(ASSETS), "Assets")).hasSize(2);

        TestOrganizations.switchTo(admin, home);
        ApiResponse deleted = admin.delete("/ams/shared/api/organizations/" + org.id());

        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        assertThat(admin.get(ASSETS + "/" + asset).status()).isEqualTo(404);
    }

    @Test
    void standardUsers_seeOnlyTheAssetsTheyOwn() {
        String userName = TestOrganizations.unique("dva-std");
        long userId = TestOrganizations.createUser(admin, userName, "STANDARD");
        long own = createOne(admin, ASSETS, "{\"Assets\":[{\"name\":\"dva-own\",\"asset_type_id\":7,\"owner_id\":"
                + userId + "}]}");
        long other = createOne(admin, ASSETS, "{\"Assets\":[{\"name\":\"dva-other\",\"asset_type_id\":7}]}");
        long barcode = createOne(admin, BARCODES, "{\"Barcodes\":[{\"asset_id\":" + other
                + ",\"barcode_data\":\"dva-b\"}]}");
        ApiClient user = TestOrganizations.login(client().baseUrl(), userName, TestOrganizations.PASSWORD, "Default");

        assertThat(ids(user.get(ASSETS + "?paging=" + ApiClient.encode("limit ALL")), "Assets")).containsExactly(own);
        assertThat(user.get(ASSETS + "/" + other).status()).isEqualTo(404);
        assertThat(user.get(ASSETS + "/" + other + "/history").status()).isEqualTo(404);
        assertThat(user.get(BARCODES + "/" + barcode).status()).isEqualTo(404);
        assertThat(user.put(ASSETS + "/" + own, "{\"Assets\":[{\"name\":\"x\"}]}", "Content-Type", JSON).status())
                .isEqualTo(403);
        List<Long> history = ids(user.get(ASSETS + "/" + own + "/history"), "History");
        assertThat(history).isNotEmpty();
    }
}

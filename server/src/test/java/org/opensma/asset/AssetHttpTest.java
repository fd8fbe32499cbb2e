package org.opensma.asset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensma.organization.TestOrganizations;
import org.opensma.support.ApiClient;
import org.opensma.support.ApiResponse;
import org.opensma.support.ApiTestBase;
import org.opensma.support.StatementCounter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asset types with custom fields of every kind, asset writes and the query language over
 * them, as KACE clients send them. Names start with "ast" because all test classes share one
 * database.
 */
class AssetHttpTest extends ApiTestBase {

    static final String ASSETS = "/api/asset/assets";
    static final String TYPES = "/api/asset/assets/types";
    static final String JSON = "application/json";

    private ApiClient admin;

    @BeforeEach
    void logIn() {
        admin = TestOrganizations.kaceClient(admin());
    }

    static long createOne(ApiClient client, String path, String body) {
        ApiResponse response = client.post(path, body, "Content-Type", JSON);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("Result").asString()).isEqualTo("Success");
        return response.json().get("IDs").get(0).asLong();
    }

    static JsonNode one(ApiClient client, String path) {
        ApiResponse response = client.get(path);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("Assets")).as(response.body()).hasSize(1);
        return response.json().get("Assets").get(0);
    }

    static List<Long> ids(ApiResponse response, String collection) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        response.json().get(collection).forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    static void assertError(ApiResponse response, int status, int code, String... fragments) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("errorCode").asInt()).as(response.body()).isEqualTo(code);
        for (String fragment : fragments) {
            assertThat(response.json().get("errorDescription").asString()).contains(fragment);
        }
    }

    private List<Long> filter(String filtering) {
        return ids(admin.get(ASSETS + "?filtering=" + ApiClient.encode(filtering)), "Assets");
    }

    /** A type with one field of each kind; returns the field ids in the order text, number, date, choice, asset, user. */
    private List<Long> laptopFields(String typeName) {
        long typeId = createOne(admin, TYPES, """
                {"AssetTypes":[{"name":"%s","fields":[
                  {"name":"Notes","type":"text"},
                  {"name":"Price","type":"number"},
                  {"name":"Purchased","type":"date"},
                  {"name":"Tier","type":"choice","choices":["Gold","Silver"]},
                  {"name":"Cost center","type":"asset","ref_asset_type_id":4},
                  {"name":"Custodian","type":"user"}]}]}""".formatted(typeName));
        ApiResponse type = admin.get(TYPES + "/" + typeId);
        assertThat(type.status()).as(type.body()).isEqualTo(200);
        JsonNode fields = type.json().get("AssetTypes").get(0).get("fields");
        List<Long> ids = new ArrayList<>();
        fields.forEach(field -> ids.add(field.get("id").asLong()));
        assertThat(ids).hasSize(6);
        assertThat(fields.get(3).get("type").asString()).isEqualTo("choice");
        assertThat(fields.get(0).get("json_key").asString()).isEqualTo("field_" + ids.getFirst());
        ids.addFirst(typeId);
        return ids;
    }

    @Test
    void types_listBuiltInTypesWithFixedIds() {
        ApiResponse response = admin.get(TYPES + "?paging=" + ApiClient.encode("limit ALL"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        for (JsonNode type : response.json().get("AssetTypes")) {
            if (type.get("id").asLong() == 5) {
                names.add("5=" + type.get("name").asString());
            }
            if (type.get("id").asLong() == 8) {
                names.add("8=" + type.get("name").asString());
            }
        }
        assertThat(names).containsExactly("5=Device", "8=Service");

        // Choices as reads show them, one per line, are accepted as well as an array.
        long carrierType = createOne(admin, TYPES, """
                {"AssetTypes":[{"name":"Phone line","fields":[
                  {"name":"Carrier","type":"choice","choices":"Telekom\\nVodafone\\n"}]}]}""");
        JsonNode carrier = admin.get(TYPES + "/" + carrierType).json().get("AssetTypes").get(0).get("fields").get(0);
        assertThat(carrier.get("choices").asString()).isEqualTo("Telekom\nVodafone");
        assertThat(filterTypes("name eq Location")).hasSize(1);
        assertThat(filterTypes("name eq Cost Center")).hasSize(1);
    }

    private List<Long> filterTypes(String filtering) {
        return ids(admin.get(TYPES + "?filtering=" + ApiClient.encode(filtering)), "AssetTypes");
    }

    @Test
    void customFields_ofEveryKind_areWrittenShownAndFiltered() {
        List<Long> ids = laptopFields("ast-Laptop");
        long type = ids.get(0);
        String text = "field_" + ids.get(1);
        String number = "field_" + ids.get(2);
        String date = "field_" + ids.get(3);
        String choice = "field_" + ids.get(4);
        String asset = "field_" + ids.get(5);
        String user = "field_" + ids.get(6);
        long costCenter = createOne(admin, ASSETS, "{\"Assets\":[{\"name\":\"ast-cc-1\",\"asset_type_id\":4}]}");
        long adminId = admin.get("/api/users/me").json().get("userId").asLong();

        long first = createOne(admin, ASSETS, """
                {"Assets":[{"name":"ast-laptop-1","asset_type_id":%d,"%s":"spare","%s":1200.5,"%s":"2024-03-01",
                 "%s":"gold","%s":{"id":%d,"asset_type_id":4},"%s":%d}]}"""
                .formatted(type, text, number, date, choice, asset, costCenter, user, adminId));
        long second = createOne(admin, ASSETS, """
                {"Assets":[{"name":"ast-laptop-2","asset_type_id":%d,"%s":"in use","%s":"800","%s":"2023-11-20",
                 "%s":"Silver"}]}""".formatted(type, text, number, date, choice));

        JsonNode shown = one(admin, ASSETS + "/" + first);
        assertThat(shown.get(text).asString()).isEqualTo("spare");
        assertThat(shown.get(number).decimalValue()).isEqualByComparingTo("1200.5");
        assertThat(shown.get(date).asString()).isEqualTo("2024-03-01");
        assertThat(shown.get(choice).asString()).isEqualTo("Gold");
        JsonNode reference = shown.get(asset);
        assertThat(reference.get("id").asLong()).isEqualTo(costCenter);
        assertThat(reference.get("asset_type_id").asLong()).isEqualTo(4);
        assertThat(reference.get("name").asString()).isEqualTo("ast-cc-1");
        assertThat(fieldNames(reference)).containsExactly("id", "asset_type_id", "name", "owner_id",
                "asset_class_id", "asset_status_id");
        assertThat(shown.get(user).get("id").asLong()).isEqualTo(adminId);
        assertThat(shown.get(user).get("user_name").asString()).isEqualTo("admin");
        assertThat(fieldNames(shown.get(user))).containsExactly("id", "user_name", "full_name");
        assertThat(one(admin, ASSETS + "/" + second).has(asset)).isFalse();

        // A client may send back the object it read, read-only keys and nested references included.
        String echoed = shown.toString().replace("\"spare\"", "\"spare, echoed\"");
        ApiResponse echo = admin.put(ASSETS + "/" + first, "{\"Assets\":[" + echoed + "]}", "Content-Type", JSON);
        assertThat(echo.status()).as(echo.body()).isEqualTo(200);
        assertThat(one(admin, ASSETS + "/" + first).get(text).asString()).isEqualTo("spare, echoed");
        assertError(admin.put(ASSETS + "/" + first, "{\"Assets\":[" + echoed + "]}", "Content-Type", JSON), 400, 1501);
        assertError(admin.put(ASSETS + "/" + first, "{\"Assets\":[{\"archive\":\"completed\"}]}", "Content-Type",
                JSON), 400, 1500, "archive");
        ApiResponse restored = admin.put(ASSETS + "/" + first, "{\"Assets\":[{\"" + text + "\":\"spare\"}]}",
                "Content-Type", JSON);
        assertThat(restored.status()).as(restored.body()).isEqualTo(200);

        assertThat(filter(text + " eq spare,name st ast-laptop")).containsExactly(first);
        assertThat(filter(text + " co use")).containsExactly(second);
        assertThat(filter(number + " gt 1000")).containsExactly(first);
        assertThat(filter(number + " le 800,name st ast-laptop")).containsExactly(second);
        // A date is text, and text without a value compares as "", so the type keeps other assets out.
        assertThat(filter(date + " lt 2024-01-01,asset_type_id eq " + type)).containsExactly(second);
        assertThat(filter(date + " ge 2024-01-01")).containsExactly(first);
        assertThat(filter(choice + " eq silver")).containsExactly(second);
        assertThat(filter(asset + " eq " + costCenter)).containsExactly(first);
        assertThat(filter(user + " eq " + adminId)).containsExactly(first);
        assertThat(filter(asset + " neq " + costCenter + ",asset_type_id eq " + type)).containsExactly(second);
        assertThat(ids(admin.get(ASSETS + "?filtering=" + ApiClient.encode("asset_type_id eq " + type)
                + "&sorting=" + ApiClient.encode(number + " desc")), "Assets")).containsExactly(first, second);
        assertThat(ids(admin.get(ASSETS + "?filtering=" + ApiClient.encode("asset_type_id eq " + type)
                + "&sorting=" + ApiClient.encode(date + " asc")), "Assets")).containsExactly(second, first);

        ApiResponse update = admin.put(ASSETS + "/" + second, """
                {"Assets":[{"id":%d,"%s":"retired","%s":null,"%s":%d,"%s":"2025-01-02"}]}"""
                .formatted(second, text, number, asset, costCenter, date), "Content-Type", JSON);
        assertThat(update.status()).as(update.body()).isEqualTo(200);
        assertThat(update.json().get("Result").asString()).isEqualTo("Success");
        JsonNode updated = one(admin, ASSETS + "/" + second);
        assertThat(updated.get(text).asString()).isEqualTo("retired");
        assertThat(updated.has(number)).isFalse();
        assertThat(updated.get(asset).get("id").asLong()).isEqualTo(costCenter);
        assertThat(filter(asset + " eq " + costCenter)).containsExactlyInAnyOrder(first, second);

        ApiResponse history = admin.get(ASSETS + "/" + second + "/history?filtering="
                + ApiClient.encode("field eq " + text));
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        List<String> changes = new ArrayList<>();
        history.json().get("History").forEach(change -> changes.add(change.get("old_value") == null
                ? "->" + change.get("new_value").asString()
                : change.get("old_value").asString() + "->" + change.get("new_value").asString()));
        assertThat(changes).containsExactly("->in use", "in use->retired");
        assertThat(history.json().get("History").get(1).get("user_name").asString()).isEqualTo("admin");
    }

    @Test
    void wrongKeysAndValues_areRefusedNamingTheField() {
        List<Long> ids = laptopFields("ast-Desk");
        long type = ids.get(0);
        String number = "field_" + ids.get(2);
        long id = createOne(admin, ASSETS, "{\"Assets\":[{\"name\":\"ast-desk-1\",\"asset_type_id\":" + type + "}]}");

        assertError(admin.post(ASSETS, "{\"Barcodes\":[{\"asset_id\":" + id + ",\"barcode_data\":\"x\"}]}",
                "Content-Type", JSON), 400, 1500, "Barcodes");
        assertError(admin.post(ASSETS, "{\"Assets\":[{\"name\":\"ast-x\",\"asset_type_id\":5,\"Machine\":{\"id\":1}}]}",
                "Content-Type", JSON), 400, 1500, "Machine");
        assertError(admin.post(ASSETS, "{\"Assets\":[{\"name\":\"ast-x\"}]}", "Content-Type", JSON), 400, 1500,
                "asset_type_id");
        assertError(admin.post(ASSETS, "{\"Assets\":[{\"name\":\"ast-x\",\"asset_type_id\":99999}]}",
                "Content-Type", JSON), 400, 1500, "99999");
        String path = ASSETS + "/" + id;
        assertError(admin.put(path, "{\"Assets\":[{\"" + number + "\":\"abc\"}]}", "Content-Type", JSON), 400, 1500,
                number);
        assertError(admin.put(path, "{\"Assets\":[{\"field_" + ids.get(3) + "\":\"03/01/2024\"}]}",
                "Content-Type", JSON), 400, 1500, "field_" + ids.get(3));
        assertError(admin.put(path, "{\"Assets\":[{\"field_" + ids.get(4) + "\":\"Bronze\"}]}",
                "Content-Type", JSON), 400, 1500, "Gold");
        assertError(admin.put(path, "{\"Assets\":[{\"field_" + ids.get(5) + "\":" + id + "}]}",
                "Content-Type", JSON), 400, 1500, "field_" + ids.get(5));
        assertError(admin.put(path, "{\"Assets\":[{\"field_" + ids.get(6) + "\":987654}]}",
                "Content-Type", JSON), 400, 1500, "987654");
        assertError(admin.put(path, "{\"Assets\":[{\"field_1\":\"x\"}]}", "Content-Type", JSON), 400, 1500,
                "field_1");
        assertError(admin.put(path, "{\"Assets\":[{\"owner_id\":\"me\"}]}", "Content-Type", JSON), 400, 1500,
                "owner_id");
        assertError(admin.put(path, "{\"Assets\":[{\"mapped_id\":3}]}", "Content-Type", JSON), 400, 1500,
                "mapped_id");
        assertError(admin.put(path, "{\"Assets\":[{\"location_id\":" + id + "}]}", "Content-Type", JSON), 400,
                1500, "Location");
        assertError(admin.put(path, "{\"Assets\":[{\"name\":\"ast-desk-1\"}]}", "Content-Type", JSON), 400, 1501);
        assertError(admin.put(path, "{\"Assets\":[{\"id\":" + id + "}]}", "Content-Type", JSON), 400, 1501);
        assertThat(ids(admin.get(path + "/history"), "History")).hasSize(2);

        assertError(admin.put(ASSETS, "{\"Assets\":[{\"name\":\"x\"}]}", "Content-Type", JSON), 405, 1202);
        assertError(admin.delete(ASSETS), 405, 1202);
        assertError(admin.get(ASSETS + "?filtering=" + ApiClient.encode(number + " co 12")), 400, 1102);
    }

    @Test
    void types_areCreatedChangedAndDeletedByAdministrators() {
        long type = createOne(admin, TYPES, "{\"AssetTypes\":[{\"name\":\"ast-Phone\"}]}");
        assertError(admin.post(TYPES, "{\"AssetTypes\":[{\"name\":\"ast-phone\"}]}", "Content-Type", JSON), 409, 1503);
        assertError(admin.post(TYPES, "{\"AssetTypes\":[{\"name\":\"ast-Tablet\",\"fields\":[{\"name\":\"x\","
                + "\"type\":\"colour\"}]}]}", "Content-Type", JSON), 400, 1500, "colour", "text");
        ApiResponse renamed = admin.put(TYPES + "/" + type, "{\"AssetTypes\":[{\"name\":\"ast-Smartphone\","
                + "\"fields\":[{\"name\":\"IMEI\",\"type\":\"text\"}]}]}", "Content-Type", JSON);
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        JsonNode shown = admin.get(TYPES + "/" + type).json().get("AssetTypes").get(0);
        assertThat(shown.get("name").asString()).isEqualTo("ast-Smartphone");
        long field = shown.get("fields").get(0).get("id").asLong();

        assertError(admin.put(TYPES + "/" + type, "{\"AssetTypes\":[{\"name\":\"ast-Smartphone\",\"fields\":[{\"id\":"
                + field + ",\"name\":\"IMEI\"}]}]}", "Content-Type", JSON), 400, 1501);
        assertError(admin.put(TYPES + "/5", "{\"AssetTypes\":[{\"name\":\"Computer\"}]}", "Content-Type", JSON),
                409, 1503);
        ApiResponse extended = admin.put(TYPES + "/8", "{\"AssetTypes\":[{\"fields\":[{\"name\":\"ast-SLA\","
                + "\"type\":\"number\"}]}]}", "Content-Type", JSON);
        assertThat(extended.status()).as(extended.body()).isEqualTo(200);
        assertError(admin.delete(TYPES + "/5"), 409, 1503);

        long phone = createOne(admin, ASSETS, "{\"Assets\":[{\"name\":\"ast-phone-1\",\"asset_type_name\":"
                + "\"ast-Smartphone\",\"field_" + field + "\":\"356938035643809\"}]}");
        assertError(admin.delete(TYPES + "/" + type), 409, 1503);
        assertThat(admin.delete(TYPES + "/" + type + "/fields/" + field).status()).isEqualTo(200);
        assertThat(one(admin, ASSETS + "/" + phone).has("field_" + field)).isFalse();
        assertThat(admin.delete(ASSETS + "/" + phone).status()).isEqualTo(200);
        assertThat(admin.get(ASSETS + "/" + phone).status()).isEqualTo(404);
        assertThat(admin.delete(TYPES + "/" + type).status()).isEqualTo(200);
        assertThat(admin.get(TYPES + "/" + type).status()).isEqualTo(404);
    }

    @Test
    void archive_needsAReason_andArchivedAssetsAreFoundByRouteAndFilter() {
        long id = createOne(admin, ASSETS, "{\"Assets\":[{\"name\":\"ast-old-printer\",\"asset_type_id\":7}]}");
        String archive = ASSETS + "/" + id + "/archive";
        assertError(admin.post(archive, null, "Content-Type", JSON), 400, 1502, "archiveReason");
        assertError(admin.post(archive, "{}", "Content-Type", JSON), 400, 1502);
        assertError(admin.post(archive, "{\"archiveReason\":\"  \"}", "Content-Type", JSON), 400, 1502);
        assertThat(admin.get("/api/asset/archived_devices/" + id).status()).isEqualTo(404);

        ApiResponse archived = admin.post(archive, "{\"archiveReason\":\"broken drum\"}", "Content-Type", JSON);
        assertThat(archived.status()).as(archived.body()).isEqualTo(200);
        ApiResponse shown = admin.get("/api/asset/archived_devices/" + id + "?shaping=" + ApiClient.encode("asset all"));
        assertThat(shown.status()).as(shown.body()).isEqualTo(200);
        JsonNode asset = shown.json().get("Assets").get(0);
        assertThat(asset.get("archive").asString()).isEqualTo("completed");
        assertThat(asset.get("archive_reason").asString()).isEqualTo("broken drum");
        assertThat(filter("asset.archive eq completed,asset.id eq " + id)).containsExactly(id);
        assertThat(filter("archive neq completed,name eq ast-old-printer")).isEmpty();
        assertError(admin.post(archive, "{\"archiveReason\":\"again\"}", "Content-Type", JSON), 409, 1503);
    }

    @Test
    void locations_areAssetsThatOtherAssetsReferTo() {
        long hq = createOne(admin, ASSETS, "{\"Assets\":[{\"name\":\"ast-HQ\",\"asset_type_id\":1}]}");
        long printer = createOne(admin, ASSETS, "{\"Assets\":[{\"name\":\"ast-printer\",\"asset_type_id\":7,"
                + "\"location_id\":" + hq + "}]}");
        assertThat(filter("location.name eq ast-HQ")).containsExactly(printer);
        JsonNode shown = one(admin, ASSETS + "/" + printer + "?shaping=" + ApiClient.encode("asset standard,location limited"));
        assertThat(shown.get("location_id").asLong()).isEqualTo(hq);
        assertThat(shown.get("Location").get(0).get("name").asString()).isEqualTo("ast-HQ");
        assertThat(filter("name eq ast-HQ,asset_type_name eq Location")).containsExactly(hq);

        ApiResponse cleared = admin.put(ASSETS + "/" + printer, "{\"Assets\":[{\"location_id\":null}]}",
                "Content-Type", JSON);
        assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
        assertThat(one(admin, ASSETS + "/" + printer).has("location_id")).isFalse();
    }

    @Test
    void responseShape_matchesTheAppliancesAssetList() throws Exception {
        long id = createOne(admin, ASSETS, "{\"Assets\":[{\"name\":\"Macbook Pro\",\"asset_type_id\":5}]}");
        JsonMapper mapper = JsonMapper.builder().build();
        JsonNode fixture = mapper.readTree(Files.readString(Path.of("/work/shared/kace-api/fixtures/real-derived/"
                + "xsoar_v10_GET_asset_assets.json"))).get("Assets").get(0);
        JsonNode readme = mapper.readTree(Files.readString(Path.of("/work/shared/kace-api/fixtures/real-derived/"
                + "xsoar_readme_GET_asset_assets_filtering_name_eq_Mac.json"))).get("Assets").get(0);

        ApiResponse list = admin.get(ASSETS + "?filtering=" + ApiClient.encode("name eq Macbook Pro"));
        assertThat(list.json().get("Count").asInt()).isEqualTo(1);
        JsonNode asset = list.json().get("Assets").get(0);
        assertThat(fieldNames(asset)).containsExactlyElementsOf(fieldNames(fixture));
        Set<String> readmeKeys = new HashSet<>(fieldNames(readme));
        readmeKeys.remove("asset_subtype_name");
        assertThat(fieldNames(asset)).containsExactlyInAnyOrderElementsOf(readmeKeys);
        for (String key : fieldNames(fixture)) {
            assertThat(asset.get(key).getNodeType()).as(key).isEqualTo(fixture.get(key).getNodeType());
        }
        assertThat(asset.get("id").asLong()).isEqualTo(id);
        assertThat(asset.get("asset_type_name").asString()).isEqualTo("Device");
        assertThat(asset.get("archive").asString()).isEmpty();
        assertThat(asset.get("created").asString()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        assertThat(admin.delete(ASSETS + "/" + id).status()).isEqualTo(200);
    }

    @Test
    void assetList_withCustomFields_costsThreeStatements() {
        List<Long> ids = laptopFields("ast-Budget");
        long costCenter = createOne(admin, ASSETS, "{\"Assets\":[{\"name\":\"ast-budget-cc\",\"asset_type_id\":4}]}");
        for (int i = 0; i < 5; i++) {
            createOne(admin, ASSETS, "{\"Assets\":[{\"name\":\"ast-budget-" + i + "\",\"asset_type_id\":" + ids.get(0)
                    + ",\"field_" + ids.get(2) + "\":" + i + ",\"field_" + ids.get(5) + "\":" + costCenter + "}]}");
        }

        StatementCounter.reset();
        ApiResponse response = admin.get(ASSETS + "?paging=" + ApiClient.encode("limit ALL") + "&filtering="
                + ApiClient.encode("name st ast-budget-,field_" + ids.get(2) + " ge 0") + "&sorting="
                + ApiClient.encode("field_" + ids.get(2) + " desc"));

        assertThat(ids(response, "Assets")).hasSize(5);
        assertThat(response.json().get("Assets").get(0).get("field_" + ids.get(5)).get("id").asLong())
                .isEqualTo(costCenter);
        List<List<String>> lists = StatementCounter.statementsByRequest().values().stream()
                .filter(statements -> statements.stream().anyMatch(sql -> sql.toLowerCase().contains("from asset")))
                .toList();
        assertThat(lists).hasSize(1);
        List<String> assetStatements = lists.getFirst().stream()
                .filter(sql -> sql.toLowerCase().contains("asset")).toList();
        assertThat(assetStatements).as("statements: %s", assetStatements).hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void referenceField_isNestedInXml() {
        List<Long> ids = laptopFields("ast-Xml");
        long costCenter = createOne(admin, ASSETS, "{\"Assets\":[{\"name\":\"ast-xml-cc\",\"asset_type_id\":4}]}");
        long id = createOne(admin, ASSETS, "{\"Assets\":[{\"name\":\"ast-xml-1\",\"asset_type_id\":" + ids.get(0)
                + ",\"field_" + ids.get(5) + "\":" + costCenter + "}]}");

        ApiResponse xml = admin.get(ASSETS + "/" + id, "Accept", "application/xml");

        assertThat(xml.status()).as(xml.body()).isEqualTo(200);
        assertThat(xml.body()).contains("<field_" + ids.get(5) + "><id>" + costCenter + "</id><asset_type_id>4"
                + "</asset_type_id><name>ast-xml-cc</name>");
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}

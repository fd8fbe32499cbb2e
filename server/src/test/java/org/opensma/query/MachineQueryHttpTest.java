package org.opensma.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opensma.query.SeedMachine.SeedSoftware;
import org.opensma.support.ApiClient;
import org.opensma.support.ApiResponse;
import org.opensma.support.ApiTestBase;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Paging, counts, shaping, encodings and response formats of {@code GET /api/inventory/machines},
 * as KACE clients send them. Every request filters on this class's name prefix, because all test
 * classes share one database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MachineQueryHttpTest extends ApiTestBase {

    private static final String PREFIX = "qhp-";
    private static final int MACHINES = 56;
    private static final String OWN = "filtering=" + ApiClient.encode("name st " + PREFIX);
    private static final Path STANDARD_FIXTURE = Path.of("..", "testdata", "kace-fixtures",
            "xsoar_v10_GET_inventory_machines.json");

    private ApiClient admin;
    private List<String> allIds;

    @BeforeAll
    void seedMachines() {
        ApiClient agent = client();
        for (int i = 1; i <= MACHINES; i++) {
            List<SeedSoftware> software = i % 2 == 0
                    ? List.of(new SeedSoftware("QhpOffice", "16." + i, "Contoso"), new SeedSoftware("QhpBrowser", "1",
                            "Mozilla"))
                    : List.of();
            new SeedMachine("%s%03d".formatted(PREFIX, i), i % 3 == 0 ? "Windows 11" : "Debian 12", 1024L * i,
                    "10.9.0." + i, software).ingest(agent, "qhp%03d".formatted(i));
        }
        admin = admin();
        allIds = new ArrayList<>(SeedMachine.idsByName(admin, PREFIX).values());
        assertThat(allIds).hasSize(MACHINES);
    }

    private ApiResponse list(String query, String... headers) {
        ApiResponse response = admin.get("/api/inventory/machines?" + OWN + (query.isEmpty() ? "" : "&" + query),
                headers);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response;
    }

    @Test
    void noPaging_returnsFirst50WithTotalCount() {
        ApiResponse response = list("");

        assertThat(SeedMachine.ids(response)).containsExactlyElementsOf(allIds.subList(0, 50));
        assertThat(response.json().get("Count").asLong()).isEqualTo(MACHINES);
    }

    @Test
    void limitAll_returnsEveryMachine() {
        assertThat(SeedMachine.ids(list("paging=limit%20ALL"))).containsExactlyElementsOf(allIds);
    }

    @Test
    void limitAllLowerCase_returnsEveryMachine() {
        assertThat(SeedMachine.ids(list("paging=limit%20all"))).containsExactlyElementsOf(allIds);
    }

    @Test
    void limitZero_returnsEveryMachine() {
        assertThat(SeedMachine.ids(list("paging=limit%200"))).containsExactlyElementsOf(allIds);
    }

    @Test
    void limitThenOffset_equalsOffsetThenLimit() {
        List<String> limitFirst = SeedMachine.ids(list("paging=limit%202%20offset%202"));
        List<String> offsetFirst = SeedMachine.ids(list("paging=offset%202%20limit%202"));

        assertThat(limitFirst).containsExactlyElementsOf(allIds.subList(2, 4));
        assertThat(offsetFirst).containsExactlyElementsOf(limitFirst);
    }

    @Test
    void offsetPastEnd_returnsEmptyListWithCount() {
        ApiResponse response = list("paging=limit%2010%20offset%20" + (MACHINES + 5));

        assertThat(response.json().get("Machines").isArray()).isTrue();
        assertThat(response.json().get("Machines").size()).isZero();
        assertThat(response.json().get("Count").asLong()).isEqualTo(MACHINES);
    }

    @Test
    void offsetAlone_keepsDefaultLimit() {
        ApiResponse response = list("paging=offset%201");

        assertThat(SeedMachine.ids(response)).containsExactlyElementsOf(allIds.subList(1, 51));
    }

    @Test
    void bareNumberPaging_isTheLimit() {
        assertThat(SeedMachine.ids(list("paging=50"))).containsExactlyElementsOf(allIds.subList(0, 50));
        assertThat(SeedMachine.ids(list("paging=3"))).containsExactlyElementsOf(allIds.subList(0, 3));
    }

    @Test
    void count_isTotalRegardlessOfPaging() {
        ApiResponse response = list("paging=limit%205%20offset%2010");

        assertThat(SeedMachine.ids(response)).containsExactlyElementsOf(allIds.subList(10, 15));
        assertThat(response.json().get("Count").asLong()).isEqualTo(MACHINES);
    }

    @Test
    void useCountFalse_omitsCount() {
        ApiResponse response = list("use_count=false&paging=limit%202");

        assertThat(response.json().has("Count")).isFalse();
        assertThat(SeedMachine.ids(response)).containsExactlyElementsOf(allIds.subList(0, 2));
    }

    @Test
    void useCountZero_omitsCount() {
        assertThat(list("use_count=0&paging=limit%201").json().has("Count")).isFalse();
    }

    @Test
    void clientPagingParameters_areIgnored() {
        ApiResponse response = list("page=1&pageSize=100&orgID=1");

        assertThat(SeedMachine.ids(response)).containsExactlyElementsOf(allIds.subList(0, 50));
        assertThat(response.json().get("Count").asLong()).isEqualTo(MACHINES);
    }

    @Test
    void useCountOnly_returnsOnlyCount() {
        JsonNode body = list("use_count_only=true&paging=limit%201").json();

        assertThat(body.propertyNames()).containsExactly("Count");
        assertThat(body.get("Count").asLong()).isEqualTo(MACHINES);
    }

    @Test
    void useCountOnlyFalse_returnsMachines() {
        assertThat(list("use_count_only=false&paging=limit%201").json().has("Machines")).isTrue();
    }

    @Test
    void defaultShaping_hasFixtureKeysInOrder() throws Exception {
        JsonNode fixture = JsonMapper.builder().build().readTree(Files.readAllBytes(STANDARD_FIXTURE));
        List<String> expectedKeys = new ArrayList<>(fixture.get("Machines").get(0).propertyNames());

        JsonNode machine = list("paging=limit%201").json().get("Machines").get(0);

        assertThat(new ArrayList<>(machine.propertyNames())).containsExactlyElementsOf(expectedKeys);
        for (Map.Entry<String, JsonNode> field : machine.properties()) {
            assertThat(field.getValue().isString()).as("value of %s", field.getKey()).isTrue();
        }
        assertThat(machine.get("Id").asString()).isEqualTo(allIds.getFirst());
        assertThat(machine.get("Ram Total").asString()).isEqualTo("1024 MB");
    }

    @Test
    void shapingMachineAll_addsHardwareFields() {
        JsonNode machine = list("shaping=machine%20all&paging=limit%201").json().get("Machines").get(0);

        assertThat(machine.has("Mac")).isTrue();
        assertThat(machine.get("Cs_manufacturer").asString()).isEqualTo("OpenSMA Test");
        assertThat(machine.get("Cs_model").asString()).isEqualTo("Model T");
        assertThat(machine.get("Bios_serial_number").asString()).isEqualTo("SN-qhp001");
        assertThat(machine.has("Chassis_type")).isTrue();
        assertThat(machine.has("Kuid")).isTrue();
        assertThat(machine.has("Software")).isFalse();
    }

    /** A client writes {@code machine all%20all}; its HTTP library sends the space as %20 too. */
    @Test
    void shapingRepeatedLevel_equalsSingleLevel() {
        JsonNode repeated = list("shaping=machine%20all%20all&paging=limit%202").json();
        JsonNode single = list("shaping=machine%20all&paging=limit%202").json();

        assertThat(repeated).isEqualTo(single);
    }

    @Test
    void shapingMachineLimited_returnsIdAndName() {
        JsonNode machine = list("shaping=machine%20limited&paging=limit%201").json().get("Machines").get(0);

        assertThat(machine.propertyNames()).containsExactly("Id", "Name");
        assertThat(machine.get("Name").asString()).isEqualTo(PREFIX + "001");
    }

    @Test
    void shapingSoftwareStandard_listsDisplayNameAndVersion() {
        JsonNode machines = list("shaping=machine%20all,software%20standard&paging=limit%202").json().get("Machines");

        assertThat(machines.get(0).get("Software").size()).as("software of the first machine").isZero();
        JsonNode software = machines.get(1).get("Software");
        assertThat(software.size()).isEqualTo(2);
        List<String> names = new ArrayList<>();
        for (JsonNode title : software) {
            assertThat(title.propertyNames()).contains("DISPLAY_NAME", "DISPLAY_VERSION", "PUBLISHER");
            names.add(title.get("DISPLAY_NAME").asString() + " " + title.get("DISPLAY_VERSION").asString());
        }
        assertThat(names).containsExactlyInAnyOrder("QhpOffice 16.2", "QhpBrowser 1");
    }

    @Test
    void plusEncoding_decodesAsSpace() {
        ApiResponse response = admin.get("/api/inventory/machines?shaping=machine+all&paging=limit+0"
                + "&filtering=name+st+" + PREFIX);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(SeedMachine.ids(response)).containsExactlyElementsOf(allIds);
        assertThat(response.json().get("Machines").get(0).has("Kuid")).isTrue();
    }

    @Test
    void encodedCommas_separateShapingEntries() {
        ApiResponse response = admin.get("/api/inventory/machines?shaping=machine%20all%2Csoftware%20all"
                + "&paging=offset%200%20limit%202&use_count=false&" + OWN);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().has("Count")).isFalse();
        assertThat(response.json().get("Machines").get(1).get("Software").get(0).has("CREATED")).isTrue();
    }

    @Test
    void xmlAccept_returnsWellFormedXml() throws Exception {
        ApiResponse response = list("paging=limit%202", "Accept", "application/xml");

        assertThat(response.header("Content-Type")).startsWith("application/xml");
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(response.bytes()));
        Element root = xml.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("Response");
        assertThat(root.getElementsByTagName("Count").item(0).getTextContent()).isEqualTo(Integer.toString(MACHINES));
        assertThat(root.getElementsByTagName("Machine").getLength()).isEqualTo(2);
        assertThat(root.getElementsByTagName("Ram_Total").item(0).getTextContent()).isEqualTo("1024 MB");
        assertThat(root.getElementsByTagName("Id").item(0).getTextContent()).isEqualTo(allIds.getFirst());
    }

    @Test
    void xmlAccept_nestsSoftware() throws Exception {
        ApiResponse response = list("paging=limit%201%20offset%201&shaping=software%20limited", "Accept",
                "application/xml");

        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(response.bytes()));
        assertThat(xml.getElementsByTagName("DISPLAY_NAME").getLength()).isEqualTo(2);
    }

    @Test
    void noAccept_returnsJson() {
        ApiResponse response = list("paging=limit%201");

        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.json().get("Machines").size()).isEqualTo(1);
    }

    @Test
    void anyAccept_returnsJson() {
        ApiResponse response = list("paging=limit%201", "Accept", "*/*");

        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.json().get("Warnings").isObject()).isTrue();
    }

    @Test
    void getById_returnsWrappedMachine() {
        ApiResponse response = admin.get("/api/inventory/machines/" + allIds.get(4));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(SeedMachine.ids(response)).containsExactly(allIds.get(4));
        assertThat(response.json().get("Machines").get(0).get("Name").asString()).isEqualTo(PREFIX + "005");
    }
}

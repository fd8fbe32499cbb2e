package org.opensma.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opensma.query.SeedMachine.SeedSoftware;
import org.opensma.support.ApiClient;
import org.opensma.support.ApiResponse;
import org.opensma.support.ApiTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Filtering and sorting of {@code GET /api/inventory/machines} over HTTP, with the filter forms
 * KACE clients send. Each request also filters on this class's name prefix, because all test
 * classes share one database. The rule ids (POS-REL-1, NEG-REL-1, EXISTS-1, WILDCARD-1, SHAPE-1)
 * are those of docs/query-language.md.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MachineFilterHttpTest extends ApiTestBase {

    private static final String PREFIX = "qhf-";
    private static final String DESK = PREFIX + "HQ-Desk 01";
    private static final String LAPTOP = PREFIX + "hq-laptop";
    private static final String PC1 = PREFIX + "PC-1";
    private static final String PC2 = PREFIX + "pc-2 lab";
    private static final String SERVER = PREFIX + "Server";

    @Autowired
    private DSLContext dsl;

    private ApiClient admin;
    private Map<String, String> ids;

    @BeforeAll
    void seedMachines() {
        SeedSoftware word16 = new SeedSoftware("QhfWord", "16.0", "Contoso");
        SeedSoftware word15 = new SeedSoftware("QhfWord", "15.0", "Contoso");
        SeedSoftware excel = new SeedSoftware("QhfExcel Sheet", "16.0", "Contoso");
        SeedSoftware firefox = new SeedSoftware("QhfFirefox", "128.0", "Mozilla");
        ApiClient agent = client();
        new SeedMachine(DESK, "Windows 10 Pro", 8192, "10.7.0.1", List.of(word16, excel)).ingest(agent, "qhf-desk");
        new SeedMachine(LAPTOP, "Ubuntu 24.04 Qhfunique", 16384, "10.7.0.2", List.of(firefox, word15))
                .ingest(agent, "qhf-laptop");
        new SeedMachine(PC1, "Windows 11", 4096, "10.7.0.3", List.of()).ingest(agent, "qhf-pc1");
        new SeedMachine(PC2, "macOS 14", 32768, "10.7.0.4", List.of(excel)).ingest(agent, "qhf-pc2");
        new SeedMachine(SERVER, "Debian 12", 2048, "10.7.0.5", List.of(firefox)).ingest(agent, "qhf-server");
        admin = admin();
        ids = SeedMachine.idsByName(admin, PREFIX);
        assertThat(ids).hasSize(5);
    }

    /** Lists this class's machines with {@code filtering} added after the prefix filter. */
    private ApiResponse filtered(String filtering, String... otherParameters) {
        StringBuilder query = new StringBuilder("/api/inventory/machines?paging=limit%20ALL&filtering=")
                .append(ApiClient.encode("name st " + PREFIX + (filtering.isEmpty() ? "" : "," + filtering)));
        for (String parameter : otherParameters) {
            query.append('&').append(parameter);
        }
        ApiResponse response = admin.get(query.toString());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response;
    }

    private List<String> names(ApiResponse response) {
        return response.json().get("Machines").valueStream().map(machine -> machine.get("Name").asString()).toList();
    }

    private List<String> idsOf(String... names) {
        return List.of(names).stream().map(ids::get).toList();
    }

    @Test
    void capitalisedFieldName_containsIgnoresCase() {
        assertThat(names(filtered("Name co hq"))).containsExactly(DESK, LAPTOP);
        assertThat(names(filtered("Name co HQ"))).containsExactly(DESK, LAPTOP);
    }

    @Test
    void baseEntityPrefix_isAccepted() {
        assertThat(names(filtered("machine.Name co PC"))).containsExactly(PC1, PC2);
    }

    @Test
    void nameEq_acceptsSpacesInValue() {
        assertThat(names(filtered("name eq " + PC2))).containsExactly(PC2);
        assertThat(names(filtered("name eq " + DESK.toUpperCase()))).containsExactly(DESK);
    }

    @Test
    void osNameEq_acceptsSpacesInValue() {
        assertThat(names(filtered("os_name eq windows 10 pro"))).containsExactly(DESK);
    }

    @Test
    void idIn_acceptsSemicolonList() {
        ApiResponse response = filtered("id in " + ids.get(PC1) + ";" + ids.get(SERVER));

        assertThat(SeedMachine.ids(response)).containsExactlyElementsOf(idsOf(PC1, SERVER));
    }

    @Test
    void idIn_acceptsParentheses() {
        ApiResponse response = filtered("id in (" + ids.get(LAPTOP) + ";" + ids.get(PC2) + ")");

        assertThat(SeedMachine.ids(response)).containsExactlyElementsOf(idsOf(LAPTOP, PC2));
    }

    @Test
    void idNeq_excludesOneMachine() {
        assertThat(names(filtered("id neq " + ids.get(PC1)))).containsExactly(DESK, LAPTOP, PC2, SERVER);
        assertThat(filtered("id neq 1").json().get("Count").asLong())
                .isEqualTo(ids.containsValue("1") ? 4 : 5);
    }

    @Test
    void idGt_comparesNumerically() {
        assertThat(names(filtered("id gt " + ids.get(PC1)))).containsExactly(PC2, SERVER);
    }

    /** A key with a space, such as {@code Ram Total}, is written with an underscore in a query. */
    @Test
    void ramTotal_comparesNumerically() {
        assertThat(names(filtered("Ram_Total ge 8192"))).containsExactly(DESK, LAPTOP, PC2);
        assertThat(names(filtered("ram_total lt 4096"))).containsExactly(SERVER);
    }

    /** Times are shown to the second, and a filter with a shown time matches within that second. */
    @Test
    void created_comparesShownTimeAtSeconds() {
        JsonNode machine = filtered("name eq " + SERVER).json().get("Machines").get(0);
        String created = machine.get("Created").asString();
        assertThat(created).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");

        assertThat(names(filtered("name eq " + SERVER + ",created ge " + created))).containsExactly(SERVER);
        assertThat(names(filtered("name eq " + SERVER + ",created le " + created))).containsExactly(SERVER);
        assertThat(names(filtered("name eq " + SERVER + ",created eq " + created))).containsExactly(SERVER);
        assertThat(names(filtered("name eq " + SERVER + ",created gt " + created))).isEmpty();
        assertThat(names(filtered("created gt 2020-04-12 02:28:02"))).hasSize(5);
        assertThat(names(filtered("created lt 2020-04-12"))).isEmpty();
    }

    @Test
    void softwareNameEq_restrictsWithoutAddingSoftware() {
        ApiResponse response = filtered("software.name eq qhfword");

        assertThat(names(response)).containsExactly(DESK, LAPTOP);
        assertThat(response.json().get("Machines").get(0).has("Software")).isFalse();
    }

    /**
     * A filter of one related condition is counted from the link table alone. A machine with two
     * matching titles counts once, and a machine of another organization with a title of the
     * same name does not count.
     */
    @Test
    void loneSoftwareFilter_countsMachinesOnce() {
        insertOtherOrganizationMachineWith("QhfWord");
        String filtering = "filtering=" + ApiClient.encode("software.name st qhf");

        ApiResponse list = admin.get("/api/inventory/machines?paging=limit%20ALL&" + filtering);
        ApiResponse countOnly = admin.get("/api/inventory/machines?use_count_only=true&" + filtering);

        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(names(list)).containsExactlyInAnyOrder(DESK, LAPTOP, PC2, SERVER);
        assertThat(list.json().get("Count").asLong()).isEqualTo(4);
        assertThat(countOnly.json().get("Count").asLong()).as(countOnly.body()).isEqualTo(4);
    }

    private void insertOtherOrganizationMachineWith(String title) {
        long orgId = dsl.insertInto(DSL.table("organization"), DSL.field("name"))
                .values(PREFIX + "other-org-" + System.nanoTime())
                .returningResult(DSL.field("id", Long.class)).fetchSingle().value1();
        long machineId = dsl.insertInto(DSL.table("machine"), DSL.field("org_id"), DSL.field("name"))
                .values(orgId, PREFIX + "foreign")
                .returningResult(DSL.field("id", Long.class)).fetchSingle().value1();
        long softwareId = dsl.insertInto(DSL.table("software"), DSL.field("org_id"), DSL.field("display_name"))
                .values(orgId, title)
                .returningResult(DSL.field("id", Long.class)).fetchSingle().value1();
        dsl.insertInto(DSL.table("machine_software"), DSL.field("machine_id"), DSL.field("software_id"))
                .values(machineId, softwareId)
                .execute();
    }

    @Test
    void softwareVersion_matchesOnSameOrAnyRow() {
        assertThat(names(filtered("software.version eq 128.0"))).containsExactly(LAPTOP, SERVER);
        assertThat(names(filtered("software.name eq QhfWord,software.version eq 128.0"))).containsExactly(LAPTOP);
    }

    /** NEG-REL-1: machines with no matching software match, including machines without software. */
    @Test
    void softwareNameNe_matchesMachinesWithoutThatTitle() {
        assertThat(names(filtered("software.name ne QhfWord"))).containsExactly(PC1, PC2, SERVER);
    }

    /** NEG-REL-1 for a text operator: no software title of the machine contains the text. */
    @Test
    void softwareNameNc_matchesMachinesWithoutMatchingTitle() {
        assertThat(names(filtered("software.name nc sheet"))).containsExactly(LAPTOP, PC1, SERVER);
    }

    @Test
    void softwareEx_matchesMachinesWithSoftware() {
        assertThat(names(filtered("software ex"))).containsExactly(DESK, LAPTOP, PC2, SERVER);
        assertThat(names(filtered("software.id ex"))).containsExactly(DESK, LAPTOP, PC2, SERVER);
    }

    @Test
    void softwareNex_matchesMachinesWithoutSoftware() {
        assertThat(names(filtered("software nex"))).containsExactly(PC1);
    }

    @Test
    void wildcardContains_searchesEveryTextField() {
        assertThat(names(filtered("* co qhfunique"))).containsExactly(LAPTOP);
        assertThat(names(filtered("* co 10.7.0.5"))).containsExactly(SERVER);
    }

    @Test
    void wildcardNotContains_excludesAnyFieldMatch() {
        assertThat(names(filtered("* nc windows"))).containsExactly(LAPTOP, PC2, SERVER);
    }

    @Test
    void softwareWildcard_searchesSoftwareTextFields() {
        assertThat(names(filtered("software.* co mozilla"))).containsExactly(LAPTOP, SERVER);
    }

    @Test
    void filtersJoinedByComma_allMustMatch() {
        assertThat(names(filtered("software.name eq QhfExcel Sheet,os_name st mac"))).containsExactly(PC2);
    }

    @Test
    void sortNameDesc_ordersIgnoringCase() {
        assertThat(names(filtered("", "sorting=name%20desc"))).containsExactly(SERVER, PC2, PC1, LAPTOP, DESK);
    }

    @Test
    void sortTwoKeys_appliesLeftToRight() {
        ApiResponse response = filtered("", "sorting=" + ApiClient.encode("Os_name asc,name desc"));

        assertThat(names(response)).containsExactly(SERVER, PC2, LAPTOP, DESK, PC1);
    }

    @Test
    void sortUpperCaseDirection_isAccepted() {
        assertThat(names(filtered("", "sorting=machine.Ram_Total%20DESC"))).containsExactly(PC2, LAPTOP, DESK, PC1,
                SERVER);
    }

    /** SHAPE-1: sorting by a relation adds it to the output; NULL (no software) sorts first ascending. */
    @Test
    void sortSoftwareName_includesSoftware() {
        ApiResponse response = filtered("", "sorting=" + ApiClient.encode("software.name asc,name asc"));

        assertThat(names(response)).containsExactly(PC1, DESK, PC2, LAPTOP, SERVER);
        for (JsonNode machine : response.json().get("Machines")) {
            assertThat(machine.has("Software")).as("Software of %s", machine.get("Name")).isTrue();
        }
        assertThat(response.json().get("Machines").get(2).get("Software").get(0).has("DISPLAY_VERSION")).isTrue();
    }

    @Test
    void sortSoftwareNameDesc_usesLargestTitle() {
        ApiResponse response = filtered("", "sorting=" + ApiClient.encode("software.name desc,name asc"));

        assertThat(names(response)).containsExactly(DESK, LAPTOP, SERVER, PC2, PC1);
    }

    @Test
    void encodedComma_separatesFilters() {
        ApiResponse response = admin.get("/api/inventory/machines?filtering=name+st+" + PREFIX
                + "%2Cos_name+co+windows&sorting=name+desc");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(names(response)).containsExactly(PC1, DESK);
    }
}

package org.opensma.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opensma.query.SeedMachine.SeedSoftware;
import org.opensma.support.ApiClient;
import org.opensma.support.ApiResponse;
import org.opensma.support.ApiTestBase;
import org.opensma.support.StatementCounter;

/**
 * SQL statements per list request: one count, one page query and one query per included relation,
 * whatever the number of machines on the page, so that an N+1 query fails this test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatementBudgetTest extends ApiTestBase {

    private static final String PREFIX = "qsb-";
    private static final int MACHINES = 60;
    private static final String OWN_FILTER = "name st " + PREFIX;

    private ApiClient admin;

    @BeforeAll
    void seedMachines() {
        ApiClient agent = client();
        for (int i = 0; i < MACHINES; i++) {
            new SeedMachine(PREFIX + i, "Budget OS", 1024, "10.55.0." + i,
                    List.of(new SeedSoftware("QsbTool", "1." + i, "Budget"), new SeedSoftware("QsbShared", "1", "B")))
                    .ingest(agent, "qsb" + i);
        }
        admin = admin();
    }

    /** Sends one list request, filtered to this class's machines, and returns the SQL it executed. */
    private List<String> statementsOf(String query, String filtering) {
        StatementCounter.reset();
        ApiResponse response = admin.get("/api/inventory/machines?" + query + "&filtering="
                + ApiClient.encode(OWN_FILTER + filtering));
        assertThat(response.status()).as(response.body()).isEqualTo(200);

        Map<String, List<String>> byRequest = StatementCounter.statementsByRequest();
        List<List<String>> lists = byRequest.values().stream()
                .filter(statements -> statements.stream().anyMatch(sql -> sql.toLowerCase().contains("from machine")))
                .toList();
        assertThat(lists).as("requests that read machines: %s", byRequest).hasSize(1);
        return lists.getFirst();
    }

    @Test
    void fullPageWithSoftware_costsThreeStatements() {
        List<String> statements = statementsOf("shaping=" + ApiClient.encode("machine all,software standard")
                + "&paging=" + ApiClient.encode("limit 50"), "");

        assertThat(statements).as("statements: %s", statements).hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void statementCount_doesNotGrowWithPageSize() {
        String shaping = "shaping=" + ApiClient.encode("machine all,software standard");
        List<String> small = statementsOf(shaping + "&paging=" + ApiClient.encode("limit 2"), "");
        List<String> all = statementsOf(shaping + "&paging=" + ApiClient.encode("limit ALL"), "");

        assertThat(all).as("statements: %s", all).hasSameSizeAs(small);
        assertThat(all).hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void softwareFilterAndSort_costThreeStatements() {
        List<String> statements = statementsOf("sorting=" + ApiClient.encode("software.name desc")
                + "&paging=limit%2050", ",software.name eq QsbShared");

        assertThat(statements).as("statements: %s", statements).hasSizeLessThanOrEqualTo(3);
    }
}

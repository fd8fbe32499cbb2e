package org.opensma.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opensma.organization.TestOrganizations;
import org.opensma.support.ApiClient;
import org.opensma.support.ApiResponse;
import org.opensma.support.StatementCounter;

/**
 * SQL statements of a ticket list with every relation XSOAR shapes: one count, one page and
 * one per relation, however many tickets the page holds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TicketStatementBudgetTest extends ServiceDeskTestBase {

    private static final String PREFIX = "tsb-";
    private static final int TICKETS_CREATED = 30;
    private static final String SHAPING = "hd_ticket all,submitter limited,owner limited,asset limited,"
            + "machine limited,priority limited,category limited,impact limited,status limited";

    private ApiClient agent;
    private ApiClient standardUser;

    /** Tickets owned by the administrator and submitted by a standard user, who reads the hidden-field view. */
    @BeforeAll
    void seedTickets() {
        agent = agent();
        String name = TestOrganizations.unique("sdbudget");
        TestOrganizations.createUser(agent, name, "STANDARD");
        standardUser = TestOrganizations.login(client().baseUrl(), name, TestOrganizations.PASSWORD, "Default");
        for (int i = 0; i < TICKETS_CREATED; i++) {
            create(agent, "{\"Tickets\":[{\"hd_queue_id\":1,\"title\":\"" + PREFIX + i + "\",\"owner\":1,"
                    + "\"submitter\":\"" + name + "\"}]}");
        }
    }

    private List<String> statementsOf(ApiClient reader, String paging) {
        StatementCounter.reset();
        ApiResponse response = reader.get(TICKETS + "?shaping=" + ApiClient.encode(SHAPING) + "&paging="
                + ApiClient.encode(paging) + "&filtering=" + ApiClient.encode("title st " + PREFIX));
        assertThat(response.status()).as(response.body()).isEqualTo(200);

        Map<String, List<String>> byRequest = StatementCounter.statementsByRequest();
        List<List<String>> lists = byRequest.values().stream()
                .filter(statements -> statements.stream()
                        .anyMatch(sql -> sql.toLowerCase().contains("hd_ticket_view")))
                .toList();
        assertThat(lists).as("requests that read tickets: %s", byRequest).hasSize(1);
        return lists.getFirst();
    }

    @Test
    void shapedTicketList_costsOneStatementPerRelation() {
        List<String> small = statementsOf(agent, "limit 2");
        List<String> all = statementsOf(agent, "limit ALL");

        assertThat(all).as("statements: %s", all).hasSameSizeAs(small);
        assertThat(all).as("count, page and 8 relations: %s", all).hasSizeLessThanOrEqualTo(10);
    }

    @Test
    void standardUserTicketList_costsTheSame() {
        List<String> small = statementsOf(standardUser, "limit 2");
        List<String> all = statementsOf(standardUser, "limit ALL");

        assertThat(all).as("statements: %s", all).hasSameSizeAs(small);
        assertThat(all).as("count, page and 8 relations: %s", all).hasSizeLessThanOrEqualTo(10);
        assertThat(all.getFirst().toLowerCase()).contains("hd_ticket_user_view");
    }
}

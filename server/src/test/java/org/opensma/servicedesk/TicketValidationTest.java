package org.opensma.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensma.organization.TestOrganizations;
import org.opensma.organization.TestOrganizations.Org;
import org.opensma.support.ApiClient;
import org.opensma.support.ApiResponse;
import tools.jackson.databind.JsonNode;

/**
 * Ticket writes are checked against the ticket's queue and organization: a bad value is a
 * 400 that names the field and the accepted values, and changes nothing.
 */
class TicketValidationTest extends ServiceDeskTestBase {

    private ApiClient agent;

    @BeforeEach
    void logIn() {
        agent = agent();
    }

    @Test
    void statusOfAnotherQueue_isRejectedWithTheAcceptedStatuses() {
        long foreignStatus = otherOrganizationsStatus();

        ApiResponse response = agent.post(TICKETS, "{\"Tickets\":[{\"hd_queue_id\":1,\"title\":\"bad status\","
                + "\"status\":" + foreignStatus + "}]}", "Content-Type", JSON);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errorCode").asInt()).isEqualTo(1600);
        assertThat(response.json().get("errorDescription").asString())
                .contains("'status'", String.valueOf(foreignStatus), "queue 1", "1 (Opened)", "4 (New)");
        assertThat(titles("bad status")).isZero();
    }

    @Test
    void unknownPriorityName_andUnknownUser_machineAndAsset_areRejected() {
        assertRejected("{\"priority\":\"Urgent\"}", "'priority'", "2 (High)");
        assertRejected("{\"owner\":{\"id\":987654}}", "'owner'", "987654");
        assertRejected("{\"submitter\":\"nobody-here\"}", "'submitter'", "nobody-here");
        assertRejected("{\"machine\":987654}", "'machine'", "987654");
        assertRejected("{\"asset\":987654}", "'asset'", "987654");
        assertRejected("{\"asset\":\"no-such-asset\"}", "'asset'", "no-such-asset");
        assertRejected("{\"due_date\":\"next week\"}", "'due_date'", "YYYY-MM-DD");
        assertRejected("{\"custom_21\":\"x\"}", "custom_21", "custom_20");
    }

    @Test
    void missingRequiredTitle_andMissingQueue_areRejected() {
        ApiResponse noTitle = agent.post(TICKETS, "{\"Tickets\":[{\"hd_queue_id\":1,\"summary\":\"no title\"}]}",
                "Content-Type", JSON);
        assertThat(noTitle.status()).isEqualTo(400);
        assertThat(noTitle.json().get("errorCode").asInt()).isEqualTo(1601);
        assertThat(noTitle.json().get("errorDescription").asString()).contains("'title'", "queue 1");

        ApiResponse noQueue = agent.post(TICKETS, "{\"Tickets\":[{\"title\":\"no queue\"}]}", "Content-Type", JSON);
        assertThat(noQueue.status()).isEqualTo(400);
        assertThat(noQueue.json().get("errorDescription").asString()).contains("hd_queue_id");

        long id = create(agent, "{\"Tickets\":[{\"hd_queue_id\":1,\"title\":\"keeps its title\"}]}");
        ApiResponse emptied = update(agent, id, "{\"Tickets\":[{\"title\":\"\"}]}");
        assertThat(emptied.status()).isEqualTo(400);
        assertThat(ticket(agent, id, null).get("title").asString()).isEqualTo("keeps its title");
    }

    @Test
    void failedBatch_createsNothing() {
        ApiResponse response = agent.post(TICKETS, "{\"Tickets\":[{\"hd_queue_id\":1,\"title\":\"batch one\"},"
                + "{\"hd_queue_id\":1,\"title\":\"batch two\",\"impact\":99999}]}", "Content-Type", JSON);

        assertThat(response.status()).isEqualTo(400);
        assertThat(titles("batch one")).isZero();
    }

    @Test
    void badBodies_areClientErrors() {
        assertThat(agent.post(TICKETS, "not json", "Content-Type", JSON).status()).isEqualTo(400);
        assertThat(agent.post(TICKETS, "{\"Tickets\":[]}", "Content-Type", JSON).status()).isEqualTo(400);
        assertThat(agent.post(TICKETS, "{\"Tickets\":[{\"hd_queue_id\":987654,\"title\":\"x\"}]}",
                "Content-Type", JSON).status()).isEqualTo(400);
        long id = create(agent, "{\"Tickets\":[{\"hd_queue_id\":1,\"title\":\"move me\"}]}");
        assertThat(update(agent, id, "{\"Tickets\":[{\"id\":" + (id + 1) + ",\"title\":\"x\"}]}").status())
                .isEqualTo(400);
        assertThat(update(agent, id, "{\"Tickets\":[{\"change\":{\"text\":\"x\"}}]}").status()).isEqualTo(400);
        assertThat(agent.get(TICKETS + "/abc").status()).isEqualTo(400);
    }

    private void assertRejected(String fields, String... fragments) {
        String title = TestOrganizations.unique("rejected");
        String body = "{\"Tickets\":[{\"hd_queue_id\":1,\"title\":\"" + title + "\"," + fields.substring(1) + "]}";
        ApiResponse response = agent.post(TICKETS, body, "Content-Type", JSON);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("errorDescription").asString()).contains(fragments);
        assertThat(titles(title)).isZero();
    }

    private int titles(String title) {
        JsonNode tickets = agent.get(TICKETS + "?filtering=" + ApiClient.encode("title eq " + title)).json()
                .get("Tickets");
        return tickets.size();
    }

    private long otherOrganizationsStatus() {
        ApiClient admin = agent();
        Org org = TestOrganizations.create(admin, TestOrganizations.unique("Foreign"));
        TestOrganizations.switchTo(admin, org.id());
        JsonNode template = admin.get(QUEUES).json().get("Queues").get(0);
        return admin.get(QUEUES + "/" + template.get("id").asLong() + "/ticket_template").json().get("Tickets")
                .get(0).get("status").get("id").asLong();
    }
}

package org.opensma.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opensma.organization.TestOrganizations;
import org.opensma.organization.TestOrganizations.Org;
import org.opensma.servicedesk.persistence.QueueSeedRepository;
import org.opensma.servicedesk.persistence.QueueSeedRepository.LayoutField;
import org.opensma.support.ApiClient;
import org.opensma.support.ApiResponse;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Tickets move to another queue of their organization when an update names it: values the
 * request sends are checked against the new queue, the others are mapped by name or take the
 * new queue's defaults, and the history records the move.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TicketQueueMoveTest extends ServiceDeskTestBase {

    private static final String VALUES = "hd_ticket all,status all,priority all,impact all,"
            + "category all";

    @Autowired
    private QueueSeedRepository seeds;

    private ApiClient admin;
    private Org org;
    private long seeded;
    private long facilities;

    /**
     * An organization with its seeded queue and a second queue, Facilities, which has Opened
     * and Triage (default) statuses, High and Normal (default) priorities, one impact, Other
     * and Printers (default) categories, and requires title and cc_list. No route creates
     * queues, so the test writes it through the seed repository.
     */
    @BeforeAll
    void organizationWithTwoQueues() {
        admin = agent();
        org = TestOrganizations.create(admin, TestOrganizations.unique("Move"));
        TestOrganizations.switchTo(admin, org.id());
        seeded = admin.get(QUEUES).json().get("Queues").get(0).get("id").asLong();

        facilities = seeds.insertQueue(org.id(), "Facilities");
        seeds.insertValue("hd_status", org.id(), facilities, "Opened", 0, Map.of("state", "opened"));
        long triage = seeds.insertValue("hd_status", org.id(), facilities, "Triage", 1, Map.of("state", "stalled"));
        seeds.insertValue("hd_priority", org.id(), facilities, "High", 0, Map.of("color", "red"));
        long normal = seeds.insertValue("hd_priority", org.id(), facilities, "Normal", 1, Map.of("color", ""));
        long single = seeds.insertValue("hd_impact", org.id(), facilities, "One room", 0, Map.of());
        seeds.insertValue("hd_category", org.id(), facilities, "Other", 0, Map.of());
        long printers = seeds.insertValue("hd_category", org.id(), facilities, "Printers", 1, Map.of());
        seeds.setDefaults(facilities, triage, normal, single, printers);
        seeds.insertField(org.id(), facilities, new LayoutField("TITLE", "title", "TITLE", "title", "text", "Title",
                1, "all", "usercreate"));
        seeds.insertField(org.id(), facilities, new LayoutField("CC_LIST", "cc_list", "CC_LIST", "cc_list", "text",
                "CC List", 2, "all", "usercreate"));
    }

    private long ticketInSeededQueue(String title) {
        return create(admin, "{\"Tickets\":[{\"hd_queue_id\":" + seeded + ",\"title\":\"" + title + "\","
                + "\"status\":\"Opened\",\"priority\":\"High\",\"impact\":\"Many people cannot work\","
                + "\"category\":\"Other\"}]}");
    }

    @Test
    void move_mapsValuesByNameElseDefaults() {
        long id = ticketInSeededQueue("leaking roof");

        ApiResponse moved = update(admin, id, "{\"Tickets\":[{\"hd_queue_id\":" + facilities + ","
                + "\"cc_list\":\"facilities@example.org\"}]}");

        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        JsonNode ticket = ticket(admin, id, VALUES);
        assertThat(ticket.get("hd_queue_id").asLong()).isEqualTo(facilities);
        assertThat(ticket.get("status").get("name").asString()).isEqualTo("Opened");
        assertThat(ticket.get("status").get("hd_queue_id").asLong()).isEqualTo(facilities);
        assertThat(ticket.get("priority").get("name").asString()).isEqualTo("High");
        assertThat(ticket.get("priority").get("hd_queue_id").asLong()).isEqualTo(facilities);
        assertThat(ticket.get("category").get("name").asString()).isEqualTo("Other");
        assertThat(ticket.get("impact").get("name").asString()).isEqualTo("One room");
        assertThat(ticket.get("cc_list").asString()).isEqualTo("facilities@example.org");

        JsonNode changes = admin.get(TICKETS + "/" + id + "/changes").json().get("Changes");
        String description = changes.get(changes.size() - 1).get("description").asString();
        assertThat(description).contains("Changed ticket Queue from \"The K1000 Service Desk\" to \"Facilities\".",
                "Changed ticket Impact from \"Many people cannot work\" to \"One room\".");
        assertThat(description).doesNotContain("Status", "Priority", "Category");
    }

    @Test
    void move_takesValuesSentInSameRequest() {
        long id = ticketInSeededQueue("broken lamp");

        ApiResponse moved = update(admin, id, "{\"Tickets\":[{\"hd_queue_id\":" + facilities + ","
                + "\"cc_list\":\"x@example.org\",\"status\":\"Triage\",\"priority\":\"Normal\"}]}");

        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        JsonNode ticket = ticket(admin, id, VALUES);
        assertThat(ticket.get("status").get("name").asString()).isEqualTo("Triage");
        assertThat(ticket.get("priority").get("name").asString()).isEqualTo("Normal");
    }

    @Test
    void move_withBadValues_isRejectedAndChangesNothing() {
        long id = ticketInSeededQueue("stays put");

        ApiResponse badStatus = update(admin, id, "{\"Tickets\":[{\"hd_queue_id\":" + facilities + ","
                + "\"cc_list\":\"x@example.org\",\"status\":\"Closed\"}]}");
        assertThat(badStatus.status()).as(badStatus.body()).isEqualTo(400);
        assertThat(badStatus.json().get("errorCode").asInt()).isEqualTo(1600);
        assertThat(badStatus.json().get("errorDescription").asString())
                .contains("'status'", "Facilities", "(Opened)", "(Triage)");

        ApiResponse missing = update(admin, id, "{\"Tickets\":[{\"hd_queue_id\":" + facilities + "}]}");
        assertThat(missing.status()).as(missing.body()).isEqualTo(400);
        assertThat(missing.json().get("errorCode").asInt()).isEqualTo(1601);
        assertThat(missing.json().get("errorDescription").asString()).contains("'cc_list'", "Facilities");

        ApiResponse unknown = update(admin, id, "{\"Tickets\":[{\"hd_queue_id\":987654}]}");
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.json().get("errorDescription").asString()).contains("hd_queue_id", "987654");

        ApiResponse otherOrganization = update(admin, id, "{\"Tickets\":[{\"hd_queue_id\":1}]}");
        assertThat(otherOrganization.status()).as(otherOrganization.body()).isEqualTo(400);

        JsonNode ticket = ticket(admin, id, VALUES);
        assertThat(ticket.get("hd_queue_id").asLong()).isEqualTo(seeded);
        assertThat(ticket.get("status").get("hd_queue_id").asLong()).isEqualTo(seeded);
    }

    @Test
    void standardUser_cannotMoveOwnTicket() {
        String name = TestOrganizations.unique("sdmover");
        TestOrganizations.createUser(admin, name, "STANDARD");
        ApiClient user = TestOrganizations.login(client().baseUrl(), name, TestOrganizations.PASSWORD, org.name());
        long id = create(user, "{\"Tickets\":[{\"hd_queue_id\":" + seeded + ",\"title\":\"mine\"}]}");

        ApiResponse moved = update(user, id, "{\"Tickets\":[{\"hd_queue_id\":" + facilities + "}]}");

        assertThat(moved.status()).as(moved.body()).isEqualTo(403);
        assertThat(moved.json().get("errorDescription").asString()).contains("moving tickets between queues");
        assertThat(ticket(admin, id, null).get("hd_queue_id").asLong()).isEqualTo(seeded);
    }
}

package org.opensma.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensma.organization.TestOrganizations;
import org.opensma.support.ApiClient;
import org.opensma.support.ApiResponse;
import org.opensma.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Tickets as the XSOAR integration, KaceSMA and smaller KACE clients create,
 * update, list and delete them, compared with the responses those clients recorded.
 */
class TicketApiTest extends ServiceDeskTestBase {

    private static final String CUSTOM_SHAPING = "hd_ticket all,submitter limited,owner limited, asset limited,"
            + "machine limited,priority limited,category limited, impact limited,status limited";

    @Autowired
    private TestClock clock;

    private ApiClient agent;

    @BeforeEach
    void logIn() {
        agent = agent();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** XSOAR re-reads a new ticket with filtering=id eq N. */
    @Test
    void defaultShaping_returnsExactlyTheFixtureKeys() {
        long id = create(agent, "{\"Tickets\":[{\"hd_queue_id\":\"1\",\"title\":\"test1\"}]}");

        JsonNode ticket = ticket(agent, id, null);

        assertThat(keys(ticket)).isEqualTo(keys(fixtureItem(
                "xsoar_readme_GET_tickets_filtering_id_eq_35_after_create.json", "Tickets", 0)));
        assertThat(ticket.get("due_date").asString()).isEqualTo("0000-00-00 00:00:00");
        assertThat(ticket.get("id").isNumber()).isTrue();
        assertThat(agent.get(TICKETS + "/" + id).json().get("Tickets").get(0).get("title").asString())
                .isEqualTo("test1");
        ApiResponse xml = agent.get(TICKETS + "/" + id + "?shaping=" + ApiClient.encode("hd_ticket all,status limited"),
                "Accept", "application/xml");
        assertThat(xml.status()).as(xml.body()).isEqualTo(200);
        assertThat(xml.body()).contains("<title>test1</title>", "<status><id>4</id><name>New</name>");
    }

    /** Relation objects with the fixture's keys; absent relations and dates left out. */
    @Test
    void customShaping_givesRelationObjectsWithTheFixtureKeys() {
        long machine = manualMachine("sd-shaped-pc");
        long asset = deviceAsset("sd-shaped-asset");
        long withoutOwner = create(agent, "{\"Tickets\":[{\"hd_queue_id\":1,\"title\":\"TestCustomFieldsUI\"}]}");
        long withMachine = create(agent, "{\"Tickets\":[{\"hd_queue_id\":1,\"title\":\"Corona Alert\","
                + "\"machine\":" + machine + ",\"asset\":{\"id\":" + asset + "},\"owner\":{\"id\":1},"
                + "\"due_date\":\"\"}]}");

        JsonNode plain = ticket(agent, withoutOwner, CUSTOM_SHAPING);
        JsonNode fixture = fixtureItem("xsoar_readme_GET_service_desk_tickets_custom_shaping.json", "Tickets", 4);
        assertThat(keys(plain)).isEqualTo(keys(fixture));
        for (String relation : List.of("submitter", "priority", "category", "impact", "status")) {
            assertThat(keys(plain.get(relation))).as(relation).isEqualTo(keys(fixture.get(relation)));
        }
        assertThat(plain.get("status").get("name").asString()).isEqualTo("New");
        assertThat(plain.get("submitter").get("user_name").asString()).isEqualTo("admin");

        JsonNode full = ticket(agent, withMachine, CUSTOM_SHAPING);
        JsonNode shapedOne = fixtureItem("xsoar_v10_GET_service_desk_tickets_shaped_one.json", "Tickets", 0);
        assertThat(keys(full.get("machine"))).isEqualTo(keys(shapedOne.get("machine")));
        assertThat(keys(full.get("asset"))).isEqualTo(keys(shapedOne.get("asset")));
        assertThat(full.get("asset").get("id").asLong()).isEqualTo(asset);
        assertThat(full.get("asset").get("asset_type_id").asInt()).isEqualTo(5);
        assertThat(plain.has("asset")).as("a ticket without asset has no asset object").isFalse();
        assertThat(keys(full.get("owner"))).isEqualTo(keys(shapedOne.get("submitter")));
        assertThat(full.has("due_date")).as("a cleared due date is left out").isFalse();
        assertThat(full.get("machine").get("name").asString()).isEqualTo("sd-shaped-pc");

        ApiResponse related = agent.get(TICKETS + "?shaping=" + ApiClient.encode(CUSTOM_SHAPING
                + ",related_tickets limited,referring_tickets limited,custom_1 limited,title limited"));
        assertThat(related.status()).as(related.body()).isEqualTo(200);
    }

    /** Every body form clients send creates a ticket. */
    @Test
    void create_acceptsEveryClientBodyForm() {
        long machine = manualMachine("sd-forms-pc");
        long asset = deviceAsset("sd-forms-asset");
        List<String> bodies = List.of(
                // KaceSMA documentation: scalar ids, a manual due date, a custom field.
                "{\"Tickets\":[{\"hd_queue_id\":1,\"title\":\"I was built by API\",\"summary\":\"Look it's working!\","
                        + "\"category\":1,\"impact\":2,\"status\":4,\"priority\":1,\"owner\":{\"id\":1},"
                        + "\"submitter\":{\"id\":1},\"machine\":" + machine + ",\"asset\":" + asset + ","
                        + "\"due_date\":\"2024-7-12 8:00:00\",\"is_manual_due_date\":1,\"cc_list\":\"\","
                        + "\"resolution\":\"\",\"custom_1\":\"my_custom_text\"}]}",
                // {"id": n} objects everywhere.
                "{\"Tickets\":[{\"hd_queue_id\":1,\"title\":\"objects\",\"status\":{\"id\":1},"
                        + "\"priority\":{\"id\":2},\"category\":{\"id\":3},\"impact\":{\"id\":1},"
                        + "\"submitter\":1}]}",
                // XSOAR: ids as strings, names it could not map.
                "{\"Tickets\":[{\"hd_queue_id\":\"1\",\"title\":\"strings\",\"status\":\"4\",\"priority\":\"High\","
                        + "\"category\":\"Software\",\"custom_19\":\"nineteen\"}]}",
                // Kace_AI_POC: queue, title and summary only.
                "{\"Tickets\":[{\"hd_queue_id\":1,\"title\":\"minimal\",\"summary\":\"from a script\"}]}",
                // Approval requested at creation.
                "{\"Tickets\":[{\"hd_queue_id\":1,\"title\":\"needs approval\","
                        + "\"approval_info\":{\"approver\":{\"id\":1},\"approve_state\":\"opened\"}}]}");
        List<Long> ids = new ArrayList<>();
        for (String body : bodies) {
            ids.add(create(agent, body));
        }

        JsonNode documented = ticket(agent, ids.get(0), "hd_ticket all,machine limited,status limited,owner limited");
        assertThat(documented.get("custom_1").asString()).isEqualTo("my_custom_text");
        assertThat(documented.get("due_date").asString()).isEqualTo("2024-07-12 08:00:00");
        assertThat(documented.get("is_manual_due_date").asInt()).isEqualTo(1);
        assertThat(documented.get("machine").get("id").asLong()).isEqualTo(machine);
        assertThat(ticket(agent, ids.get(0), "hd_ticket all,asset limited").get("asset").get("id").asLong())
                .isEqualTo(asset);
        assertThat(documented.get("status").get("id").asLong()).isEqualTo(4);
        JsonNode strings = ticket(agent, ids.get(2), "hd_ticket all,priority limited,category limited");
        assertThat(strings.get("priority").get("name").asString()).isEqualTo("High");
        assertThat(strings.get("category").get("name").asString()).isEqualTo("Software");
        assertThat(strings.get("custom_19").asString()).isEqualTo("nineteen");
        JsonNode approval = ticket(agent, ids.get(4), "hd_ticket all,approver limited");
        assertThat(approval.get("approval_state").asString()).isEqualTo("opened");
        assertThat(approval.get("approver").get("id").asLong()).isEqualTo(1);
    }

    @Test
    void relatedTickets_areListedBothWays_andSortedByQueueByDefault() {
        long first = create(agent, "{\"Tickets\":[{\"hd_queue_id\":1,\"title\":\"printer down\"}]}");
        long second = create(agent, "{\"Tickets\":[{\"hd_queue_id\":1,\"title\":\"printer down again\","
                + "\"related_tickets\":[" + first + "]}]}");

        JsonNode referred = ticket(agent, first, "hd_ticket limited,referring_tickets limited");
        JsonNode referring = ticket(agent, second, "hd_ticket limited,related_tickets limited");

        assertThat(referred.get("referring_tickets").get(0).get("id").asLong()).isEqualTo(second);
        assertThat(referring.get("related_tickets").get(0).get("id").asLong()).isEqualTo(first);
        ApiResponse bad = update(agent, second, "{\"Tickets\":[{\"related_tickets\":[987654]}]}");
        assertThat(bad.status()).isEqualTo(400);
        ApiResponse list = agent.get(TICKETS + "?paging=limit%20ALL");
        List<Long> queues = new ArrayList<>();
        list.json().get("Tickets").forEach(ticket -> queues.add(ticket.get("hd_queue_id").asLong()));
        assertThat(queues).isSorted();
    }

    /** XSOAR updates with POST, KaceSMA with PUT; modified moves, closing sets the time closed. */
    @Test
    void update_byPostAndPut_changesModifiedAndClosesTickets() {
        long id = create(agent, "{\"Tickets\":[{\"hd_queue_id\":1,\"title\":\"test1\"}]}");
        String created = ticket(agent, id, null).get("modified").asString();
        clock.advance(Duration.ofMinutes(3));

        ApiResponse post = update(agent, id, "{\"Tickets\":[{\"title\":\"updated test1\",\"due_date\":null}]}");
        assertThat(post.status()).as(post.body()).isEqualTo(200);
        assertThat(post.json().get("Result").asString()).isEqualTo("Success");
        JsonNode updated = ticket(agent, id, null);
        assertThat(updated.get("title").asString()).isEqualTo("updated test1");
        assertThat(updated.get("modified").asString()).isNotEqualTo(created);
        assertThat(updated.has("due_date")).isFalse();

        ApiResponse put = agent.put(TICKETS + "/" + id, "{\"Tickets\":[{\"status\":2,\"resolution\":\"done\"}]}",
                "Content-Type", JSON);
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        JsonNode closed = ticket(agent, id, "hd_ticket all,status limited");
        assertThat(closed.get("status").get("state").asString()).isEqualTo("closed");
        assertThat(closed.get("time_closed").asString()).isNotEqualTo("0000-00-00 00:00:00");

        update(agent, id, "{\"Tickets\":[{\"status\":5}]}");
        assertThat(ticket(agent, id, "hd_ticket all").has("time_closed")).as("reopened").isFalse();
    }

    @Test
    void delete_removesTheTicket_andAnswersSuccess() {
        long id = create(agent, "{\"Tickets\":[{\"hd_queue_id\":1,\"title\":\"to delete\"}]}");

        ApiResponse deleted = agent.delete(TICKETS + "/" + id, "Content-Type", JSON);

        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        assertThat(deleted.json().get("Result").asString()).isEqualTo("Success");
        assertThat(agent.get(TICKETS + "/" + id).status()).isEqualTo(404);
        assertThat(agent.delete(TICKETS + "/" + id).status()).isEqualTo(404);
    }

    /** Filters clients send, and the list's own parameters. */
    @Test
    void filters_relationsWildcardAndSpecialParameters() {
        String owner = TestOrganizations.unique("sdowner");
        long ownerId = TestOrganizations.createUser(agent, owner, "ADMIN");
        long open = create(agent, "{\"Tickets\":[{\"hd_queue_id\":1,\"title\":\"filter open\",\"owner\":"
                + ownerId + "}]}");
        long closed = create(agent, "{\"Tickets\":[{\"hd_queue_id\":1,\"title\":\"filter closed\",\"owner\":\""
                + owner + "\",\"status\":2}]}");

        assertThat(ids("owner.user_name eq " + owner, "")).containsExactly(open, closed);
        assertThat(ids("owner.user_name eq " + owner + ",status.state neq closed", "")).containsExactly(open);
        assertThat(ids("* eq " + owner, "")).containsExactly(open, closed);
        assertThat(ids("* co test " + owner.substring(0, 6), "")).contains(open, closed);
        assertThat(ids("owner.user_name eq " + owner + ",hd_status.name eq closed", "")).containsExactly(closed);
        assertThat(ids("owner.user_name eq " + owner, "&BY_STATE_TICKETS=all_notclosed&QUEUE_ID=0"))
                .containsExactly(open);
        assertThat(ids("owner.user_name eq " + owner, "&QUEUE_ID=1")).containsExactly(open, closed);
        String before = LocalDateTime.now().minusHours(30).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        assertThat(ids("created gt " + before + ",hd_queue_id in 1;3,owner.user_name eq " + owner, ""))
                .containsExactly(open, closed);
        assertThat(ids("hd_ticket.id eq " + open, "")).containsExactly(open);
        assertThat(agent.get(TICKETS + "?BY_STATE_TICKETS=sometimes").status()).isEqualTo(400);
    }

    /** The due date follows the priority's SLA unless it was set by hand. */
    @Test
    void dueDate_followsThePrioritySla() {
        ApiClient admin = agent();
        var org = TestOrganizations.create(admin, TestOrganizations.unique("Sla"));
        TestOrganizations.switchTo(admin, org.id());
        JsonNode template = admin.get(QUEUES).json().get("Queues").get(0);
        long queueId = template.get("id").asLong();
        JsonNode priorities = admin.get(QUEUES + "/" + queueId + "?shaping=" + ApiClient.encode(
                "hd_queue limited,priorities all")).json().get("Queues").get(0).get("priorities");
        long high = 0;
        for (JsonNode priority : priorities) {
            if (priority.get("name").asString().equals("High")) {
                high = priority.get("id").asLong();
            }
        }
        ApiResponse sla = admin.put(QUEUES + "/" + queueId, "{\"Queues\":[{\"priorities\":[{\"id\":" + high
                + ",\"sla_minutes\":240}]}]}", "Content-Type", JSON);
        assertThat(sla.status()).as(sla.body()).isEqualTo(200);

        long ticket = create(admin, "{\"Tickets\":[{\"hd_queue_id\":" + queueId + ",\"title\":\"urgent\","
                + "\"priority\":" + high + "}]}");
        JsonNode shown = ticket(admin, ticket, "hd_ticket all,priority limited");
        LocalDateTime createdAt = LocalDateTime.parse(shown.get("created").asString().replace(' ', 'T'));
        assertThat(shown.get("due_date").asString().replace(' ', 'T')).isEqualTo(createdAt.plusHours(4).toString()
                .length() == 16 ? createdAt.plusHours(4) + ":00" : createdAt.plusHours(4).toString());
        assertThat(shown.get("priority").get("is_sla_enabled").asInt()).isEqualTo(1);
    }

    private List<Long> ids(String filtering, String extra) {
        ApiResponse response = agent.get(TICKETS + "?filtering=" + ApiClient.encode(filtering) + extra);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        response.json().get("Tickets").forEach(ticket -> ids.add(ticket.get("id").asLong()));
        return ids;
    }

    /** Registers a Device asset by hand, as clients create assets. */
    private long deviceAsset(String name) {
        ApiResponse created = agent.post("/api/asset/assets", "{\"Assets\":[{\"name\":\"" + name
                + "\",\"asset_type_id\":5}]}", "Content-Type", JSON);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        return created.json().get("IDs").get(0).asLong();
    }

    private long manualMachine(String name) {
        ApiResponse created = agent.post("/api/inventory/machines", "{\"Machines\":[{\"Name\":\"" + name + "\"}]}",
                "Content-Type", JSON);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        return created.json().get("IDs").get(0).asLong();
    }
}

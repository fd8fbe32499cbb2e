package org.opensma.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opensma.organization.TestOrganizations;
import org.opensma.organization.TestOrganizations.Org;
import org.opensma.support.ApiClient;
import org.opensma.support.ApiResponse;
import tools.jackson.databind.JsonNode;

/** Queues, their seeded values and field layout, as XSOAR and cookie-only clients read them. */
class QueueApiTest extends ServiceDeskTestBase {

    @Test
    void firstOrganization_hasTheAppliancesFirstQueueWithItsIds() {
        ApiClient agent = agent();
        JsonNode queue = agent.get(QUEUES + "/1").json().get("Queues").get(0);
        assertThat(queue.get("name").asString()).isEqualTo("The K1000 Service Desk");

        JsonNode template = agent.get(QUEUES + "/1/ticket_template").json().get("Tickets").get(0);
        assertThat(template.get("status").get("id").asLong()).isEqualTo(4);
        assertThat(template.get("status").get("name").asString()).isEqualTo("New");
        assertThat(template.get("priority").get("name").asString()).isEqualTo("Medium");
        assertThat(template.get("priority").get("id").asLong()).isEqualTo(1);
        assertThat(template.get("category").get("id").asLong()).isEqualTo(2);
        assertThat(template.get("impact").get("id").asLong()).isEqualTo(1);

        JsonNode statuses = agent.get(QUEUES + "/1?shaping=" + ApiClient.encode("hd_queue limited,statuses all"))
                .json().get("Queues").get(0).get("statuses");
        List<String> names = new ArrayList<>();
        statuses.forEach(status -> names.add(status.get("id").asLong() + " " + status.get("name").asString() + " "
                + status.get("state").asString()));
        assertThat(names).containsExactly("1 Opened opened", "2 Closed closed", "3 Need More Info stalled",
                "4 New stalled", "5 Reopened opened", "6 Waiting Overdue stalled", "7 Waiting on Customer stalled",
                "8 Waiting on Third Party stalled");
    }

    /** A cookie-only session: cookies and a version header, no CSRF or token header. */
    @Test
    void queueFields_withCookieOnlySession_matchTheFixtureKeys() {
        ApiClient client = client().header("x-kace-api-version", "5");
        client.login("admin", ADMIN_PASSWORD);

        ApiResponse response = client.get(QUEUES + "/1/fields");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode fields = response.json().get("Fields");
        JsonNode title = find(fields, "title");
        assertThat(keys(title)).isEqualTo(keys(fixtureItem("xsoar_v10_GET_service_desk_queues_1_fields.json",
                "Fields", 0)));
        assertThat(title.get("required").asString()).isEqualTo("all");
        assertThat(keys(find(fields, "referring_tickets")))
                .isEqualTo(keys(fixtureItem("xsoar_v10_GET_service_desk_queues_1_fields.json", "Fields", 3)));
        assertThat(find(fields, "impact").get("column").asString()).isEqualTo("HD_IMPACT_ID");
        assertThat(find(fields, "custom_20").get("type").asString()).isEqualTo("text");
    }

    @Test
    void queuesWithFieldsAll_embedTheLayoutWithTheFixtureKeys() {
        ApiResponse response = agent().get(QUEUES + "?shaping=" + ApiClient.encode("fields all"));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode queue = response.json().get("Queues").get(0);
        JsonNode fixture = fixtureItem("xsoar_v10_GET_service_desk_queues_shaping_fields_all.json", "Queues", 0);
        assertThat(keys(queue)).isEqualTo(keys(fixture));
        assertThat(keys(queue.get("fields").get(1))).isEqualTo(keys(fixture.get("fields").get(1)));
        assertThat(queue.get("fields").get(1).get("hd_ticket_field_name").asString()).isEqualTo("title");
        JsonNode created = null;
        for (JsonNode field : queue.get("fields")) {
            if (field.get("name").asString().equals("CREATED")) {
                created = field;
            }
        }
        assertThat(created).isNotNull();
        assertThat(created.has("hd_ticket_field_name")).isFalse();
    }

    @Test
    void newOrganization_getsTheSeededQueue_andAdministratorsEditItsLayout() {
        ApiClient admin = agent();
        Org org = TestOrganizations.create(admin, TestOrganizations.unique("Desk"));
        TestOrganizations.switchTo(admin, org.id());
        JsonNode queue = admin.get(QUEUES).json().get("Queues").get(0);
        long queueId = queue.get("id").asLong();
        assertThat(queue.get("name").asString()).isEqualTo("The K1000 Service Desk");
        assertThat(admin.get(QUEUES + "/1").status()).isEqualTo(404);

        ApiResponse edit = admin.put(QUEUES + "/" + queueId, """
                {"Queues":[{"name":"IT","fields":[{"jsonKey":"custom_1","label":"Room","visible":"usercreate",
                "required":"all"}]}]}""", "Content-Type", JSON);
        assertThat(edit.status()).as(edit.body()).isEqualTo(200);

        JsonNode room = find(admin.get(QUEUES + "/" + queueId + "/fields").json().get("Fields"), "custom_1");
        assertThat(room.get("label").asString()).isEqualTo("Room");
        assertThat(room.get("required").asString()).isEqualTo("all");
        assertThat(admin.get(QUEUES + "/" + queueId).json().get("Queues").get(0).get("name").asString())
                .isEqualTo("IT");
        ApiResponse bad = admin.put(QUEUES + "/" + queueId, "{\"Queues\":[{\"fields\":[{\"jsonKey\":\"title\","
                + "\"visible\":\"everyone\"}]}]}", "Content-Type", JSON);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errorDescription").asString()).contains("usercreate");
    }

    @Test
    void administrators_addAndChangeQueueValues_whichTicketsThenAccept() {
        ApiClient admin = agent();
        Org org = TestOrganizations.create(admin, TestOrganizations.unique("Values"));
        TestOrganizations.switchTo(admin, org.id());
        long queueId = admin.get(QUEUES).json().get("Queues").get(0).get("id").asLong();

        ApiResponse edit = admin.put(QUEUES + "/" + queueId, """
                {"Queues":[{"statuses":[{"name":"Escalated","state":"opened","ordinal":8}],
                "categories":[{"name":"Printers"}],
                "priorities":[{"name":"Critical","color":"red","sla_minutes":60}]}]}""", "Content-Type", JSON);
        assertThat(edit.status()).as(edit.body()).isEqualTo(200);

        long ticket = create(admin, "{\"Tickets\":[{\"hd_queue_id\":" + queueId + ",\"title\":\"jam\","
                + "\"status\":\"Escalated\",\"category\":\"Printers\",\"priority\":\"Critical\"}]}");
        JsonNode shown = ticket(admin, ticket, "hd_ticket all,status limited,category limited,priority limited");
        assertThat(shown.get("status").get("name").asString()).isEqualTo("Escalated");
        assertThat(shown.get("category").get("name").asString()).isEqualTo("Printers");
        assertThat(shown.get("priority").get("is_sla_enabled").asInt()).isEqualTo(1);
        long statusId = shown.get("status").get("id").asLong();

        ApiResponse rename = admin.put(QUEUES + "/" + queueId, "{\"Queues\":[{\"statuses\":[{\"id\":" + statusId
                + ",\"name\":\"Escalated to L2\"}]}]}", "Content-Type", JSON);
        assertThat(rename.status()).as(rename.body()).isEqualTo(200);
        assertThat(ticket(admin, ticket, "hd_ticket limited,status limited").get("status").get("name").asString())
                .isEqualTo("Escalated to L2");
        ApiResponse badState = admin.put(QUEUES + "/" + queueId, "{\"Queues\":[{\"statuses\":[{\"name\":\"X\","
                + "\"state\":\"done\"}]}]}", "Content-Type", JSON);
        assertThat(badState.status()).isEqualTo(400);
        assertThat(badState.json().get("errorDescription").asString()).contains("stalled");
        ApiResponse foreign = admin.put(QUEUES + "/" + queueId, "{\"Queues\":[{\"impacts\":[{\"id\":1,"
                + "\"name\":\"mine\"}]}]}", "Content-Type", JSON);
        assertThat(foreign.status()).as("impact 1 belongs to the queue of Default").isEqualTo(400);
    }

    @Test
    void deletingAnOrganization_takesItsQueuesAndTicketsAlong() {
        ApiClient admin = agent();
        Org org = TestOrganizations.create(admin, TestOrganizations.unique("Gone"));
        TestOrganizations.switchTo(admin, org.id());
        long queueId = admin.get(QUEUES).json().get("Queues").get(0).get("id").asLong();
        long ticket = create(admin, "{\"Tickets\":[{\"hd_queue_id\":" + queueId + ",\"title\":\"doomed\"}]}");
        update(admin, ticket, "{\"Tickets\":[{\"change\":{\"comment\":\"bye\"}}]}");
        TestOrganizations.switchTo(admin, 1);

        ApiResponse deleted = admin.delete("/ams/shared/api/organizations/" + org.id());

        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        assertThat(admin.get(TICKETS + "/" + ticket).status()).isEqualTo(404);
    }

    static JsonNode find(JsonNode fields, String jsonKey) {
        for (JsonNode field : fields) {
            if (field.get("jsonKey").asString().equals(jsonKey)) {
                return field;
            }
        }
        throw new AssertionError("no field " + jsonKey + " in " + fields);
    }
}

package org.opensma.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opensma.organization.TestOrganizations;
import org.opensma.organization.TestOrganizations.Org;
import org.opensma.support.ApiClient;
import org.opensma.support.ApiResponse;
import tools.jackson.databind.JsonNode;

/**
 * Standard users read their tickets without the fields the ticket's queue marks userhidden,
 * in lists, single reads and XML, and filters and sorts treat those fields as absent.
 * Administrators see every field.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TicketFieldVisibilityTest extends ServiceDeskTestBase {

    private ApiClient admin;
    private ApiClient user;
    private long queueId;
    private long ticketId;

    /**
     * An organization of its own, whose queue shows custom_2 and hides the owner, so that
     * the other tests keep the seeded layout; one ticket of the user with values in both.
     */
    @BeforeAll
    void ticketInQueueWithChangedLayout() {
        admin = agent();
        Org org = TestOrganizations.create(admin, TestOrganizations.unique("Hidden"));
        TestOrganizations.switchTo(admin, org.id());
        queueId = admin.get(QUEUES).json().get("Queues").get(0).get("id").asLong();
        ApiResponse layout = admin.put(QUEUES + "/" + queueId, """
                {"Queues":[{"fields":[{"jsonKey":"custom_2","visible":"uservisible"},
                {"jsonKey":"owner","visible":"userhidden"}]}]}""", "Content-Type", JSON);
        assertThat(layout.status()).as(layout.body()).isEqualTo(200);

        String name = TestOrganizations.unique("sdhidden");
        TestOrganizations.createUser(admin, name, "STANDARD");
        user = TestOrganizations.login(client().baseUrl(), name, TestOrganizations.PASSWORD, org.name());
        ticketId = create(admin, "{\"Tickets\":[{\"hd_queue_id\":" + queueId + ",\"title\":\"hidden values\","
                + "\"submitter\":\"" + name + "\",\"owner\":\"admin\",\"custom_1\":\"secret\","
                + "\"custom_2\":\"shown\",\"cc_list\":\"boss@example.org\",\"due_date\":\"2030-01-02 03:04:05\"}]}");
    }

    @Test
    void standardUserList_leavesOutHiddenFields() {
        String shaping = "hd_ticket all,owner limited,submitter limited";
        JsonNode listed = ticket(user, ticketId, shaping);

        assertThat(listed.get("title").asString()).isEqualTo("hidden values");
        assertThat(listed.get("custom_2").asString()).isEqualTo("shown");
        assertThat(listed.has("submitter")).as(listed.toString()).isTrue();
        assertThat(listed.has("custom_1")).as(listed.toString()).isFalse();
        assertThat(listed.has("cc_list")).as(listed.toString()).isFalse();
        assertThat(listed.has("due_date")).as(listed.toString()).isFalse();
        assertThat(listed.has("is_manual_due_date")).as(listed.toString()).isFalse();
        assertThat(listed.has("owner")).as(listed.toString()).isFalse();

        ApiResponse single = user.get(TICKETS + "/" + ticketId + "?shaping=" + ApiClient.encode(shaping));
        assertThat(single.status()).as(single.body()).isEqualTo(200);
        JsonNode got = single.json().get("Tickets").get(0);
        assertThat(keys(got)).isEqualTo(keys(listed));
    }

    @Test
    void standardUserXml_leavesOutHiddenFields() {
        ApiResponse xml = user.get(TICKETS + "/" + ticketId + "?shaping=" + ApiClient.encode("hd_ticket all"),
                "Accept", "application/xml");

        assertThat(xml.status()).as(xml.body()).isEqualTo(200);
        assertThat(xml.body()).contains("<custom_2>shown</custom_2>");
        assertThat(xml.body()).doesNotContain("secret", "boss@example.org", "<due_date>");
    }

    @Test
    void administrator_seesHiddenFields() {
        JsonNode shown = ticket(admin, ticketId, "hd_ticket all,owner limited");

        assertThat(shown.get("custom_1").asString()).isEqualTo("secret");
        assertThat(shown.get("cc_list").asString()).isEqualTo("boss@example.org");
        assertThat(shown.get("due_date").asString()).isEqualTo("2030-01-02 03:04:05");
        assertThat(shown.get("owner").get("user_name").asString()).isEqualTo("admin");
    }

    @Test
    void standardUserFilters_treatHiddenFieldsAsAbsent() {
        assertThat(count(admin, "custom_1 eq secret")).isEqualTo(1);
        assertThat(count(user, "custom_1 eq secret")).isZero();
        assertThat(count(user, "cc_list co boss")).isZero();
        assertThat(count(user, "owner.user_name eq admin")).isZero();
        assertThat(count(user, "owner_user_name eq admin")).isZero();
        assertThat(count(user, "* eq secret")).isZero();
        assertThat(count(user, "custom_2 eq shown")).isEqualTo(1);
        assertThat(count(user, "id eq " + ticketId)).isEqualTo(1);
    }

    @Test
    void standardUserSort_onHiddenFieldSucceeds() {
        ApiResponse sorted = user.get(TICKETS + "?sorting=" + ApiClient.encode("custom_1 desc,due_date asc"));

        assertThat(sorted.status()).as(sorted.body()).isEqualTo(200);
        assertThat(sorted.json().get("Count").asInt()).isEqualTo(1);
    }

    private static int count(ApiClient client, String filter) {
        ApiResponse response = client.get(TICKETS + "?use_count_only=true&filtering=" + ApiClient.encode(filter));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("Count").asInt();
    }
}

package org.opensma.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opensma.organization.TestOrganizations;
import org.opensma.support.ApiClient;
import org.opensma.support.ApiResponse;

/**
 * Standard users open and comment their own tickets within the queue's field visibility and
 * see no other ticket; read-only administrators change nothing.
 */
class TicketStandardUserTest extends ServiceDeskTestBase {

    @Test
    void standardUser_seesAndChangesOnlyOwnTickets_withinFieldVisibility() {
        ApiClient agent = agent();
        String name = TestOrganizations.unique("sduser");
        long userId = TestOrganizations.createUser(agent, name, "STANDARD");
        ApiClient user = TestOrganizations.login(client().baseUrl(), name, TestOrganizations.PASSWORD, "Default");
        long others = create(agent, "{\"Tickets\":[{\"hd_queue_id\":1,\"title\":\"not theirs\"}]}");

        long own = create(user, "{\"Tickets\":[{\"hd_queue_id\":1,\"title\":\"my printer\",\"summary\":\"jams\","
                + "\"category\":3}]}");

        assertThat(ticket(user, own, "hd_ticket all,submitter limited").get("submitter").get("id").asLong())
                .isEqualTo(userId);
        assertThat(user.get(TICKETS).json().get("Count").asInt()).isEqualTo(1);
        assertThat(user.get(TICKETS + "/" + others).status()).isEqualTo(404);
        assertThat(update(user, others, "{\"Tickets\":[{\"title\":\"mine now\"}]}").status()).isEqualTo(404);
        assertThat(user.get(TICKETS + "/" + others + "/changes").status()).isEqualTo(404);

        ApiResponse status = update(user, own, "{\"Tickets\":[{\"status\":2}]}");
        assertThat(status.status()).isEqualTo(403);
        assertThat(status.json().get("errorCode").asInt()).isEqualTo(1606);
        assertThat(status.json().get("errorDescription").asString()).contains("'status'", "uservisible");
        ApiResponse onBehalf = user.post(TICKETS, "{\"Tickets\":[{\"hd_queue_id\":1,\"title\":\"x\","
                + "\"submitter\":1}]}", "Content-Type", JSON);
        assertThat(onBehalf.status()).isEqualTo(403);

        ApiResponse comment = update(user, own, "{\"Tickets\":[{\"change\":{\"comment\":\"still jams\"}}]}");
        assertThat(comment.status()).as(comment.body()).isEqualTo(200);
        assertThat(user.delete(TICKETS + "/" + own).status()).isEqualTo(403);
    }

    @Test
    void readOnlyAdministrator_readsButChangesNothing() {
        ApiClient agent = agent();
        String name = TestOrganizations.unique("sdreader");
        TestOrganizations.createUser(agent, name, "READ_ONLY_ADMIN");
        ApiClient reader = TestOrganizations.login(client().baseUrl(), name, TestOrganizations.PASSWORD, "Default");
        long id = create(agent, "{\"Tickets\":[{\"hd_queue_id\":1,\"title\":\"read only\"}]}");

        assertThat(reader.get(TICKETS + "/" + id).status()).isEqualTo(200);
        ApiResponse created = reader.post(TICKETS, "{\"Tickets\":[{\"hd_queue_id\":1,\"title\":\"x\"}]}",
                "Content-Type", JSON);
        assertThat(created.status()).isEqualTo(403);
        assertThat(created.json().get("errorCode").asInt()).isEqualTo(1003);
        assertThat(update(reader, id, "{\"Tickets\":[{\"title\":\"changed\"}]}").status()).isEqualTo(403);
        assertThat(reader.post(TICKETS + "/" + id + "/work", "{\"Work\":[{\"note\":\"x\"}]}", "Content-Type", JSON)
                .status()).isEqualTo(403);
        assertThat(ticket(agent, id, null).get("title").asString()).isEqualTo("read only");
    }
}

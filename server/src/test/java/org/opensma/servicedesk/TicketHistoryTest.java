package org.opensma.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensma.organization.TestOrganizations;
import org.opensma.support.ApiClient;
import org.opensma.support.ApiResponse;
import tools.jackson.databind.JsonNode;

/** A ticket's history: comments, work, approvals and attachments, read back from /changes. */
class TicketHistoryTest extends ServiceDeskTestBase {

    private static final String BOUNDARY = "sd-boundary-7f3a";

    private ApiClient agent;

    @BeforeEach
    void logIn() {
        agent = agent();
    }

    @Test
    void changes_startWithTheCreation_andListCommentsAndWork() {
        long id = create(agent, "{\"Tickets\":[{\"hd_queue_id\":1,\"title\":\"history\"}]}");
        assertThat(update(agent, id, "{\"Tickets\":[{\"change\":{\"comment\":\"first comment\"}}]}").status())
                .isEqualTo(200);
        assertThat(update(agent, id, "{\"Tickets\":[{\"status\":1}]}").status()).isEqualTo(200);
        ApiResponse work = agent.post(TICKETS + "/" + id + "/work", "{\"Work\":[{\"note\":\"replaced toner\"}]}",
                "Content-Type", JSON);
        assertThat(work.status()).as(work.body()).isEqualTo(200);
        assertThat(work.json().get("Result").asString()).isEqualTo("Success");

        ApiResponse response = agent.get(TICKETS + "/" + id + "/changes?shaping="
                + ApiClient.encode("hd_ticket_change all,attachments all,user limited"));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode changes = response.json().get("Changes");
        assertThat(changes).hasSize(4);
        assertThat(changes.get(0).get("description").asString()).isEqualTo("Ticket Created");
        assertThat(changes.get(0).get("user").get("user_name").asString()).isEqualTo("admin");
        assertThat(changes.get(1).get("comment").asString()).isEqualTo("first comment");
        assertThat(changes.get(2).get("description").asString())
                .isEqualTo("Changed ticket Status from \"New\" to \"Opened\".");
        assertThat(changes.get(3).get("kind").asString()).isEqualTo("WORK");
        assertThat(changes.get(3).get("comment").asString()).isEqualTo("replaced toner");
        assertThat(agent.post(TICKETS + "/" + id + "/work", "{\"Work\":[{\"hours\":2}]}", "Content-Type", JSON)
                .status()).isEqualTo(400);
    }

    @Test
    void approvals_areDecidedByTheApprover_andRecorded() {
        String approverName = TestOrganizations.unique("sdapprover");
        long approverId = TestOrganizations.createUser(agent, approverName, "STANDARD");
        long id = create(agent, "{\"Tickets\":[{\"hd_queue_id\":1,\"title\":\"new laptop\",\"approval_info\":"
                + "{\"approver\":{\"id\":" + approverId + "},\"approve_state\":\"opened\"}}]}");
        long noApprover = create(agent, "{\"Tickets\":[{\"hd_queue_id\":1,\"title\":\"no approver\"}]}");
        ApiClient approver = TestOrganizations.login(client().baseUrl(), approverName, TestOrganizations.PASSWORD,
                "Default");
        String note = "{\"approvalData\":[{\"approvalNote\":\"budget ok\"}]}";

        ApiResponse approved = approver.post(TICKETS + "/" + id + "/approve", note, "Content-Type", JSON);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(ticket(agent, id, "hd_ticket all").get("approval_state").asString()).isEqualTo("approved");

        assertThat(agent.post(TICKETS + "/" + id + "/reject", note, "Content-Type", JSON).status()).isEqualTo(200);
        assertThat(ticket(agent, id, "hd_ticket all").get("approval_state").asString()).isEqualTo("rejected");
        assertThat(agent.post(TICKETS + "/" + id + "/clearApproval", note, "Content-Type", JSON).status())
                .isEqualTo(200);
        assertThat(ticket(agent, id, "hd_ticket all").get("approval_state").asString()).isEqualTo("opened");

        ApiResponse without = agent.post(TICKETS + "/" + noApprover + "/approve", note, "Content-Type", JSON);
        assertThat(without.status()).isEqualTo(409);
        assertThat(without.json().get("errorDescription").asString()).contains("no approver");
        JsonNode changes = agent.get(TICKETS + "/" + id + "/changes").json().get("Changes");
        assertThat(changes.get(1).get("comment").asString()).isEqualTo("budget ok");
        assertThat(changes.get(1).get("description").asString()).contains("\"approved\"");
    }

    @Test
    void attachments_areUploadedWithAComment_andDownloaded() throws Exception {
        long id = create(agent, "{\"Tickets\":[{\"hd_queue_id\":1,\"title\":\"with a log\"}]}");
        byte[] log = "line one\nline two\n".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> upload = multipart(id, Map.of("comment", "log attached"), "printer.log", "text/plain",
                log);

        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(200);
        JsonNode changes = agent.get(TICKETS + "/" + id + "/changes?shaping="
                + ApiClient.encode("hd_ticket_change all,attachments all")).json().get("Changes");
        JsonNode change = changes.get(1);
        assertThat(change.get("comment").asString()).isEqualTo("log attached");
        JsonNode attachment = change.get("attachments").get(0);
        assertThat(attachment.get("file_name").asString()).isEqualTo("printer.log");
        assertThat(attachment.get("file_size").asLong()).isEqualTo(log.length);

        ApiResponse download = agent.get(TICKETS + "/" + id + "/changes/" + change.get("id").asLong()
                + "/attachments/" + attachment.get("id").asLong());
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.bytes()).isEqualTo(log);
        assertThat(download.header("Content-Type")).startsWith("text/plain");
        assertThat(download.header("Content-Disposition")).contains("attachment", "printer.log");
        assertThat(agent.get(TICKETS + "/" + id + "/changes/" + changes.get(0).get("id").asLong()
                + "/attachments/" + attachment.get("id").asLong()).status()).isEqualTo(404);
    }

    @Test
    void attachments_overTheSizeOrOfARefusedType_areRejected() throws Exception {
        long id = create(agent, "{\"Tickets\":[{\"hd_queue_id\":1,\"title\":\"limits\"}]}");

        HttpResponse<String> large = multipart(id, Map.of(), "big.bin", "application/octet-stream",
                new byte[600 * 1024]);
        HttpResponse<String> html = multipart(id, Map.of(), "page.html", "text/html",
                "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));

        assertThat(large.statusCode()).as(large.body()).isEqualTo(413);
        assertThat(large.body()).contains("1603", "big.bin", "524288");
        assertThat(html.statusCode()).as(html.body()).isEqualTo(415);
        assertThat(html.body()).contains("1604", "text/html", "image/png");
        assertThat(agent.get(TICKETS + "/" + id + "/changes").json().get("Changes")).hasSize(1);
    }

    /** Sends a multipart update as a browser form would, with the session's cookies. */
    private HttpResponse<String> multipart(long id, Map<String, String> fields, String fileName, String type,
            byte[] content) throws Exception {
        List<byte[]> parts = new ArrayList<>();
        fields.forEach((name, value) -> parts.add(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        parts.add(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        parts.add(content);
        parts.add(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        StringBuilder cookies = new StringBuilder();
        agent.cookies().forEach((name, value) -> cookies.append(name).append('=').append(value).append("; "));
        HttpRequest request = HttpRequest.newBuilder(URI.create(agent.baseUrl() + TICKETS + "/" + id))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .header("Cookie", cookies.toString())
                .header("x-kace-api-version", "8")
                .POST(HttpRequest.BodyPublishers.ofByteArrays(parts))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}

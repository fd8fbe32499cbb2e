package org.opensma.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.opensma.organization.TestOrganizations;
import org.opensma.support.ApiClient;
import org.opensma.support.TestMailServer;

/**
 * Submitter and owner get an e-mail when their ticket is created, commented and closed,
 * through the SMTP server (GreenMail) that the tests start.
 */
class TicketMailTest extends ServiceDeskTestBase {

    @Test
    void submitterAndOwner_getMailOnCreateCommentAndClose() throws Exception {
        ApiClient agent = agent();
        String owner = TestOrganizations.unique("sdmailowner");
        String submitter = TestOrganizations.unique("sdmailsubmitter");
        long ownerId = TestOrganizations.createUser(agent, owner, "ADMIN");
        long submitterId = TestOrganizations.createUser(agent, submitter, "STANDARD");

        long id = create(agent, "{\"Tickets\":[{\"hd_queue_id\":1,\"title\":\"mail me\",\"summary\":\"broken\","
                + "\"owner\":" + ownerId + ",\"submitter\":" + submitterId + "}]}");
        update(agent, id, "{\"Tickets\":[{\"change\":{\"comment\":\"we are on it\"}}]}");
        update(agent, id, "{\"Tickets\":[{\"status\":2,\"resolution\":\"replaced\"}]}");

        List<MimeMessage> mails = mailsOf(id, 3);
        assertThat(subjects(mails)).containsExactlyInAnyOrder("[TICK:" + id + "] created: mail me",
                "[TICK:" + id + "] new comment: mail me", "[TICK:" + id + "] closed: mail me");
        for (MimeMessage mail : mails) {
            Set<String> to = new TreeSet<>();
            for (Address address : mail.getAllRecipients()) {
                to.add(address.toString());
            }
            assertThat(to).containsExactly(owner + "@example.test", submitter + "@example.test");
        }
        MimeMessage comment = mails.stream().filter(mail -> subject(mail).contains("new comment")).findFirst()
                .orElseThrow();
        assertThat(comment.getContent().toString()).contains("we are on it");
    }

    /**
     * Waits for the server's mail thread, at most 20 seconds, for {@code count} mails of the
     * ticket. GreenMail keeps one copy per recipient; copies share the subject and are counted once.
     */
    private static List<MimeMessage> mailsOf(long ticketId, int count) throws InterruptedException {
        List<MimeMessage> found = new ArrayList<>();
        for (int attempt = 0; attempt < 200 && found.size() < count; attempt++) {
            found.clear();
            Set<String> seen = new TreeSet<>();
            for (MimeMessage mail : TestMailServer.received()) {
                if (subject(mail).startsWith("[TICK:" + ticketId + "]") && seen.add(subject(mail))) {
                    found.add(mail);
                }
            }
            if (found.size() < count) {
                Thread.sleep(100);
            }
        }
        return found;
    }

    private static List<String> subjects(List<MimeMessage> mails) {
        return mails.stream().map(TicketMailTest::subject).toList();
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}

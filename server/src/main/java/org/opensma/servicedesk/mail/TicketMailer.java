package org.opensma.servicedesk.mail;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opensma.servicedesk.persistence.TicketRepository;
import org.opensma.servicedesk.persistence.TicketRepository.TicketUser;
import org.opensma.servicedesk.service.ServiceDeskProperties;
import org.opensma.servicedesk.service.TicketEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells a ticket's submitter and owner by e-mail that it was created, commented or closed.
 * Mail goes out after the write has committed, on another thread, so a slow or failing
 * SMTP server neither delays nor fails a ticket write; failures are logged at WARN. Without
 * {@code spring.mail.host} Spring Boot makes no mail sender and nothing is sent.
 */
@Component
class TicketMailer {

    private static final Logger log = LoggerFactory.getLogger(TicketMailer.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final TicketRepository tickets;
    private final ServiceDeskProperties properties;
    private final TaskExecutor executor;

    TicketMailer(ObjectProvider<JavaMailSender> sender, TicketRepository tickets, ServiceDeskProperties properties,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        this.sender = sender;
        this.tickets = tickets;
        this.properties = properties;
        this.executor = executor;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void ticketChanged(TicketEvent event) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            return;
        }
        executor.execute(() -> send(mail, event));
    }

    private void send(JavaMailSender mail, TicketEvent event) {
        try {
            Optional<Map<String, Object>> ticket = tickets.find(event.orgId(), event.ticketId());
            if (ticket.isEmpty()) {
                return;
            }
            Set<String> recipients = new LinkedHashSet<>();
            for (String column : new String[] {"submitter_id", "owner_id"}) {
                Object userId = ticket.get().get(column);
                if (userId != null) {
                    tickets.user(event.orgId(), (Long) userId).map(TicketUser::email)
                            .filter(email -> !email.isBlank()).ifPresent(recipients::add);
                }
            }
            if (recipients.isEmpty()) {
                return;
            }
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(properties.mailFrom());
            message.setTo(recipients.toArray(String[]::new));
            message.setSubject(TicketMessages.subject(event, ticket.get()));
            message.setText(TicketMessages.body(event, ticket.get()));
            mail.send(message);
            log.info("Ticket mail sent org={} ticket={} kind={} recipients={}", event.orgId(), event.ticketId(),
                    event.kind(), recipients.size());
        } catch (RuntimeException e) {
            // MailException and database errors alike: a notification never fails the write it reports.
            log.warn("Ticket mail failed org={} ticket={} kind={}: {}", event.orgId(), event.ticketId(),
                    event.kind(), e.toString());
        }
    }
}

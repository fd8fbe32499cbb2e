package org.opensma.servicedesk.mail;

import java.util.Map;
import org.opensma.servicedesk.service.TicketEvent;

/** Subject and text of the notifications. */
final class TicketMessages {

    private TicketMessages() {
    }

    static String subject(TicketEvent event, Map<String, Object> ticket) {
        String what = switch (event.kind()) {
            case CREATED -> "created";
            case COMMENTED -> "new comment";
            case CLOSED -> "closed";
        };
        return "[TICK:" + event.ticketId() + "] " + what + ": " + ticket.get("title");
    }

    static String body(TicketEvent event, Map<String, Object> ticket) {
        StringBuilder text = new StringBuilder();
        text.append("Ticket ").append(event.ticketId()).append(": ").append(ticket.get("title")).append("\n\n");
        switch (event.kind()) {
            case CREATED -> text.append("The ticket was created.\n\n").append(ticket.get("summary"));
            case COMMENTED -> text.append("A comment was added:\n\n").append(event.comment());
            case CLOSED -> text.append("The ticket was closed.\n\nResolution: ").append(ticket.get("resolution"));
        }
        return text.append('\n').toString();
    }
}

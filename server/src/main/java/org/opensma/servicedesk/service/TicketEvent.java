package org.opensma.servicedesk.service;

/**
 * Something that happened to a ticket that its submitter and owner hear about by e-mail.
 * Published inside the write's transaction; the mailer acts only after the commit.
 */
public record TicketEvent(long orgId, long ticketId, Kind kind, String comment, long actorId) {

    public enum Kind {
        CREATED,
        COMMENTED,
        CLOSED
    }
}

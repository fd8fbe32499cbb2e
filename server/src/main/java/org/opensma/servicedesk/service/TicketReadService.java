package org.opensma.servicedesk.service;

import org.opensma.account.SmaPrincipal;
import org.opensma.platform.web.ApiError;
import org.opensma.servicedesk.persistence.ChangeRepository;
import org.opensma.servicedesk.persistence.ChangeRepository.StoredAttachment;
import org.opensma.servicedesk.persistence.TicketRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads that the list executor does not serve: visibility checks and attachment bytes. */
@Service
public class TicketReadService {

    private final TicketRepository tickets;
    private final ChangeRepository changes;

    TicketReadService(TicketRepository tickets, ChangeRepository changes) {
        this.tickets = tickets;
        this.changes = changes;
    }

    /** A 404 unless the caller may see the ticket. */
    @Transactional(readOnly = true)
    public void requireVisible(long ticketId, SmaPrincipal caller) {
        if (!tickets.visible(caller.orgId(), ticketId, TicketAccess.changeable(caller))) {
            throw ApiError.NOT_FOUND.exception("Ticket " + ticketId + " not found");
        }
    }

    @Transactional(readOnly = true)
    public StoredAttachment attachment(long ticketId, long changeId, long attachmentId, SmaPrincipal caller) {
        requireVisible(ticketId, caller);
        return changes.attachment(caller.orgId(), ticketId, changeId, attachmentId)
                .orElseThrow(() -> ApiError.NOT_FOUND.exception("Attachment " + attachmentId + " of change "
                        + changeId + " of ticket " + ticketId + " not found"));
    }
}

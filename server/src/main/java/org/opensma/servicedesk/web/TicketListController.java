package org.opensma.servicedesk.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jooq.Condition;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.opensma.account.Module;
import org.opensma.account.SmaPrincipal;
import org.opensma.platform.query.EntityView;
import org.opensma.platform.query.ListQueryExecutor;
import org.opensma.platform.query.ListRequest;
import org.opensma.platform.query.RawQueries;
import org.opensma.platform.security.Access;
import org.opensma.platform.security.CurrentPrincipal;
import org.opensma.platform.web.PathIds;
import org.opensma.servicedesk.service.TicketReadService;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ticket reads: {@code /api/service_desk/tickets} with the query language and the
 * appliance's parameters {@code QUEUE_ID} and {@code BY_STATE_TICKETS}, one ticket, and
 * its history under {@code /changes}.
 */
@RestController
@Access(Module.SERVICE_DESK)
class TicketListController {

    private final ListQueryExecutor lists;
    private final EntityView tickets;
    private final EntityView changes;
    private final TicketReadService reads;

    TicketListController(ListQueryExecutor lists, EntityView ticketView, EntityView changeView,
            TicketReadService reads) {
        this.lists = lists;
        this.tickets = ticketView;
        this.changes = changeView;
        this.reads = reads;
    }

    @GetMapping("/api/service_desk/tickets")
    void list(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SmaPrincipal caller = CurrentPrincipal.get();
        Condition special = TicketParameters.condition(request.getParameter("QUEUE_ID"),
                request.getParameter("BY_STATE_TICKETS"));
        ListRequest list = ListRequest.list(tickets, TicketParameters.query(RawQueries.from(request)), caller)
                .where(special);
        lists.execute(list, request.getHeader(HttpHeaders.ACCEPT), response);
    }

    @GetMapping("/api/service_desk/tickets/{id}")
    void get(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        SmaPrincipal caller = CurrentPrincipal.get();
        long ticketId = PathIds.parse(id, "ticket id");
        ListRequest single = ListRequest.single(tickets, TicketParameters.query(RawQueries.from(request)), caller,
                ticketId, "Ticket " + ticketId + " not found");
        lists.execute(single, request.getHeader(HttpHeaders.ACCEPT), response);
    }

    /** The ticket's history, oldest first, so the first entry is the creation. */
    @GetMapping("/api/service_desk/tickets/{id}/changes")
    void changes(@PathVariable String id, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        SmaPrincipal caller = CurrentPrincipal.get();
        long ticketId = PathIds.parse(id, "ticket id");
        reads.requireVisible(ticketId, caller);
        ListRequest list = ListRequest.list(changes, RawQueries.from(request), caller)
                .where(DSL.field(DSL.name("hd_ticket_change", "hd_ticket_id"), SQLDataType.BIGINT).eq(ticketId));
        lists.execute(list, request.getHeader(HttpHeaders.ACCEPT), response);
    }
}

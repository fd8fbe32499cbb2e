package org.opensma.servicedesk.service;

import org.jooq.Condition;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.opensma.account.AccessLevel;
import org.opensma.account.Module;
import org.opensma.account.SmaPrincipal;
import org.opensma.platform.web.ApiError;

/**
 * Who may change which tickets. Roles with WRITE on the service desk change every ticket
 * of the organization. Standard users read the service desk only, yet a help desk needs
 * them to open and comment their own tickets: they change the tickets they submitted,
 * own or must approve, within their queue's field visibility. Other roles only read.
 */
final class TicketAccess {

    private TicketAccess() {
    }

    static boolean isAgent(SmaPrincipal caller) {
        return caller.permissions().level(Module.SERVICE_DESK) == AccessLevel.WRITE;
    }

    static boolean isStandardUser(SmaPrincipal caller) {
        return !isAgent(caller) && caller.role().ownRecordsOnly();
    }

    /** Refuses callers that may change no ticket. */
    static void requireWrite(SmaPrincipal caller, String action) {
        if (!isAgent(caller) && !caller.role().ownRecordsOnly()) {
            throw ApiError.ACCESS_DENIED.exception(action + " (helpdesk: "
                    + caller.permissions().level(Module.SERVICE_DESK) + ")");
        }
    }

    /** The hd_ticket rows the caller may change. */
    static Condition changeable(SmaPrincipal caller) {
        if (!isStandardUser(caller)) {
            return DSL.noCondition();
        }
        var submitter = DSL.field(DSL.name("submitter_id"), SQLDataType.BIGINT);
        var owner = DSL.field(DSL.name("owner_id"), SQLDataType.BIGINT);
        var approver = DSL.field(DSL.name("approver_id"), SQLDataType.BIGINT);
        return submitter.eq(caller.userId()).or(owner.eq(caller.userId())).or(approver.eq(caller.userId()));
    }
}

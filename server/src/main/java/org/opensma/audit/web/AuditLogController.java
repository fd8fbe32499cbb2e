package org.opensma.audit.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.opensma.account.Module;
import org.opensma.account.SmaPrincipal;
import org.opensma.platform.query.EntityView;
import org.opensma.platform.query.ListQueryExecutor;
import org.opensma.platform.query.ListRequest;
import org.opensma.platform.query.RawQueries;
import org.opensma.platform.security.Access;
import org.opensma.platform.security.CurrentPrincipal;
import org.opensma.platform.web.PathIds;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/audit_log}: the security events of the caller's organization, read through
 * the query language (filtering, sorting, paging, shaping) under the envelope key
 * {@code AuditLog}. Reading needs access to the settings module.
 */
@RestController
@Access(Module.SETTINGS)
class AuditLogController {

    private final ListQueryExecutor lists;
    private final EntityView auditEvents;

    AuditLogController(ListQueryExecutor lists, EntityView auditEventView) {
        this.lists = lists;
        this.auditEvents = auditEventView;
    }

    @Access(Module.SETTINGS)
    @GetMapping("/api/audit_log")
    void list(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SmaPrincipal caller = CurrentPrincipal.get();
        ListRequest list = ListRequest.list(auditEvents, RawQueries.from(request), caller);
        lists.execute(list, request.getHeader(HttpHeaders.ACCEPT), response);
    }

    @Access(Module.SETTINGS)
    @GetMapping("/api/audit_log/{id}")
    void get(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        SmaPrincipal caller = CurrentPrincipal.get();
        long eventId = PathIds.parse(id, "audit event id");
        ListRequest single = ListRequest.single(auditEvents, RawQueries.from(request), caller, eventId,
                "Audit event " + eventId + " not found");
        lists.execute(single, request.getHeader(HttpHeaders.ACCEPT), response);
    }
}

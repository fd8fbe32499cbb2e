package org.opensma.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opensma.account.SmaPrincipal;
import org.opensma.account.service.SecurityContextService;
import org.opensma.audit.AuditEventType;
import org.opensma.audit.AuditLog;
import org.opensma.platform.security.CurrentPrincipal;
import org.opensma.platform.security.KaceCookie;
import org.opensma.platform.security.SelfService;
import org.opensma.platform.security.Sessions;
import org.opensma.platform.web.ApiError;
import org.opensma.platform.web.PathIds;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The session's security context: switching the organization it works in, and reloading
 * the role and permissions from the database. Each returns the resulting context.
 */
@RestController
@RequestMapping("/ams/shared/api/security")
class SecurityContextController {

    private final SecurityContextService contexts;
    private final Sessions sessions;
    private final AuditLog auditLog;

    SecurityContextController(SecurityContextService contexts, Sessions sessions, AuditLog auditLog) {
        this.contexts = contexts;
        this.sessions = sessions;
        this.auditLog = auditLog;
    }

    @SelfService
    @PostMapping("/organization/switch")
    Map<String, Object> switchByParameter(@RequestParam(required = false) String organizationId,
            HttpServletRequest request, HttpServletResponse response) {
        if (organizationId == null) {
            throw ApiError.INVALID_PARAMETER.exception("", "organizationId",
                    "send the id of the organization as ?organizationId=N");
        }
        return switchTo(PathIds.parse(organizationId, "organizationId"), request, response);
    }

    @SelfService
    @PostMapping("/organization/{id}/switchto")
    Map<String, Object> switchByPath(@PathVariable String id, HttpServletRequest request,
            HttpServletResponse response) {
        return switchTo(PathIds.parse(id, "organization id"), request, response);
    }

    @SelfService
    @GetMapping("/refreshcontext")
    Map<String, Object> refresh(HttpServletRequest request, HttpServletResponse response) {
        SmaPrincipal reloaded = contexts.reload(CurrentPrincipal.get());
        sessions.replace(reloaded, false, request, response);
        return context(reloaded);
    }

    private Map<String, Object> switchTo(long orgId, HttpServletRequest request, HttpServletResponse response) {
        SmaPrincipal caller = CurrentPrincipal.get();
        SmaPrincipal switched = contexts.switchTo(caller, orgId);
        sessions.replace(switched, false, request, response);
        KaceCookie.LAST_ORGANIZATION.set(request, response, switched.orgName());
        auditLog.record(AuditEventType.ORGANIZATION_SWITCHED, switched, request.getRemoteAddr(),
                "from '" + caller.orgName() + "' id=" + caller.orgId() + " to '" + switched.orgName() + "' id="
                        + switched.orgId());
        return context(switched);
    }

    static Map<String, Object> context(SmaPrincipal principal) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("Result", "Success");
        context.put("userId", principal.userId());
        context.put("userName", principal.userName());
        context.put("fullName", principal.fullName());
        context.put("organizationId", principal.orgId());
        context.put("organizationName", principal.orgName());
        context.put("role", principal.roleName());
        context.put("permissions", principal.permissions().asKeys());
        context.put("systemAdmin", principal.systemAdmin());
        return context;
    }
}

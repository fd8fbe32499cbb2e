package org.opensma.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opensma.account.SmaPrincipal;
import org.opensma.account.service.LoginService;
import org.opensma.audit.AuditEventType;
import org.opensma.audit.AuditLog;
import org.opensma.platform.security.KaceCookie;
import org.opensma.platform.security.PublicRoute;
import org.opensma.platform.security.Sessions;
import org.opensma.platform.security.Sessions.LoginCredentials;
import org.opensma.platform.web.ApiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The KACE account service: login, logout and the list of login methods. */
@RestController
@RequestMapping("/ams/shared/api/security")
class AccountController {

    private static final Logger log = LoggerFactory.getLogger(AccountController.class);

    private final LoginService loginService;
    private final Sessions sessions;
    private final JsonMapper jsonMapper;
    private final AuditLog auditLog;

    AccountController(LoginService loginService, Sessions sessions, JsonMapper jsonMapper, AuditLog auditLog) {
        this.loginService = loginService;
        this.sessions = sessions;
        this.jsonMapper = jsonMapper;
        this.auditLog = auditLog;
    }

    /**
     * Logs in. The body is read as JSON whatever Content-Type says, because some clients
     * send none; query parameters are ignored, as some clients repeat the credentials there.
     */
    @PublicRoute
    @PostMapping("/login")
    Map<String, Object> login(@RequestBody(required = false) byte[] body, HttpServletRequest request,
            HttpServletResponse response) {
        LoginRequest credentials = parse(body);
        SmaPrincipal principal = loginService.authenticate(credentials.userName(), credentials.password(),
                credentials.organizationName(), request.getRemoteAddr());

        LoginCredentials issued = sessions.start(principal, request, response);
        response.setHeader("x-dell-csrf-token", issued.csrfToken());
        response.setHeader("x-kace-csrf-token", issued.csrfToken());
        response.setHeader("x-kace-authorization", "Bearer " + issued.jwt());
        KaceCookie.CSRF_TOKEN.set(request, response, issued.csrfToken());
        KaceCookie.DELL_AUTH_JWT.set(request, response, issued.jwt());
        KaceCookie.KACE_AUTH_JWT.set(request, response, issued.jwt());
        KaceCookie.LAST_USER.set(request, response, principal.userName());
        KaceCookie.LAST_ORGANIZATION.set(request, response, principal.orgName());
        log.info("Login user={} userId={} org={} orgId={} ip={} twoFactorPending={}", principal.userName(),
                principal.userId(), principal.orgName(), principal.orgId(), request.getRemoteAddr(),
                principal.twoFactorPending());
        auditLog.record(AuditEventType.LOGIN, principal, request.getRemoteAddr(),
                principal.twoFactorPending() ? "password accepted, two-factor code pending" : "");

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("Result", "Success");
        result.put("userId", principal.userId());
        result.put("userName", principal.userName());
        result.put("organizationId", principal.orgId());
        result.put("organizationName", principal.orgName());
        return result;
    }

    @PublicRoute
    @GetMapping("/logout")
    Map<String, Object> logout(HttpServletRequest request, HttpServletResponse response) {
        if (SecurityContextHolder.getContext().getAuthentication() != null
                && SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof SmaPrincipal user) {
            auditLog.record(AuditEventType.LOGOUT, user, request.getRemoteAddr(), "");
            log.info("Logout user={} userId={} orgId={} ip={}", user.userName(), user.userId(), user.orgId(),
                    request.getRemoteAddr());
        }
        sessions.end(request);
        for (KaceCookie cookie : KaceCookie.values()) {
            cookie.clear(request, response);
        }
        return Map.of("Result", "Success");
    }

    @PublicRoute
    @GetMapping("/supportedAuthTypes")
    Map<String, Object> supportedAuthTypes() {
        return Map.of("AuthTypes", List.of("local"));
    }

    private LoginRequest parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw ApiError.INVALID_BODY.exception(
                    "send {\"userName\": ..., \"password\": ..., \"organizationName\": ...} as JSON");
        }
        LoginRequest credentials;
        try {
            credentials = jsonMapper.readValue(body, LoginRequest.class);
        } catch (JacksonException e) {
            throw ApiError.INVALID_BODY.exception(
                    "expected a JSON object with userName, password and an optional organizationName");
        }
        if (credentials == null || credentials.userName() == null || credentials.password() == null) {
            throw ApiError.INVALID_BODY.exception("userName and password are required");
        }
        return credentials;
    }
}

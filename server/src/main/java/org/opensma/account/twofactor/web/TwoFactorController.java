package org.opensma.account.twofactor.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opensma.account.Module;
import org.opensma.account.SmaPrincipal;
import org.opensma.account.twofactor.service.TwoFactorService;
import org.opensma.account.twofactor.service.TwoFactorService.Enrolment;
import org.opensma.account.twofactor.service.TwoFactorService.Status;
import org.opensma.platform.security.Access;
import org.opensma.platform.security.CurrentPrincipal;
import org.opensma.platform.security.SelfService;
import org.opensma.platform.security.Sessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Two-factor routes of the KACE account service: the code check that completes a login
 * ({@code verify_2factor}, also reachable as {@code verify_2fa}), enrolment of the current
 * user, and the administrator's requirement and reset.
 */
@RestController
@RequestMapping("/ams/shared/api/security")
class TwoFactorController {

    private static final Logger log = LoggerFactory.getLogger(TwoFactorController.class);

    private final TwoFactorService twoFactor;
    private final Sessions sessions;
    private final TwoFactorRequests requests;

    TwoFactorController(TwoFactorService twoFactor, Sessions sessions, TwoFactorRequests requests) {
        this.twoFactor = twoFactor;
        this.sessions = sessions;
        this.requests = requests;
    }

    /**
     * Completes a pending login. On success the session gets a new id; the token from login
     * keeps working because tokens follow the session. A session that is not pending gets
     * 200 without a check, so a client may repeat the call after a lost response.
     */
    @SelfService
    @PostMapping({"/verify_2factor", "/verify_2fa"})
    Map<String, Object> verify(@RequestBody(required = false) byte[] body, HttpServletRequest request,
            HttpServletResponse response) {
        SmaPrincipal principal = CurrentPrincipal.get();
        if (!principal.twoFactorPending()) {
            log.debug("verify_2factor on a complete session userId={}", principal.userId());
            return success();
        }
        twoFactor.verify(principal, requests.currentCode(body), request.getRemoteAddr());
        sessions.replace(principal.withTwoFactorDone(), true, request, response);
        return success();
    }

    @SelfService
    @GetMapping("/2fa")
    Map<String, Object> status() {
        Status status = twoFactor.status(CurrentPrincipal.get());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("enabled", status.enabled());
        result.put("required", status.required());
        result.put("recoveryCodesLeft", status.recoveryCodesLeft());
        return result;
    }

    @SelfService
    @PostMapping("/2fa/enroll")
    Map<String, Object> enroll() {
        Enrolment enrolment = twoFactor.enroll(CurrentPrincipal.get());
        return Map.of("secret", enrolment.secret(), "otpauthUri", enrolment.otpauthUri());
    }

    /** Enables two-factor; when the login was waiting for an enrolment, this also completes it. */
    @SelfService
    @PostMapping("/2fa/confirm")
    Map<String, Object> confirm(@RequestBody(required = false) byte[] body, HttpServletRequest request,
            HttpServletResponse response) {
        SmaPrincipal principal = CurrentPrincipal.get();
        List<String> recoveryCodes = twoFactor.confirm(principal, requests.currentCode(body), request.getRemoteAddr());
        if (principal.twoFactorPending()) {
            sessions.replace(principal.withTwoFactorDone(), true, request, response);
        }
        Map<String, Object> result = success();
        result.put("recoveryCodes", recoveryCodes);
        return result;
    }

    @Access(Module.SETTINGS)
    @GetMapping("/2fa/policy")
    Map<String, Object> policy() {
        return Map.of("required", twoFactor.requiredFor(CurrentPrincipal.get()));
    }

    @Access(Module.SETTINGS)
    @PutMapping("/2fa/policy")
    Map<String, Object> setPolicy(@RequestBody(required = false) byte[] body, HttpServletRequest request) {
        boolean required = requests.required(body);
        twoFactor.setRequired(CurrentPrincipal.get(), required, request.getRemoteAddr());
        Map<String, Object> result = success();
        result.put("required", required);
        return result;
    }

    @Access(Module.USERS)
    @PostMapping("/2fa/reset")
    Map<String, Object> reset(@RequestBody(required = false) byte[] body, HttpServletRequest request) {
        twoFactor.reset(CurrentPrincipal.get(), requests.userId(body), request.getRemoteAddr());
        return success();
    }

    private static Map<String, Object> success() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("Result", "Success");
        return result;
    }
}

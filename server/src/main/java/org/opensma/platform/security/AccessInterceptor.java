package org.opensma.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.opensma.account.AccessLevel;
import org.opensma.account.Role;
import org.opensma.account.SmaPrincipal;
import org.opensma.platform.web.ApiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks every API route against the caller's role, in one place: the route's
 * {@link Access} module and level against the role's permissions. Rows a role may not
 * see within a permitted module are filtered by the queries themselves.
 */
@Component
public class AccessInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(AccessInterceptor.class);

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        if (has(method, PublicRoute.class) || has(method, SelfService.class)) {
            return true;
        }
        Access access = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), Access.class);
        if (access == null) {
            access = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), Access.class);
        }
        if (access == null) {
            log.error("Route {} {} declares no access rule and is refused", request.getMethod(),
                    request.getRequestURI());
            throw ApiError.ACCESS_DENIED.exception(request.getMethod() + " " + request.getRequestURI());
        }

        SmaPrincipal caller = CurrentPrincipal.get();
        AccessLevel required = access.level().required(request.getMethod());
        AccessLevel granted = caller.permissions().level(access.value());
        if (!granted.allows(required)) {
            throw ApiError.ACCESS_DENIED.exception(describe(caller, access, required));
        }
        return true;
    }

    private static String describe(SmaPrincipal caller, Access access, AccessLevel required) {
        String module = access.value().key();
        if (required == AccessLevel.WRITE && caller.role() == Role.READ_ONLY_ADMIN) {
            return "changes: the read-only administrator role may only read the " + module + " module";
        }
        return (required == AccessLevel.WRITE ? "changes in" : "access to") + " the " + module
                + " module: role " + caller.roleName() + " has " + caller.permissions().level(access.value())
                + " access there";
    }

    private static boolean has(HandlerMethod method, Class<? extends java.lang.annotation.Annotation> type) {
        return AnnotatedElementUtils.hasAnnotation(method.getMethod(), type)
                || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), type);
    }
}

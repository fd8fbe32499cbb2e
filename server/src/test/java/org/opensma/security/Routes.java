package org.opensma.security;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opensma.platform.security.Access;
import org.opensma.platform.security.PublicRoute;
import org.opensma.platform.security.SelfService;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Every route of the KACE API (under /api and /ams) that Spring MVC serves, one per method and path. */
record Routes(List<Route> all) {

    private static final Pattern ALTERNATIVES = Pattern.compile("\\{[A-Za-z0-9_]+:([A-Za-z0-9_]+(?:\\|[A-Za-z0-9_]+)*)}");

    /** One HTTP method on one path pattern, and the controller method behind it. */
    record Route(String method, String pattern, HandlerMethod handler) {

        Access access() {
            Access access = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), Access.class);
            return access != null ? access
                    : AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), Access.class);
        }

        boolean has(Class<? extends java.lang.annotation.Annotation> type) {
            return AnnotatedElementUtils.hasAnnotation(handler.getMethod(), type)
                    || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), type);
        }

        /** How many of @Access, @SelfService and @PublicRoute the route carries, on the method or its class. */
        int ruleCount() {
            return (has(Access.class) ? 1 : 0) + (has(SelfService.class) ? 1 : 0) + (has(PublicRoute.class) ? 1 : 0);
        }

        @Override
        public String toString() {
            return method + " " + pattern + " (" + handler.getBeanType().getSimpleName() + "."
                    + handler.getMethod().getName() + ")";
        }
    }

    static Routes of(RequestMappingHandlerMapping mapping) {
        List<Route> routes = new ArrayList<>();
        mapping.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod handler) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            List<String> methodNames = methods.isEmpty() ? List.of("GET", "POST", "PUT", "DELETE")
                    : methods.stream().map(RequestMethod::name).toList();
            for (String declared : info.getPatternValues()) {
                if (!declared.startsWith("/api") && !declared.startsWith("/ams")) {
                    continue;
                }
                for (String pattern : expandAlternatives(declared)) {
                    for (String method : methodNames) {
                        routes.add(new Route(method, pattern, handler));
                    }
                }
            }
        });
        routes.sort(Comparator.comparing(Route::pattern).thenComparing(Route::method));
        return new Routes(List.copyOf(routes));
    }

    /**
     * Turns a variable restricted to fixed words, such as {@code {collection:softwares|processes}},
     * into one pattern per word, so that each word is called as its own route.
     */
    static List<String> expandAlternatives(String pattern) {
        Matcher matcher = ALTERNATIVES.matcher(pattern);
        if (!matcher.find()) {
            return List.of(pattern);
        }
        List<String> expanded = new ArrayList<>();
        for (String word : matcher.group(1).split("\\|")) {
            String concrete = pattern.substring(0, matcher.start()) + word + pattern.substring(matcher.end());
            expanded.addAll(expandAlternatives(concrete));
        }
        return expanded;
    }
}

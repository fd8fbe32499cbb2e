package org.opensma.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opensma.support.ApiResponse;
import org.opensma.support.ApiTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every API route declares exactly one access rule. The test-only route without one
 * proves that the check finds omissions and that the server rejects such a route.
 */
class RouteGuardTest extends ApiTestBase {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mapping;

    @Test
    void everyRoute_hasExactlyOneAccessRule() {
        Routes routes = Routes.of(mapping);

        List<String> violations = routes.all().stream()
                .filter(route -> route.ruleCount() != 1)
                .map(route -> route + " declares " + route.ruleCount() + " rules")
                .toList();

        assertThat(routes.all()).hasSizeGreaterThan(20);
        assertThat(violations).containsExactly("GET " + UnannotatedFixtureController.PATH
                + " (UnannotatedFixtureController.get) declares 0 rules");
    }

    @Test
    void routeWithoutRule_isRejected() {
        ApiResponse response = admin().get(UnannotatedFixtureController.PATH);

        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.json().get("errorCode").asInt()).isEqualTo(1003);
        assertThat(response.body()).doesNotContain("fixture reached");
    }
}

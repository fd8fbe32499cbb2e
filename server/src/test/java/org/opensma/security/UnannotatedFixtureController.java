package org.opensma.security;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A test-only route that deliberately declares no access rule. The route guard test must
 * find it, and the access interceptor must reject every call to it.
 */
@RestController
class UnannotatedFixtureController {

    static final String PATH = "/api/test-fixture/unannotated";

    @GetMapping(PATH)
    Map<String, String> get() {
        return Map.of("Result", "fixture reached");
    }
}

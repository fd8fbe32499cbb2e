package org.opensma.account.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opensma.account.Module;
import org.opensma.account.Organization;
import org.opensma.account.service.Actor;
import org.opensma.account.service.OrganizationService;
import org.opensma.account.service.OrganizationService.CreatedOrganization;
import org.opensma.platform.security.Access;
import org.opensma.platform.security.CurrentPrincipal;
import org.opensma.platform.security.SelfService;
import org.opensma.platform.web.PathIds;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /ams/shared/api/organizations}. Everyone lists the organizations they belong
 * to; changes need the settings module and, in the service, a system administrator.
 */
@RestController
@RequestMapping("/ams/shared/api/organizations")
class OrganizationController {

    private static final String EXPECTED = "{\"name\": \"<organization name>\"}";

    private final OrganizationService organizations;
    private final JsonMapper jsonMapper;

    OrganizationController(OrganizationService organizations, JsonMapper jsonMapper) {
        this.organizations = organizations;
        this.jsonMapper = jsonMapper;
    }

    @SelfService
    @GetMapping
    Map<String, Object> list() {
        List<Map<String, Object>> items = organizations.visibleTo(CurrentPrincipal.get()).stream()
                .map(OrganizationController::item)
                .toList();
        return Map.of("Organizations", items);
    }

    @Access(Module.SETTINGS)
    @PostMapping
    Map<String, Object> create(@RequestBody(required = false) byte[] body, HttpServletRequest request) {
        String name = name(body);
        CreatedOrganization created = organizations.create(actor(request), name);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("Result", "Success");
        result.put("IDs", List.of(created.organization().id()));
        result.put("agentToken", created.agentToken());
        return result;
    }

    @Access(Module.SETTINGS)
    @PutMapping("/{id}")
    Map<String, Object> rename(@PathVariable String id, @RequestBody(required = false) byte[] body,
            HttpServletRequest request) {
        long orgId = PathIds.parse(id, "organization id");
        organizations.rename(actor(request), orgId, name(body));
        return Map.of("Result", "Success");
    }

    @Access(Module.SETTINGS)
    @DeleteMapping("/{id}")
    Map<String, Object> delete(@PathVariable String id, HttpServletRequest request) {
        organizations.delete(actor(request), PathIds.parse(id, "organization id"));
        return Map.of("Result", "Success");
    }

    private String name(byte[] body) {
        JsonNode root = JsonBodies.object(jsonMapper, body, EXPECTED);
        JsonBodies.requireKnownKeys(root, "body", Set.of("name"));
        return JsonBodies.string(root, "body", "name");
    }

    private static Actor actor(HttpServletRequest request) {
        return Actor.user(CurrentPrincipal.get(), request.getRemoteAddr());
    }

    private static Map<String, Object> item(Organization organization) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", organization.id());
        item.put("name", organization.name());
        return item;
    }
}

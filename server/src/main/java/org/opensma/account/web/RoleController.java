package org.opensma.account.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.opensma.account.AccessLevel;
import org.opensma.account.Module;
import org.opensma.account.persistence.CustomRoleRepository.CustomRole;
import org.opensma.account.service.RoleService;
import org.opensma.account.service.RoleService.RoleChange;
import org.opensma.platform.security.Access;
import org.opensma.platform.security.CurrentPrincipal;
import org.opensma.platform.web.ApiError;
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
 * {@code /api/users/roles}: the custom roles of the caller's organization, each with one
 * key per module ({@link Module#key()}) whose value is WRITE, READ or HIDDEN.
 */
@RestController
@RequestMapping("/api/users/roles")
@Access(Module.SETTINGS)
class RoleController {

    private static final String EXPECTED = "{\"Roles\": [{\"name\": ..., \"inventory\": \"WRITE|READ|HIDDEN\", ...}]}";

    private final RoleService roles;
    private final JsonMapper jsonMapper;

    RoleController(RoleService roles, JsonMapper jsonMapper) {
        this.roles = roles;
        this.jsonMapper = jsonMapper;
    }

    @GetMapping
    Map<String, Object> list() {
        List<Map<String, Object>> items = roles.list(CurrentPrincipal.get()).stream().map(RoleController::item).toList();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("Count", items.size());
        result.put("Roles", items);
        return result;
    }

    @GetMapping("/{id}")
    Map<String, Object> get(@PathVariable String id) {
        CustomRole role = roles.get(CurrentPrincipal.get(), PathIds.parse(id, "role id"));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("Count", 1);
        result.put("Roles", List.of(item(role)));
        return result;
    }

    @PostMapping
    Map<String, Object> create(@RequestBody(required = false) byte[] body, HttpServletRequest request) {
        List<JsonNode> items = JsonBodies.envelope(JsonBodies.object(jsonMapper, body, EXPECTED), "Roles", EXPECTED);
        List<RoleChange> changes = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            changes.add(change(items.get(i), "Roles[" + i + "]"));
        }
        List<Long> ids = roles.create(CurrentPrincipal.get(), changes, request.getRemoteAddr());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("Result", "Success");
        result.put("IDs", ids);
        return result;
    }

    @PutMapping("/{id}")
    Map<String, Object> update(@PathVariable String id, @RequestBody(required = false) byte[] body,
            HttpServletRequest request) {
        long roleId = PathIds.parse(id, "role id");
        List<JsonNode> items = JsonBodies.envelope(JsonBodies.object(jsonMapper, body, EXPECTED), "Roles", EXPECTED);
        if (items.size() != 1) {
            throw ApiError.INVALID_BODY.exception("an update carries exactly one role in Roles, not " + items.size());
        }
        roles.update(CurrentPrincipal.get(), roleId, change(items.getFirst(), "Roles[0]"), request.getRemoteAddr());
        return Map.of("Result", "Success");
    }

    @DeleteMapping("/{id}")
    Map<String, Object> delete(@PathVariable String id, HttpServletRequest request) {
        roles.delete(CurrentPrincipal.get(), PathIds.parse(id, "role id"), request.getRemoteAddr());
        return Map.of("Result", "Success");
    }

    private static RoleChange change(JsonNode item, String path) {
        Set<String> allowed = new HashSet<>(List.of("id", "name"));
        for (Module module : Module.values()) {
            allowed.add(module.key());
        }
        JsonBodies.requireKnownKeys(item, path, allowed);
        Map<Module, AccessLevel> levels = new EnumMap<>(Module.class);
        for (Module module : Module.values()) {
            String level = JsonBodies.string(item, path, module.key());
            if (level != null) {
                levels.put(module, level(level, path + "." + module.key()));
            }
        }
        return new RoleChange(JsonBodies.string(item, path, "name"), levels);
    }

    private static AccessLevel level(String value, String path) {
        try {
            return AccessLevel.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiError.INVALID_BODY.exception(path + " is '" + value + "'; use WRITE, READ or HIDDEN");
        }
    }

    private static Map<String, Object> item(CustomRole role) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", role.id());
        item.put("name", role.name());
        item.putAll(role.permissions().asKeys());
        return item;
    }
}

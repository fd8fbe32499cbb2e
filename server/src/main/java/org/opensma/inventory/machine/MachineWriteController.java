package org.opensma.inventory.machine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opensma.account.Module;
import org.opensma.account.SmaPrincipal;
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
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Machine writes of {@code /api/inventory/machines}: create manual records, edit, delete,
 * request an inventory, and the custom inventory list. The body is read as JSON whatever
 * its Content-Type, as for login, because some clients send none.
 */
@RestController
@Access(Module.INVENTORY)
class MachineWriteController {

    private static final Map<String, String> SUCCESS = Map.of("Result", "Success");

    private final MachineWriteService writes;
    private final JsonMapper jsonMapper;

    MachineWriteController(MachineWriteService writes, JsonMapper jsonMapper) {
        this.writes = writes;
        this.jsonMapper = jsonMapper;
    }

    @PostMapping("/api/inventory/machines")
    Map<String, Object> create(@RequestBody(required = false) byte[] body) {
        SmaPrincipal caller = CurrentPrincipal.get();
        List<Long> ids = writes.create(parse(body), caller);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("Result", "Success");
        result.put("IDs", ids);
        return result;
    }

    @PutMapping("/api/inventory/machines/{id}")
    Map<String, String> update(@PathVariable String id, @RequestBody(required = false) byte[] body) {
        SmaPrincipal caller = CurrentPrincipal.get();
        long machineId = PathIds.parse(id, "machine id");
        writes.update(machineId, parse(body), caller);
        return SUCCESS;
    }

    @DeleteMapping("/api/inventory/machines/{id}")
    Map<String, String> delete(@PathVariable String id) {
        SmaPrincipal caller = CurrentPrincipal.get();
        writes.delete(PathIds.parse(id, "machine id"), caller);
        return SUCCESS;
    }

    /** Ignores any body, because clients send none. */
    @PostMapping("/api/inventory/machines/{id}/force")
    Map<String, String> force(@PathVariable String id) {
        SmaPrincipal caller = CurrentPrincipal.get();
        writes.requestInventory(PathIds.parse(id, "machine id"), caller);
        return SUCCESS;
    }

    /** Custom inventory rules are not built, so every machine's list is empty. */
    @GetMapping("/api/inventory/machines/{id}/custom_inventory")
    Map<String, Object> customInventory(@PathVariable String id) {
        SmaPrincipal caller = CurrentPrincipal.get();
        writes.requireVisible(PathIds.parse(id, "machine id"), caller);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("Count", 0);
        result.put("Warnings", Map.of());
        result.put("CustomInventory", List.of());
        return result;
    }

    private JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw ApiError.INVALID_BODY.exception("the body is missing; send {\"Machines\":[{...}]}");
        }
        try {
            return jsonMapper.readTree(body);
        } catch (JacksonException e) {
            throw ApiError.INVALID_BODY.exception("the body is not valid JSON: " + e.getOriginalMessage());
        }
    }
}

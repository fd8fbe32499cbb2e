package org.opensma.inventory.machine;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opensma.account.Module;
import org.opensma.account.SmaPrincipal;
import org.opensma.platform.query.EntityView;
import org.opensma.platform.query.ListQueryExecutor;
import org.opensma.platform.query.ListRequest;
import org.opensma.platform.query.RawQueries;
import org.opensma.platform.security.Access;
import org.opensma.platform.security.CurrentPrincipal;
import org.opensma.platform.web.ApiError;
import org.opensma.platform.web.PathIds;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The inventory lists besides machines: software titles, operating systems, processes,
 * services and startup programs, each with a get by id, and the agentless nodes, which
 * OpenSMA does not collect.
 */
@RestController
@Access(Module.INVENTORY)
class InventoryListController {

    private final ListQueryExecutor lists;
    private final Map<String, Route> routes = new LinkedHashMap<>();

    /** One list route: its entity and the word its 404 message uses. */
    private record Route(EntityView view, String noun) {
    }

    InventoryListController(ListQueryExecutor lists, EntityView softwareView, EntityView operatingSystemView,
            EntityView processView, EntityView serviceView, EntityView startupProgramView) {
        this.lists = lists;
        routes.put("softwares", new Route(softwareView, "Software"));
        routes.put("operating_systems", new Route(operatingSystemView, "Operating system"));
        routes.put("processes", new Route(processView, "Process"));
        routes.put("services", new Route(serviceView, "Service"));
        routes.put("startup_programs", new Route(startupProgramView, "Startup program"));
    }

    @GetMapping("/api/inventory/{collection:softwares|operating_systems|processes|services|startup_programs}")
    void list(@PathVariable String collection, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        SmaPrincipal caller = CurrentPrincipal.get();
        ListRequest list = ListRequest.list(routes.get(collection).view(), RawQueries.from(request), caller);
        lists.execute(list, request.getHeader(HttpHeaders.ACCEPT), response);
    }

    @GetMapping("/api/inventory/{collection:softwares|operating_systems|processes|services|startup_programs}/{id}")
    void get(@PathVariable String collection, @PathVariable String id, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        SmaPrincipal caller = CurrentPrincipal.get();
        Route route = routes.get(collection);
        long recordId = PathIds.parse(id, route.noun().toLowerCase(java.util.Locale.ROOT) + " id");
        ListRequest single = ListRequest.single(route.view(), RawQueries.from(request), caller, recordId,
                route.noun() + " " + recordId + " not found");
        lists.execute(single, request.getHeader(HttpHeaders.ACCEPT), response);
    }

    /** Agentless inventory is not built, so the list is always empty. */
    @GetMapping("/api/inventory/nodes")
    Map<String, Object> nodes() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Count", 0);
        body.put("Warnings", Map.of());
        body.put("Nodes", List.of());
        return body;
    }

    @GetMapping("/api/inventory/nodes/{id}")
    Map<String, Object> node(@PathVariable String id) {
        long nodeId = PathIds.parse(id, "node id");
        throw ApiError.NOT_FOUND.exception("Node " + nodeId + " not found: agentless inventory is not collected");
    }
}

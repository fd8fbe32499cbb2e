package org.opensma.inventory.machine;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.opensma.account.Module;
import org.opensma.account.SmaPrincipal;
import org.opensma.platform.query.EntityView;
import org.opensma.platform.query.ListQueryExecutor;
import org.opensma.platform.query.ListRequest;
import org.opensma.platform.query.RawQueries;
import org.opensma.platform.security.Access;
import org.opensma.platform.security.CurrentPrincipal;
import org.opensma.platform.web.PathIds;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/inventory/machines}: the machines of the caller's organization. */
@RestController
@Access(Module.INVENTORY)
class MachineController {

    private final ListQueryExecutor lists;
    private final EntityView machines;

    MachineController(ListQueryExecutor lists, EntityView machineView) {
        this.lists = lists;
        this.machines = machineView;
    }

    @GetMapping("/api/inventory/machines")
    void list(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SmaPrincipal caller = CurrentPrincipal.get();
        ListRequest list = ListRequest.list(machines, RawQueries.from(request), caller);
        lists.execute(list, request.getHeader(HttpHeaders.ACCEPT), response);
    }

    @GetMapping("/api/inventory/machines/{id}")
    void get(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        SmaPrincipal caller = CurrentPrincipal.get();
        long machineId = PathIds.parse(id, "machine id");
        ListRequest single = ListRequest.single(machines, RawQueries.from(request), caller, machineId,
                "Machine " + machineId + " not found");
        lists.execute(single, request.getHeader(HttpHeaders.ACCEPT), response);
    }
}

package org.opensma.inventory.machine;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.impl.DSL;
import org.opensma.account.SmaPrincipal;
import org.opensma.asset.service.DeviceAssetSync;
import org.opensma.inventory.machine.MachineEdits.Edit;
import org.opensma.inventory.persistence.InventoryTables;
import org.opensma.inventory.persistence.MachineWriteRepository;
import org.opensma.platform.web.ApiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Creates, edits and deletes machines and records inventory requests, each in one
 * transaction. A machine outside the caller's organization, or outside a standard
 * user's own machines, is reported as not found.
 */
@Service
class MachineWriteService {

    private static final Logger log = LoggerFactory.getLogger(MachineWriteService.class);

    private final MachineWriteRepository machines;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final DeviceAssetSync deviceAssets;

    MachineWriteService(MachineWriteRepository machines, TransactionTemplate transaction, Clock clock,
            DeviceAssetSync deviceAssets) {
        this.machines = machines;
        this.transaction = transaction;
        this.clock = clock;
        this.deviceAssets = deviceAssets;
    }

    /** Creates one manual machine per object of the body, all or none. */
    List<Long> create(JsonNode body, SmaPrincipal caller) {
        List<JsonNode> objects = MachineEdits.machineObjects(body);
        List<Edit> edits = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            edits.add(MachineEdits.forCreate(objects.get(i), i));
        }
        LocalDateTime now = now();
        List<Long> ids = transaction.execute(status -> edits.stream()
                .map(edit -> machines.insertManual(caller.orgId(), edit.columns(), now))
                .toList());
        log.info("Machines created org={} user={} ids={}", caller.orgId(), caller.userName(), ids);
        return ids;
    }

    /**
     * Updates the editable fields of one machine. Fields an agent reports are editable only on
     * machines entered by hand, because the next inventory would overwrite them.
     */
    void update(long machineId, JsonNode body, SmaPrincipal caller) {
        List<JsonNode> objects = MachineEdits.machineObjects(body);
        if (objects.size() != 1) {
            throw MachineEdits.invalid("an update takes exactly one machine object, got " + objects.size());
        }
        Edit edit = MachineEdits.forUpdate(objects.getFirst(), machineId);
        transaction.executeWithoutResult(status -> {
            boolean manual = requireManualFlag(machineId, caller);
            if (!manual && edit.touchesAgentFields()) {
                throw MachineEdits.invalid("machine " + machineId + " is reported by an agent, so "
                        + String.join(", ", edit.agentFieldKeys()) + " cannot be edited; editable fields: "
                        + MachineEdits.acceptedKeys(false));
            }
            machines.update(machineId, edit.columns(), now());
        });
        log.info("Machine updated org={} user={} machine={} fields={}", caller.orgId(), caller.userName(),
                machineId, edit.values().keySet().stream().map(MachineEdits.Editable::key).toList());
    }

    void delete(long machineId, SmaPrincipal caller) {
        transaction.executeWithoutResult(status -> {
            requireManualFlag(machineId, caller);
            deviceAssets.machineDeleted(caller.orgId(), machineId);
            machines.delete(machineId);
        });
        log.info("Machine deleted org={} user={} machine={}", caller.orgId(), caller.userName(), machineId);
    }

    /** Records an inventory request, which the agent's next inventory fulfils and clears. */
    void requestInventory(long machineId, SmaPrincipal caller) {
        transaction.executeWithoutResult(status -> {
            if (requireManualFlag(machineId, caller)) {
                throw ApiError.INVALID_PARAMETER.exception(machineId, "machine id",
                        "the machine was entered by hand and has no agent that could send an inventory");
            }
            machines.requestInventory(machineId);
        });
        log.info("Inventory requested org={} user={} machine={}", caller.orgId(), caller.userName(), machineId);
    }

    /** Throws 404 unless the caller can see the machine. */
    void requireVisible(long machineId, SmaPrincipal caller) {
        requireManualFlag(machineId, caller);
    }

    private boolean requireManualFlag(long machineId, SmaPrincipal caller) {
        Condition visible = caller.role().ownRecordsOnly()
                ? InventoryEntities.ownMachines(InventoryTables.MACHINE, caller)
                : DSL.noCondition();
        return machines.findManualEntry(caller.orgId(), machineId, visible)
                .orElseThrow(() -> ApiError.NOT_FOUND.exception("Machine " + machineId + " not found"));
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}

package org.opensma.asset.service;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opensma.asset.persistence.AssetRepository;
import org.opensma.asset.persistence.AssetRepository.AssetRow;
import org.opensma.asset.persistence.AssetRepository.Change;
import org.opensma.asset.persistence.AssetRepository.MachineFacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Keeps one Device asset per inventoried machine, its {@code mapped_id} being the machine's
 * id. It runs inside the caller's transaction. The asset's name follows the machine's name at
 * every inventory. The owner is taken from the machine's user only while the asset has none,
 * so an owner set by hand stays. Location and status are never touched by inventory.
 */
@Service
public class DeviceAssetSync {

    private static final Logger log = LoggerFactory.getLogger(DeviceAssetSync.class);
    private static final String INVENTORY = "inventory";

    private final AssetRepository assets;
    private final Clock clock;

    DeviceAssetSync(AssetRepository assets, Clock clock) {
        this.assets = assets;
        this.clock = clock;
    }

    /** Creates or updates the Device asset of a machine that has just been stored. */
    public void machineStored(long orgId, long machineId) {
        Optional<MachineFacts> machine = assets.machine(orgId, machineId);
        if (machine.isEmpty()) {
            return;
        }
        String name = machine.get().name() == null || machine.get().name().isBlank()
                ? "Machine " + machineId
                : machine.get().name();
        long owner = ownerOf(orgId, machine.get());
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        Optional<AssetRow> device = assets.findDevice(orgId, machineId, AssetWriteService.DEVICE_TYPE);
        if (device.isEmpty()) {
            Map<String, Object> columns = new LinkedHashMap<>();
            columns.put("asset_type_id", AssetWriteService.DEVICE_TYPE);
            columns.put("name", name);
            columns.put("owner_id", owner);
            columns.put("mapped_id", machineId);
            long id = assets.insert(orgId, columns, now);
            assets.appendHistory(orgId, id, 0, INVENTORY, now, List.of(new Change("name", null, name),
                    new Change("mapped_id", null, Long.toString(machineId))));
            log.info("Device asset created org={} machine={} asset={}", orgId, machineId, id);
            return;
        }
        AssetRow row = device.get();
        Map<String, Object> columns = new LinkedHashMap<>();
        List<Change> changes = new ArrayList<>();
        if (!row.name().equals(name)) {
            columns.put("name", name);
            changes.add(new Change("name", row.name(), name));
        }
        if (row.ownerId() == 0 && owner != 0) {
            columns.put("owner_id", owner);
            changes.add(new Change("owner_id", "0", Long.toString(owner)));
        }
        if (!columns.isEmpty()) {
            assets.update(orgId, row.id(), columns, now);
            assets.appendHistory(orgId, row.id(), 0, INVENTORY, now, changes);
        }
    }

    /** Deletes the Device asset of a machine that is being deleted; an archived one stays. */
    public void machineDeleted(long orgId, long machineId) {
        int deleted = assets.deleteDevices(orgId, machineId, AssetWriteService.DEVICE_TYPE);
        if (deleted > 0) {
            log.info("Device asset deleted org={} machine={}", orgId, machineId);
        }
    }

    private long ownerOf(long orgId, MachineFacts machine) {
        if (machine.user() == null || machine.user().isBlank()) {
            return 0;
        }
        return assets.memberIdByName(orgId, machine.user().strip()).orElse(0L);
    }
}

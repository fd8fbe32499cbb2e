package org.opensma.inventory.ingest;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opensma.agent.machine.MachineSnapshot;
import org.opensma.agent.machine.NetworkInterface;
import org.opensma.agent.machine.SoftwareItem;
import org.opensma.inventory.persistence.MachineIngestRepository;
import org.opensma.inventory.persistence.MachineIngestRepository.LinkChanges;
import org.opensma.inventory.persistence.MachineIngestRepository.NetworkRow;
import org.opensma.inventory.persistence.MachineIngestRepository.SoftwareLink;
import org.opensma.inventory.persistence.SoftwareKey;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Stores one agent inventory as a machine of an organization, all or nothing. */
@Service
public class InventoryIngestService {

    private static final DateTimeFormatter KACE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final MachineIngestRepository machines;
    private final TransactionTemplate transaction;
    private final Clock clock;

    InventoryIngestService(MachineIngestRepository machines, TransactionTemplate transaction, Clock clock) {
        this.machines = machines;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** What an ingest did. */
    public record IngestResult(long machineId, boolean created, int softwareCount, LinkChanges softwareChanges) {
    }

    /**
     * Stores the inventory. When two inventories of one new machine race, the loser's
     * insert hits the unique device id and the whole transaction runs once more, now
     * finding the machine the winner created.
     */
    public IngestResult ingest(long orgId, MachineSnapshot snapshot, RawInventory raw) {
        try {
            return transaction.execute(status -> store(orgId, snapshot, raw));
        } catch (DuplicateKeyException e) {
            return transaction.execute(status -> store(orgId, snapshot, raw));
        }
    }

    /** Records a PROLOG contact of a known machine. */
    public void recordContact(long orgId, String deviceId) {
        machines.touchLastSync(orgId, deviceId, now());
    }

    private IngestResult store(long orgId, MachineSnapshot snapshot, RawInventory raw) {
        LocalDateTime now = now();
        Optional<Long> existing = findMachine(orgId, snapshot);
        var columns = MachineColumns.from(snapshot, now);
        long machineId;
        if (existing.isPresent()) {
            machineId = existing.get();
            machines.updateMachine(machineId, columns);
        } else {
            machineId = machines.insertMachine(orgId, columns);
        }

        Map<SoftwareKey, SoftwareItem> titles = new LinkedHashMap<>();
        for (SoftwareItem item : snapshot.software()) {
            if (!item.name().isBlank()) {
                titles.putIfAbsent(SoftwareKey.of(item.name(), item.version(), item.publisher()), item);
            }
        }
        Map<SoftwareKey, Long> ids = machines.ensureSoftware(orgId, titles.keySet());
        Map<Long, SoftwareLink> links = new LinkedHashMap<>();
        titles.forEach((key, item) -> links.put(ids.get(key), new SoftwareLink(parseTime(item.installDate()),
                cut(item.uninstallString(), 1000), cut(item.architecture(), 32), cut(item.source(), 32))));
        LinkChanges changes = machines.replaceSoftwareLinks(machineId, links);

        machines.replaceNetworks(machineId, networks(snapshot.networks()));
        machines.saveRawInventory(machineId, now, raw.encoding(), raw.decodedBytes(), raw.wireBody());
        return new IngestResult(machineId, existing.isEmpty(), links.size(), changes);
    }

    /**
     * Finds the stored machine by the agent's device id, then by hardware UUID, then by
     * name and MAC address, so a reinstalled agent keeps its machine.
     */
    private Optional<Long> findMachine(long orgId, MachineSnapshot snapshot) {
        Optional<Long> machine = machines.findByKuid(orgId, snapshot.deviceId());
        if (machine.isEmpty() && !snapshot.uuid().isBlank()) {
            machine = machines.findByHardwareUuid(orgId, snapshot.uuid());
        }
        if (machine.isEmpty() && !snapshot.mac().isBlank()) {
            machine = machines.findByNameAndMac(orgId, snapshot.name(), snapshot.mac());
        }
        return machine;
    }

    private static List<NetworkRow> networks(List<NetworkInterface> interfaces) {
        return interfaces.stream()
                .map(nic -> new NetworkRow(cut(nic.name(), 128), cut(nic.mac(), 64), cut(nic.ipv4(), 64),
                        cut(nic.netmask(), 64), cut(nic.ipv6(), 64), cut(nic.type(), 32), cut(nic.status(), 16),
                        nic.virtual(), cut(nic.speed(), 32)))
                .toList();
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }

    private static LocalDateTime parseTime(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value, KACE_TIME);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String cut(String value, int width) {
        String text = value == null ? "" : value.strip();
        return text.length() <= width ? text : text.substring(0, width);
    }
}

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
import java.util.Set;
import java.util.TreeSet;
import org.opensma.agent.machine.MachineSnapshot;
import org.opensma.agent.machine.NetworkInterface;
import org.opensma.agent.machine.ProcessItem;
import org.opensma.agent.machine.SoftwareItem;
import org.opensma.agent.message.Inventory;
import org.opensma.inventory.persistence.MachineIngestRepository;
import org.opensma.inventory.persistence.MachineIngestRepository.LinkChanges;
import org.opensma.inventory.persistence.MachineIngestRepository.NetworkRow;
import org.opensma.inventory.persistence.MachineIngestRepository.SoftwareLink;
import org.opensma.inventory.persistence.MachineSectionRepository;
import org.opensma.inventory.persistence.MachineSectionRepository.ProcessLink;
import org.opensma.inventory.persistence.SoftwareKey;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Stores one agent inventory as a machine of an organization, all or nothing. */
@Service
public class InventoryIngestService {

    private static final DateTimeFormatter KACE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final MachineIngestRepository machines;
    private final MachineSectionRepository sections;
    private final TransactionTemplate transaction;
    private final Clock clock;

    InventoryIngestService(MachineIngestRepository machines, MachineSectionRepository sections,
            TransactionTemplate transaction, Clock clock) {
        this.machines = machines;
        this.sections = sections;
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
    public IngestResult ingest(long orgId, MachineSnapshot snapshot, Inventory inventory, RawInventory raw) {
        try {
            return transaction.execute(status -> store(orgId, snapshot, inventory, raw));
        } catch (DuplicateKeyException e) {
            return transaction.execute(status -> store(orgId, snapshot, inventory, raw));
        }
    }

    /** Records a PROLOG contact of a known machine. */
    public void recordContact(long orgId, String deviceId) {
        machines.touchLastSync(orgId, deviceId, now());
    }

    private IngestResult store(long orgId, MachineSnapshot snapshot, Inventory inventory, RawInventory raw) {
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

        machines.replaceNetworks(orgId, machineId, networks(snapshot.networks()));
        storeProcesses(orgId, machineId, snapshot.processes());
        for (HardwareSections.Table table : HardwareSections.TABLES) {
            sections.replaceSectionRows(orgId, machineId, table.name(), table.columns(), table.rows(inventory));
        }
        machines.saveRawInventory(machineId, now, raw.encoding(), raw.decodedBytes(), raw.wireBody());
        return new IngestResult(machineId, existing.isEmpty(), links.size(), changes);
    }

    /**
     * Links the machine to the executables of its running processes. Kernel threads, whose
     * command the agents show in brackets such as {@code [kworker/0:1]}, are not programs and
     * are left out.
     */
    private void storeProcesses(long orgId, long machineId, List<ProcessItem> processes) {
        Map<String, String> namesByPath = new LinkedHashMap<>();
        Map<String, Integer> instances = new LinkedHashMap<>();
        Map<String, Set<String>> users = new LinkedHashMap<>();
        for (ProcessItem process : processes) {
            String path = executablePath(process.command());
            if (path.isEmpty()) {
                continue;
            }
            namesByPath.putIfAbsent(path, cut(executableName(path), 255));
            instances.merge(path, 1, Integer::sum);
            if (!process.user().isBlank()) {
                users.computeIfAbsent(path, key -> new TreeSet<>()).add(process.user());
            }
        }
        Map<String, Long> ids = sections.ensureProcesses(orgId, namesByPath);
        Map<Long, ProcessLink> links = new LinkedHashMap<>();
        namesByPath.keySet().forEach(path -> links.put(ids.get(path), new ProcessLink(instances.get(path),
                cut(String.join(", ", users.getOrDefault(path, Set.of())), 255))));
        sections.replaceProcessLinks(machineId, links);
    }

    /**
     * Returns the executable of a command line: its first word, or the quoted part of a
     * command such as {@code "C:\Program Files\x.exe" -a}, without the ":" that daemons such as
     * sshd append when they rename themselves. Returns "" for a kernel thread or an empty command.
     */
    static String executablePath(String command) {
        String text = command == null ? "" : command.strip();
        if (text.isEmpty() || text.startsWith("[")) {
            return "";
        }
        int end = text.startsWith("\"") ? text.indexOf('"', 1) : text.indexOf(' ');
        String first = text.startsWith("\"") ? text.substring(1, end < 0 ? text.length() : end)
                : end < 0 ? text : text.substring(0, end);
        if (first.endsWith(":")) {
            first = first.substring(0, first.length() - 1);
        }
        return cut(first, 1000);
    }

    /** Returns the file name of an executable path, after its last '/' or '\\'. */
    static String executableName(String path) {
        return path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
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

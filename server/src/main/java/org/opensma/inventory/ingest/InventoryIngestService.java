package org.opensma.inventory.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.opensma.agent.machine.MachineSnapshot;
import org.opensma.agent.machine.NetworkInterface;
import org.opensma.agent.machine.ProcessItem;
import org.opensma.agent.machine.SoftwareItem;
import org.opensma.agent.message.Inventory;
import org.opensma.inventory.ingest.MachineIdentityResolver.Conflict;
import org.opensma.inventory.ingest.MachineIdentityResolver.Resolution;
import org.opensma.inventory.persistence.MachineIngestRepository;
import org.opensma.inventory.persistence.MachineIngestRepository.LinkChanges;
import org.opensma.inventory.persistence.MachineIngestRepository.NetworkRow;
import org.opensma.inventory.persistence.MachineIngestRepository.SoftwareLink;
import org.opensma.inventory.persistence.MachineSectionRepository;
import org.opensma.inventory.persistence.MachineSectionRepository.ProcessLink;
import org.opensma.inventory.persistence.SoftwareKey;
import org.opensma.inventory.persistence.MachineHistoryRepository;
import org.opensma.inventory.persistence.MachineHistoryRepository.Entry;
import org.opensma.inventory.persistence.MachineHistoryRepository.Kind;
import org.opensma.inventory.persistence.MachineIdentityRepository;
import org.opensma.platform.config.OpenSmaProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.opensma.asset.service.DeviceAssetSync;

/** Stores one agent inventory as a machine of an organization, all or nothing. */
@Service
public class InventoryIngestService {

    private static final DateTimeFormatter KACE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private static final Logger LOG = LoggerFactory.getLogger(InventoryIngestService.class);

    /** Attempts of one ingest when the database reports a duplicate key, deadlock or serialization failure. */
    private static final int MAX_ATTEMPTS = 4;

    /**
     * Locks by hash of organization and device id. Inventories of one device wait for each
     * other here rather than on the machine's unique key in the database, where H2 gives up
     * after its lock timeout while the first inventory of a new machine is still running.
     * Other servers sharing the database are not covered, so the retries remain.
     */
    private static final ReentrantLock[] DEVICE_LOCKS = new ReentrantLock[64];
    private static final Duration DEVICE_LOCK_WAIT = Duration.ofSeconds(60);

    static {
        for (int i = 0; i < DEVICE_LOCKS.length; i++) {
            DEVICE_LOCKS[i] = new ReentrantLock();
        }
    }

    private final MachineIngestRepository machines;
    private final MachineSectionRepository sections;
    private final MachineIdentityRepository identities;
    private final MachineIdentityResolver resolver;
    private final MachineHistoryRepository history;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int historyLimit;
    private final DeviceAssetSync deviceAssets;

    InventoryIngestService(MachineIngestRepository machines, MachineSectionRepository sections,
            MachineIdentityRepository identities, MachineIdentityResolver resolver, MachineHistoryRepository history,
            TransactionTemplate transaction, Clock clock, OpenSmaProperties properties, DeviceAssetSync deviceAssets) {
        this.machines = machines;
        this.sections = sections;
        this.identities = identities;
        this.resolver = resolver;
        this.history = history;
        this.transaction = transaction;
        this.clock = clock;
        this.historyLimit = properties.inventory().historyLimit();
        this.deviceAssets = deviceAssets;
    }

    /** Outcome of one ingest. */
    public record IngestResult(long machineId, boolean created, int softwareCount, LinkChanges softwareChanges) {
    }

    /**
     * Stores the inventory. When two inventories of one new machine race, the loser's
     * insert hits the unique device id and the whole transaction runs once more, now
     * finding the machine the winner created. A deadlock, lock timeout or serialization
     * failure is retried the same way, up to {@value #MAX_ATTEMPTS} attempts in all.
     */
    public IngestResult ingest(long orgId, MachineSnapshot snapshot, Inventory inventory, RawInventory raw) {
        ReentrantLock deviceLock = DEVICE_LOCKS[Math.floorMod(Objects.hash(orgId, snapshot.deviceId()),
                DEVICE_LOCKS.length)];
        boolean locked = false;
        try {
            locked = deviceLock.tryLock(DEVICE_LOCK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (!locked) {
                LOG.warn("Inventory of device {} in organization {} waited {} for an earlier inventory of that"
                        + " device and is stored without waiting longer", snapshot.deviceId(), orgId,
                        DEVICE_LOCK_WAIT);
            }
            return storeWithRetries(orgId, snapshot, inventory, raw);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for an earlier inventory of device "
                    + snapshot.deviceId(), e);
        } finally {
            if (locked) {
                deviceLock.unlock();
            }
        }
    }

    private IngestResult storeWithRetries(long orgId, MachineSnapshot snapshot, Inventory inventory,
            RawInventory raw) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> store(orgId, snapshot, inventory, raw));
            } catch (DuplicateKeyException | TransientDataAccessException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                LOG.warn("Inventory of device {} in organization {} failed on attempt {} of {}, retrying: {}",
                        snapshot.deviceId(), orgId, attempt, MAX_ATTEMPTS, e.getMostSpecificCause().getMessage());
            } catch (DataIntegrityViolationException e) {
                // H2 reports a unique key that a concurrent transaction inserted first this way.
                if (attempt >= MAX_ATTEMPTS || !isUniqueViolation(e)) {
                    throw e;
                }
                LOG.warn("Inventory of device {} in organization {} hit a unique key on attempt {} of {}, retrying",
                        snapshot.deviceId(), orgId, attempt, MAX_ATTEMPTS);
            }
        }
    }

    private static boolean isUniqueViolation(DataIntegrityViolationException e) {
        return e.getMostSpecificCause() instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState());
    }

    /** Records a PROLOG contact of a known machine. */
    public void recordContact(long orgId, String deviceId) {
        machines.touchLastSync(orgId, deviceId, now());
    }

    private IngestResult store(long orgId, MachineSnapshot snapshot, Inventory inventory, RawInventory raw) {
        LocalDateTime now = now();
        Resolution identity = resolver.resolve(orgId, snapshot);
        Optional<Long> existing = identity.machineId();
        var columns = MachineColumns.from(snapshot, now);
        long machineId;
        List<Entry> changes = new ArrayList<>();
        if (existing.isPresent()) {
            machineId = existing.get();
            Map<String, Object> before = machines.lockMachine(machineId, MachineChanges.COMPARED);
            changes.addAll(MachineChanges.hardware(before, columns));
            machines.updateMachine(machineId, columns);
        } else {
            machineId = machines.insertMachine(orgId, columns);
            recordConflicts(orgId, machineId, identity.conflicts(), now);
        }
        identities.replaceMacs(orgId, machineId, MachineIdentityRule.macs(snapshot));
        // Sections whose digest matches the last inventory's are left as stored.
        SectionDigests digests = new SectionDigests(existing.isPresent() ? sections.sectionDigests(machineId) : Map.of());

        Map<SoftwareKey, SoftwareLink> titles = new LinkedHashMap<>();
        for (SoftwareItem item : snapshot.software()) {
            if (!item.name().isBlank()) {
                titles.putIfAbsent(SoftwareKey.of(item.name(), item.version(), item.publisher()),
                        new SoftwareLink(parseTime(item.installDate()), cut(item.uninstallString(), 1000),
                                cut(item.architecture(), 32), cut(item.source(), 32)));
            }
        }
        LinkChanges softwareChanges = new LinkChanges(List.of(), List.of());
        if (digests.changed("software", softwareRows(titles))) {
            Map<SoftwareKey, Long> ids = machines.ensureSoftware(orgId, titles.keySet());
            Map<Long, SoftwareLink> links = new LinkedHashMap<>();
            titles.forEach((key, link) -> links.put(ids.get(key), link));
            softwareChanges = machines.replaceSoftwareLinks(machineId, links);
            if (existing.isPresent()) {
                changes.addAll(MachineChanges.software(softwareChanges, ids, machines.softwareTitles(
                        softwareChanges.removedIds())));
            }
        }
        if (existing.isPresent()) {
            history.append(orgId, machineId, now, changes, historyLimit);
        }

        List<NetworkRow> networks = networks(snapshot.networks());
        if (digests.changed("network", networks.stream().map(InventoryIngestService::networkValues).toList())) {
            machines.replaceNetworks(orgId, machineId, networks);
        }
        storeProcesses(orgId, machineId, snapshot.processes(), digests);
        for (HardwareSections.Table table : HardwareSections.TABLES) {
            List<List<String>> rows = table.rows(inventory);
            if (digests.changed(table.name(), rows)) {
                sections.replaceSectionRows(orgId, machineId, table.name(), table.columns(), rows);
            }
        }
        sections.saveSectionDigests(orgId, machineId, digests.changedDigests());
        machines.saveRawInventory(machineId, now, raw.encoding(), raw.decodedBytes(), raw.wireBody());
        deviceAssets.machineStored(orgId, machineId);
        return new IngestResult(machineId, existing.isEmpty(), titles.size(), softwareChanges);
    }

    /**
     * Links the machine to the executables of its running processes. Kernel threads, whose
     * command the agents show in brackets such as {@code [kworker/0:1]}, are not programs and
     * are left out.
     */
    private void storeProcesses(long orgId, long machineId, List<ProcessItem> processes, SectionDigests digests) {
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
        List<List<Object>> rows = namesByPath.entrySet().stream()
                .map(path -> List.<Object>of(path.getKey(), path.getValue(), instances.get(path.getKey()),
                        cut(String.join(", ", users.getOrDefault(path.getKey(), Set.of())), 255)))
                .toList();
        if (!digests.changed("process", rows)) {
            return;
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
     * Records each machine an identity rule matched but the ingest kept apart from the new
     * machine, and logs it, so that an administrator can merge or delete one of them.
     */
    private void recordConflicts(long orgId, long machineId, List<Conflict> conflicts, LocalDateTime now) {
        for (Conflict conflict : conflicts) {
            for (long other : conflict.machineIds()) {
                LOG.warn("Inventory stored as new machine {} instead of machine {} in organization {}: {} '{}'"
                        + " matched, but {}", machineId, other, orgId, conflict.rule().key(), conflict.value(),
                        conflict.reason());
                identities.insertConflict(orgId, machineId, other, conflict.rule().key(), conflict.value(),
                        conflict.reason(), now);
            }
        }
    }

    private static List<NetworkRow> networks(List<NetworkInterface> interfaces) {
        return interfaces.stream()
                .map(nic -> new NetworkRow(cut(nic.name(), 128), cut(nic.mac(), 64), cut(nic.ipv4(), 64),
                        cut(nic.netmask(), 64), cut(nic.ipv6(), 64), cut(nic.type(), 32), cut(nic.status(), 16),
                        nic.virtual(), cut(nic.speed(), 32)))
                .toList();
    }

    private static List<List<Object>> softwareRows(Map<SoftwareKey, SoftwareLink> titles) {
        List<List<Object>> rows = new ArrayList<>(titles.size());
        titles.forEach((key, link) -> rows.add(Arrays.asList(key.name(), key.version(), key.publisher(),
                link.installDate(), link.uninstallString(), link.architecture(), link.source())));
        return rows;
    }

    private static List<Object> networkValues(NetworkRow nic) {
        return Arrays.asList(nic.name(), nic.mac(), nic.ipv4(), nic.netmask(), nic.ipv6(), nic.type(), nic.status(),
                nic.virtual(), nic.speed());
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

package org.opensma.agent.machine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.opensma.agent.message.Inventory;
import org.opensma.agent.message.Section;

/**
 * Maps an OCS or FusionInventory inventory to the KACE SMA machine fields.
 *
 * <p>The agents name and fill some fields differently, for example OSVERSION is the distribution
 * version for OCS and the kernel version for FusionInventory. {@link OsSummary},
 * {@link CpuSummary} and {@link NetworkSummary} contain those rules.
 */
public final class MachineSnapshotMapper {

    // Placeholders that firmware writes instead of a real serial number or UUID.
    private static final Set<String> PLACEHOLDER_IDS = Set.of(
            "to be filled by o.e.m.", "system serial number", "chassis serial number", "default string",
            "not specified", "not available", "none", "n/a", "0", "0123456789", "invalid",
            "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff");

    // FusionInventory 2.6 reports "wtmp" as the last user when `last` lists no login.
    private static final String NO_LAST_USER = "wtmp";

    private MachineSnapshotMapper() {
    }

    /**
     * Maps an inventory.
     *
     * @param deviceId validated DEVICEID of the message
     * @param userAgent User-Agent header of the request, used as client version for OCS; may be null
     */
    public static MachineSnapshot map(String deviceId, Inventory inventory, String userAgent) {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(inventory, "inventory");

        Section hardware = inventory.first("HARDWARE");
        Section bios = inventory.first("BIOS");
        OsSummary os = OsSummary.from(inventory);
        CpuSummary cpu = CpuSummary.from(inventory);
        NetworkSummary network = NetworkSummary.from(inventory);

        String name = firstNonBlank(hardware.get("NAME"), inventory.first("OPERATINGSYSTEM").get("FQDN"));
        String sysArch = firstNonBlank(inventory.first("CPUS").get("CPUARCH"), os.arch());
        String lastUser = hardware.get("LASTLOGGEDUSER").strip();
        String clientVersion = firstNonBlank(inventory.first("VERSIONCLIENT").text(), Objects.toString(userAgent, ""));

        return new MachineSnapshot(
                deviceId,
                name,
                identifier(hardware.get("UUID")),
                serialNumber(bios),
                network.ip(),
                network.mac(),
                network.ipv6(),
                network.netmask(),
                os.name(),
                os.number(),
                os.major(),
                os.minor(),
                os.build(),
                os.family(),
                os.arch(),
                sysArch,
                os.installedDate(),
                os.lastReboot(),
                os.uptime(),
                os.domain(),
                hardware.get("WORKGROUP").strip(),
                joinField(inventory.all("USERS"), "LOGIN"),
                lastUser.equals(NO_LAST_USER) ? "" : lastUser,
                Values.parseLong(hardware.get("MEMORY")),
                sumCapacity(inventory.all("MEMORIES")),
                Values.parseLong(hardware.get("SWAP")),
                bios.get("SMANUFACTURER").strip(),
                bios.get("SMODEL").strip(),
                firstNonBlank(hardware.get("CHASSIS_TYPE"), bios.get("TYPE")),
                Values.joinWords(bios.get("BMANUFACTURER"), bios.get("BVERSION")),
                bios.get("BVERSION").strip(),
                bios.get("BMANUFACTURER").strip(),
                bios.get("BDATE").strip(),
                bios.get("ASSETTAG").strip(),
                isVirtual(hardware.get("VMSYSTEM")),
                cpu.processors(),
                cpu.cpuName(),
                cpu.physicalProcessors(),
                cpu.physicalCores(),
                joinFirstOf(inventory.all("VIDEOS"), "NAME", "CHIPSET"),
                monitors(inventory.all("MONITORS")),
                joinField(inventory.all("SOUNDS"), "NAME"),
                joinField(inventory.all("PRINTERS"), "NAME"),
                cdroms(inventory.all("STORAGES")),
                os.timeZone(),
                clientVersion,
                network.macAddresses(),
                InventoryLists.software(inventory),
                network.interfaces(),
                InventoryLists.processes(inventory));
    }

    /** Returns the system serial, else the BIOS or enclosure serial, skipping placeholders. */
    private static String serialNumber(Section bios) {
        for (String field : List.of("SSN", "BIOSSERIAL", "ENCLOSURESERIAL")) {
            String serial = identifier(bios.get(field));
            if (!serial.isEmpty()) {
                return serial;
            }
        }
        return "";
    }

    /** Returns a serial number or UUID, or "" for a firmware placeholder. */
    private static String identifier(String value) {
        String text = value.strip();
        return PLACEHOLDER_IDS.contains(text.toLowerCase(Locale.ROOT)) ? "" : text;
    }

    // NOTE: FusionInventory reported Docker and OCS reported Physical on the same VM, so this
    // flag is only as reliable as the agent's VMSYSTEM detection.
    private static boolean isVirtual(String vmSystem) {
        String text = vmSystem.strip();
        return !text.isEmpty() && !text.equalsIgnoreCase("Physical");
    }

    private static Long sumCapacity(List<Section> memories) {
        Long total = null;
        for (Section module : memories) {
            Long capacity = Values.parseLong(module.get("CAPACITY"));
            if (capacity != null) {
                total = total == null ? capacity : total + capacity;
            }
        }
        return total;
    }

    private static String monitors(List<Section> monitors) {
        List<String> names = new ArrayList<>();
        for (Section monitor : monitors) {
            String name = Values.joinWords(monitor.get("MANUFACTURER"), monitor.get("CAPTION"));
            names.add(name.isEmpty() ? monitor.get("DESCRIPTION") : name);
        }
        return Values.joinDistinct(names);
    }

    /** Returns the optical drives: STORAGES whose TYPE is cdrom, CD-ROM, DVD and the like. */
    private static String cdroms(List<Section> storages) {
        List<String> names = new ArrayList<>();
        for (Section storage : storages) {
            String type = storage.get("TYPE").toLowerCase(Locale.ROOT).replace("-", "");
            if (type.contains("cdrom") || type.contains("dvd") || type.contains("optical")) {
                names.add(storage.firstOf("NAME", "MODEL", "DESCRIPTION"));
            }
        }
        return Values.joinDistinct(names);
    }

    private static String joinField(List<Section> sections, String field) {
        return joinFirstOf(sections, field);
    }

    private static String joinFirstOf(List<Section> sections, String... fields) {
        List<String> values = new ArrayList<>();
        for (Section section : sections) {
            values.add(section.firstOf(fields));
        }
        return Values.joinDistinct(values);
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (!value.isBlank()) {
                return value.strip();
            }
        }
        return "";
    }
}

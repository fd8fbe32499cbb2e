package org.opensma.agent.machine;

import java.time.LocalDateTime;
import java.util.Locale;

import org.opensma.agent.message.Inventory;
import org.opensma.agent.message.Section;

/**
 * Operating system fields of a machine.
 *
 * <p>FusionInventory sends an OPERATINGSYSTEM section and puts the kernel version in
 * HARDWARE/OSVERSION. OCS 2.10 has no such section and puts the distribution version in
 * HARDWARE/OSVERSION and {@code <uname -m>/<uptime>} in HARDWARE/DESCRIPTION.
 */
record OsSummary(String name, String number, String major, String minor, String build, String family,
        String arch, LocalDateTime installedDate, LocalDateTime lastReboot, String uptime, String domain,
        String timeZone) {

    static OsSummary from(Inventory inventory) {
        return inventory.has("OPERATINGSYSTEM") ? fromOperatingSystem(inventory) : fromOcsHardware(inventory);
    }

    private static OsSummary fromOperatingSystem(Inventory inventory) {
        Section os = inventory.first("OPERATINGSYSTEM");
        Section hardware = inventory.first("HARDWARE");

        String name = firstNonBlank(os.get("FULL_NAME"), hardware.get("OSNAME"), os.get("NAME"));
        String number = os.get("VERSION").strip();
        String build = firstNonBlank(os.get("KERNEL_VERSION"), hardware.get("OSVERSION"));
        String family = os.get("KERNEL_NAME").strip().toLowerCase(Locale.ROOT);
        String timeZone = Values.joinWords(os.get("TIMEZONE/NAME"), os.get("TIMEZONE/OFFSET"));

        // FusionInventory sends the boot time but no uptime, and the receive time is not known here.
        return new OsSummary(name, number, versionPart(number, 0), versionPart(number, 1), build, family,
                os.get("ARCH").strip(), AgentDates.parse(os.get("INSTALL_DATE")),
                AgentDates.parse(os.get("BOOT_TIME")), "", os.get("DNS_DOMAIN").strip(), timeZone);
    }

    private static OsSummary fromOcsHardware(Inventory inventory) {
        Section hardware = inventory.first("HARDWARE");

        String name = hardware.get("OSNAME").strip();
        String number = hardware.get("OSVERSION").strip();
        String description = hardware.get("DESCRIPTION").strip();
        int slash = description.indexOf('/');
        String arch = slash > 0 ? description.substring(0, slash) : inventory.first("CPUS").get("CPUARCH").strip();
        // OCS writes the uptime as elapsed YY-MM-DD HH:MM:SS, such as 00-00-00 00:19:54.
        String uptime = slash > 0 ? description.substring(slash + 1) : "";

        // OCS sends neither the kernel version nor the boot time on Linux.
        return new OsSummary(name, number, versionPart(number, 0), versionPart(number, 1), "", familyOf(name),
                arch, AgentDates.parse(hardware.get("INSTALLDATE")), null, uptime, "", "");
    }

    /** Derives the family names that FusionInventory reports in KERNEL_NAME from an OS name. */
    static String familyOf(String osName) {
        String name = osName.toLowerCase(Locale.ROOT);
        if (name.contains("windows")) {
            return "mswin32";
        }
        if (name.contains("mac os") || name.contains("macos") || name.contains("darwin")) {
            return "darwin";
        }
        for (String bsd : new String[] {"freebsd", "openbsd", "netbsd", "dragonfly"}) {
            if (name.contains(bsd)) {
                return bsd;
            }
        }
        if (name.contains("solaris") || name.contains("sunos")) {
            return "solaris";
        }
        if (name.contains("aix")) {
            return "aix";
        }
        if (name.contains("hp-ux")) {
            return "hpux";
        }
        // The OCS unix agent runs on the systems above and on Linux, whose distribution names vary.
        return name.isBlank() ? "" : "linux";
    }

    private static String versionPart(String version, int index) {
        String[] parts = version.split("\\.");
        return index < parts.length ? parts[index].strip() : "";
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

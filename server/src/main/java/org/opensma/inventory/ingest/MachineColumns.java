package org.opensma.inventory.ingest;

import static org.opensma.inventory.persistence.InventoryTables.machine;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import org.jooq.Field;
import org.jooq.impl.SQLDataType;
import org.opensma.agent.machine.MachineSnapshot;
import org.opensma.inventory.persistence.InventoryTables;

/**
 * Maps what an agent reported onto machine columns. Only agent-owned columns appear
 * here, so an inventory never overwrites what an administrator edited (notes, asset tag
 * when the agent sends none).
 */
final class MachineColumns {

    private MachineColumns() {
    }

    static Map<Field<?>, Object> from(MachineSnapshot snapshot, LocalDateTime now) {
        Map<Field<?>, Object> row = new HashMap<>();
        text(row, "kuid", snapshot.deviceId(), 255);
        text(row, "hardware_uuid", blankToNull(snapshot.uuid()), 64);
        text(row, "name", snapshot.name(), 255);
        text(row, "mac", snapshot.mac(), 64);
        text(row, "ip", snapshot.ip(), 64);
        text(row, "ipv6", snapshot.ipv6(), 64);
        text(row, "netmask", snapshot.netmask(), 64);
        text(row, "prefix_len", prefixLength(snapshot.netmask()), 8);
        text(row, "os_name", snapshot.osName(), 255);
        text(row, "os_number", snapshot.osNumber(), 64);
        text(row, "os_major", snapshot.osMajor(), 16);
        text(row, "os_minor", snapshot.osMinor(), 16);
        text(row, "os_build", snapshot.osBuild(), 128);
        text(row, "os_version", snapshot.osNumber(), 128);
        text(row, "os_family", snapshot.osFamily(), 32);
        text(row, "os_arch", snapshot.osArch(), 32);
        text(row, "sys_arch", snapshot.sysArch(), 32);
        row.put(machine("os_installed_date", SQLDataType.LOCALDATETIME), snapshot.osInstalledDate());
        row.put(machine("last_reboot", SQLDataType.LOCALDATETIME), snapshot.lastReboot());
        text(row, "uptime", snapshot.uptime(), 64);
        text(row, "dns_domain", snapshot.domain(), 255);
        text(row, "cs_domain", snapshot.csDomain(), 255);
        text(row, "machine_user", snapshot.user(), 255);
        text(row, "last_user", snapshot.lastUser(), 255);
        text(row, "user_logged", snapshot.user(), 255);
        row.put(machine("ram_total_mb", SQLDataType.BIGINT), snapshot.ramTotalMb());
        row.put(machine("ram_max_mb", SQLDataType.BIGINT), snapshot.ramMaxMb());
        row.put(machine("swap_mb", SQLDataType.BIGINT), snapshot.swapMb());
        text(row, "cs_manufacturer", snapshot.csManufacturer(), 255);
        text(row, "cs_model", snapshot.csModel(), 255);
        text(row, "chassis_type", snapshot.chassisType(), 64);
        text(row, "bios_name", snapshot.biosName(), 255);
        text(row, "bios_version", snapshot.biosVersion(), 255);
        text(row, "bios_manufacturer", snapshot.biosManufacturer(), 255);
        text(row, "bios_serial_number", snapshot.biosSerialNumber(), 255);
        text(row, "bios_release_date", snapshot.biosReleaseDate(), 64);
        if (!snapshot.assetTag().isBlank()) {
            text(row, "asset_tag", snapshot.assetTag(), 255);
        }
        text(row, "virtual_kind", snapshot.virtual() ? "Virtual" : "Physical", 32);
        text(row, "processors", snapshot.processors(), 1000);
        text(row, "cpu_name", snapshot.cpuName(), 255);
        row.put(machine("physical_processors", SQLDataType.INTEGER), snapshot.physicalProcessors());
        row.put(machine("physical_cores", SQLDataType.INTEGER), snapshot.physicalCores());
        text(row, "video_controllers", snapshot.videoControllers(), 2000);
        text(row, "monitor", snapshot.monitors(), 2000);
        text(row, "sound_devices", snapshot.soundDevices(), 2000);
        text(row, "printers", snapshot.printers(), 2000);
        text(row, "cdrom_devices", snapshot.cdromDevices(), 2000);
        text(row, "tz_agent", snapshot.tzAgent(), 128);
        text(row, "client_version", snapshot.clientVersion(), 128);
        row.put(machine("manual_entry", SQLDataType.SMALLINT), (short) 0);
        row.put(machine("force_inventory", SQLDataType.SMALLINT), (short) 0);
        row.put(machine("last_inventory", SQLDataType.LOCALDATETIME), now);
        row.put(machine("last_sync", SQLDataType.LOCALDATETIME), now);
        row.put(InventoryTables.MACHINE_MODIFIED_AT, now);
        return row;
    }

    private static void text(Map<Field<?>, Object> row, String column, String value, int width) {
        String text = value == null ? null : value.strip();
        if (text != null && text.length() > width) {
            text = text.substring(0, width);
        }
        row.put(machine(column, SQLDataType.VARCHAR), text == null && !column.equals("hardware_uuid") ? "" : text);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Turns a dotted IPv4 netmask into its prefix length; "" when it is not one. */
    static String prefixLength(String netmask) {
        if (netmask == null || netmask.isBlank()) {
            return "";
        }
        String[] parts = netmask.strip().split("\\.");
        if (parts.length != 4) {
            return "";
        }
        int bits = 0;
        try {
            for (String part : parts) {
                bits += Integer.bitCount(Integer.parseInt(part) & 0xFF);
            }
        } catch (NumberFormatException e) {
            return "";
        }
        return Integer.toString(bits);
    }
}

package org.opensma.inventory.ingest;

import java.util.ArrayList;
import java.util.List;
import org.opensma.agent.message.Inventory;
import org.opensma.agent.message.Section;

/**
 * The hardware section tables and which agent fields fill each column. Where OCS and
 * FusionInventory name a field differently, the column lists both names and the first
 * non-blank value wins. Values are stored as the agent sent them, cut to the column width.
 */
final class HardwareSections {

    /** One column: its name, its width, and the agent fields it is read from, or a fixed value. */
    record Column(String name, int width, String fixedValue, List<String> agentFields) {

        static Column of(String name, int width, String... agentFields) {
            return new Column(name, width, null, List.of(agentFields));
        }

        static Column fixed(String name, String value) {
            return new Column(name, value.length(), value, List.of());
        }

        String read(Section entry) {
            if (fixedValue != null) {
                return fixedValue;
            }
            String value = entry.firstOf(agentFields.toArray(String[]::new)).strip();
            return value.length() <= width ? value : value.substring(0, width);
        }
    }

    /** One agent section feeding a table. Every source of a table lists the same columns in the same order. */
    record Source(String section, List<Column> columns) {
    }

    /** One table and its sources, whose entries are stored in source order. */
    record Table(String name, List<Source> sources) {

        List<String> columns() {
            return sources.getFirst().columns().stream().map(Column::name).toList();
        }

        List<List<String>> rows(Inventory inventory) {
            List<List<String>> rows = new ArrayList<>();
            for (Source source : sources) {
                for (Section entry : inventory.all(source.section())) {
                    rows.add(source.columns().stream().map(column -> column.read(entry)).toList());
                }
            }
            return rows;
        }
    }

    static final List<Table> TABLES = List.of(
            table("machine_cpu", "CPUS",
                    Column.of("name", 255, "NAME", "TYPE"),
                    Column.of("manufacturer", 255, "MANUFACTURER"),
                    Column.of("arch", 32, "ARCH", "CPUARCH"),
                    Column.of("core_count", 16, "CORE", "CORES", "CORECOUNT"),
                    Column.of("thread_count", 16, "THREAD", "THREADS", "LOGICAL_CPUS"),
                    Column.of("speed", 32, "SPEED", "CURRENT_SPEED"),
                    Column.of("serial", 255, "SERIAL", "SERIALNUMBER")),
            table("machine_memory", "MEMORIES",
                    Column.of("capacity", 32, "CAPACITY"),
                    Column.of("caption", 255, "CAPTION"),
                    Column.of("description", 255, "DESCRIPTION"),
                    Column.of("type", 64, "TYPE"),
                    Column.of("speed", 32, "SPEED"),
                    Column.of("slot", 32, "NUMSLOTS"),
                    Column.of("serial", 255, "SERIALNUMBER"),
                    Column.of("manufacturer", 255, "MANUFACTURER")),
            table("machine_storage", "STORAGES",
                    Column.of("name", 255, "NAME"),
                    Column.of("description", 255, "DESCRIPTION"),
                    Column.of("type", 64, "TYPE"),
                    Column.of("disk_size", 32, "DISKSIZE"),
                    Column.of("manufacturer", 255, "MANUFACTURER"),
                    Column.of("model", 255, "MODEL"),
                    Column.of("serial", 255, "SERIAL", "SERIALNUMBER"),
                    Column.of("firmware", 128, "FIRMWARE"),
                    Column.of("interface", 64, "INTERFACE")),
            // On Linux both agents put the mount point in TYPE.
            table("machine_drive", "DRIVES",
                    Column.of("volume", 255, "VOLUMN"),
                    Column.of("mount_point", 255, "TYPE"),
                    Column.of("letter", 16, "LETTER"),
                    Column.of("file_system", 64, "FILESYSTEM"),
                    Column.of("total", 32, "TOTAL"),
                    Column.of("free", 32, "FREE"),
                    Column.of("label", 255, "LABEL"),
                    Column.of("serial", 255, "SERIAL")),
            table("machine_video", "VIDEOS",
                    Column.of("name", 255, "NAME"),
                    Column.of("chipset", 255, "CHIPSET"),
                    Column.of("memory", 32, "MEMORY"),
                    Column.of("resolution", 64, "RESOLUTION"),
                    Column.of("pci_slot", 64, "PCISLOT")),
            table("machine_monitor", "MONITORS",
                    Column.of("manufacturer", 255, "MANUFACTURER"),
                    Column.of("caption", 255, "CAPTION"),
                    Column.of("description", 255, "DESCRIPTION"),
                    Column.of("type", 64, "TYPE"),
                    Column.of("serial", 255, "SERIAL")),
            table("machine_printer", "PRINTERS",
                    Column.of("name", 255, "NAME"),
                    Column.of("driver", 255, "DRIVER"),
                    Column.of("port", 255, "PORT"),
                    Column.of("network", 16, "NETWORK"),
                    Column.of("shared", 16, "SHARED"),
                    Column.of("serial", 255, "SERIAL")),
            table("machine_sound", "SOUNDS",
                    Column.of("name", 255, "NAME"),
                    Column.of("manufacturer", 255, "MANUFACTURER"),
                    Column.of("description", 255, "DESCRIPTION")),
            new Table("machine_local_user", List.of(
                    new Source("LOCAL_USERS", List.of(
                            Column.fixed("kind", "local"),
                            Column.of("login", 255, "LOGIN"),
                            Column.of("full_name", 255, "NAME"),
                            Column.of("uid", 32, "ID", "ID_USER"),
                            Column.of("home", 255, "HOME"),
                            Column.of("shell", 255, "SHELL"),
                            Column.of("domain", 255, "DOMAIN"))),
                    new Source("USERS", List.of(
                            Column.fixed("kind", "logged_in"),
                            Column.of("login", 255, "LOGIN"),
                            Column.of("full_name", 255, "NAME"),
                            Column.of("uid", 32, "ID"),
                            Column.of("home", 255, "HOME"),
                            Column.of("shell", 255, "SHELL"),
                            Column.of("domain", 255, "DOMAIN"))))),
            table("machine_virtual_machine", "VIRTUALMACHINES",
                    Column.of("name", 255, "NAME"),
                    Column.of("uuid", 64, "UUID"),
                    Column.of("status", 32, "STATUS"),
                    Column.of("subsystem", 64, "SUBSYSTEM"),
                    Column.of("vm_type", 64, "VMTYPE"),
                    Column.of("memory", 32, "MEMORY"),
                    Column.of("vcpu", 16, "VCPU")));

    private HardwareSections() {
    }

    private static Table table(String name, String section, Column... columns) {
        return new Table(name, List.of(new Source(section, List.of(columns))));
    }
}

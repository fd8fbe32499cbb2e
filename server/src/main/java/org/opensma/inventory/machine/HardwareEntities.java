package org.opensma.inventory.machine;

import static org.opensma.inventory.machine.InventoryEntities.MACHINE;
import static org.opensma.query.model.FieldType.INTEGER;
import static org.opensma.query.model.FieldType.STRING;
import static org.opensma.query.model.ShapingLevel.ALL;
import static org.opensma.query.model.ShapingLevel.LIMITED;
import static org.opensma.query.model.ShapingLevel.STANDARD;

import java.util.ArrayList;
import java.util.List;
import org.opensma.platform.query.EntityView;
import org.opensma.platform.query.KaceValues;
import org.opensma.query.model.EntityDefinition;
import org.opensma.query.model.FieldDefinition;
import org.opensma.query.model.ManyToOne;
import org.opensma.query.model.OneToMany;
import org.opensma.query.model.RelationDefinition;
import org.opensma.query.model.ShapingLevel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Declarations of the hardware sections an inventory stores per machine, reachable only as
 * machine relations, as network interfaces are. Keys follow the machine's {@code Capitalized_snake}
 * style and every value is a string as the agent sent it (sizes in MB, speeds in MHz). The
 * machine already has the fields {@code Sound_devices}, {@code Monitor} and {@code Printers},
 * so the relations to sound cards, monitors and printers carry other names and output keys:
 * a query could not tell a relation apart from a field of the same name.
 */
@Configuration(proxyBeanMethods = false)
class HardwareEntities {

    static final String CPU = "cpu";
    static final String MEMORY_MODULE = "memory_module";
    static final String STORAGE_DEVICE = "storage_device";
    static final String DRIVE = "drive";
    static final String VIDEO_CARD = "video_card";
    static final String MONITOR_DEVICE = "monitor_device";
    static final String PRINTER_DEVICE = "printer_device";
    static final String SOUND_CARD = "sound_card";
    static final String LOCAL_USER = "local_user";
    static final String VIRTUAL_MACHINE = "virtual_machine";

    /** Returns the machine's relations to its hardware sections, one-to-many on each table's machine_id. */
    static List<RelationDefinition> machineRelations() {
        return List.of(
                toMachineRows("cpus", CPU, "Cpus"),
                toMachineRows("memory_modules", MEMORY_MODULE, "MemoryModules"),
                toMachineRows("storage_devices", STORAGE_DEVICE, "StorageDevices"),
                toMachineRows("drives", DRIVE, "Drives"),
                toMachineRows("video_cards", VIDEO_CARD, "VideoCards"),
                toMachineRows("monitor_devices", MONITOR_DEVICE, "MonitorDevices"),
                toMachineRows("printer_devices", PRINTER_DEVICE, "PrinterDevices"),
                toMachineRows("sound_cards", SOUND_CARD, "SoundCards"),
                toMachineRows("local_users", LOCAL_USER, "LocalUsers"),
                toMachineRows("virtual_machines", VIRTUAL_MACHINE, "VirtualMachines"));
    }

    private static RelationDefinition toMachineRows(String name, String entity, String outputKey) {
        return new RelationDefinition(name, entity, outputKey, new OneToMany("machine_id"));
    }

    @Bean
    EntityView cpuView() {
        return view(CPU, "Cpus", "machine_cpu", "Cpu",
                field("Name", "name", LIMITED),
                field("Manufacturer", "manufacturer", STANDARD),
                field("Arch", "arch", STANDARD),
                field("Core_count", "core_count", STANDARD),
                field("Thread_count", "thread_count", STANDARD),
                field("Speed", "speed", STANDARD),
                field("Serial", "serial", ALL));
    }

    @Bean
    EntityView memoryModuleView() {
        return view(MEMORY_MODULE, "MemoryModules", "machine_memory", "MemoryModule",
                field("Capacity", "capacity", LIMITED),
                field("Caption", "caption", STANDARD),
                field("Description", "description", STANDARD),
                field("Type", "type", STANDARD),
                field("Speed", "speed", STANDARD),
                field("Slot", "slot", STANDARD),
                field("Manufacturer", "manufacturer", STANDARD),
                field("Serial", "serial", ALL));
    }

    @Bean
    EntityView storageDeviceView() {
        return view(STORAGE_DEVICE, "StorageDevices", "machine_storage", "StorageDevice",
                field("Name", "name", LIMITED),
                field("Description", "description", STANDARD),
                field("Type", "type", STANDARD),
                field("Disk_size", "disk_size", STANDARD),
                field("Manufacturer", "manufacturer", STANDARD),
                field("Model", "model", STANDARD),
                field("Interface", "interface", STANDARD),
                field("Serial", "serial", ALL),
                field("Firmware", "firmware", ALL));
    }

    /** File systems, the agents' DRIVES section. On Linux {@code Mount_point} is the mount point. */
    @Bean
    EntityView driveView() {
        return view(DRIVE, "Drives", "machine_drive", "Drive",
                field("Volume", "volume", LIMITED),
                field("Mount_point", "mount_point", LIMITED),
                field("Letter", "letter", STANDARD),
                field("File_system", "file_system", STANDARD),
                field("Total", "total", STANDARD),
                field("Free", "free", STANDARD),
                field("Label", "label", STANDARD),
                field("Serial", "serial", ALL));
    }

    @Bean
    EntityView videoCardView() {
        return view(VIDEO_CARD, "VideoCards", "machine_video", "VideoCard",
                field("Name", "name", LIMITED),
                field("Chipset", "chipset", STANDARD),
                field("Memory", "memory", STANDARD),
                field("Resolution", "resolution", STANDARD),
                field("Pci_slot", "pci_slot", ALL));
    }

    @Bean
    EntityView monitorDeviceView() {
        return view(MONITOR_DEVICE, "MonitorDevices", "machine_monitor", "MonitorDevice",
                field("Caption", "caption", LIMITED),
                field("Manufacturer", "manufacturer", STANDARD),
                field("Description", "description", STANDARD),
                field("Type", "type", STANDARD),
                field("Serial", "serial", ALL));
    }

    @Bean
    EntityView printerDeviceView() {
        return view(PRINTER_DEVICE, "PrinterDevices", "machine_printer", "PrinterDevice",
                field("Name", "name", LIMITED),
                field("Driver", "driver", STANDARD),
                field("Port", "port", STANDARD),
                field("Network", "network", STANDARD),
                field("Shared", "shared", STANDARD),
                field("Serial", "serial", ALL));
    }

    @Bean
    EntityView soundCardView() {
        return view(SOUND_CARD, "SoundCards", "machine_sound", "SoundCard",
                field("Name", "name", LIMITED),
                field("Manufacturer", "manufacturer", STANDARD),
                field("Description", "description", STANDARD));
    }

    /** Accounts of the machine: {@code Kind} is {@code local} for LOCAL_USERS and {@code logged_in} for USERS. */
    @Bean
    EntityView localUserView() {
        return view(LOCAL_USER, "LocalUsers", "machine_local_user", "LocalUser",
                field("Login", "login", LIMITED),
                field("Kind", "kind", STANDARD),
                field("Full_name", "full_name", STANDARD),
                field("Uid", "uid", STANDARD),
                field("Home", "home", STANDARD),
                field("Shell", "shell", STANDARD),
                field("Domain", "domain", STANDARD));
    }

    @Bean
    EntityView virtualMachineView() {
        return view(VIRTUAL_MACHINE, "VirtualMachines", "machine_virtual_machine", "VirtualMachine",
                field("Name", "name", LIMITED),
                field("Uuid", "uuid", STANDARD),
                field("Status", "status", STANDARD),
                field("Subsystem", "subsystem", STANDARD),
                field("Vm_type", "vm_type", STANDARD),
                field("Memory", "memory", STANDARD),
                field("Vcpu", "vcpu", STANDARD));
    }

    private static FieldDefinition field(String name, String column, ShapingLevel level) {
        return new FieldDefinition(name, column, STRING, level);
    }

    /**
     * Builds a section entity: {@code Id} first, the given fields, then {@code Machine_id} at ALL, with
     * the relation {@code machine} back to the machine. Rows are scoped by the table's own org_id column.
     */
    private static EntityView view(String name, String collectionKey, String table, String itemName,
            FieldDefinition... sectionFields) {
        List<FieldDefinition> fields = new ArrayList<>();
        fields.add(new FieldDefinition("Id", "id", INTEGER, LIMITED));
        fields.addAll(List.of(sectionFields));
        fields.add(new FieldDefinition("Machine_id", "machine_id", INTEGER, ALL));
        EntityDefinition definition = new EntityDefinition(name, collectionKey, table, "id", fields,
                List.of(new RelationDefinition(MACHINE, MACHINE, "Machines", new ManyToOne("machine_id"))));
        return new EntityView(definition, itemName, KaceValues.STRINGS);
    }
}

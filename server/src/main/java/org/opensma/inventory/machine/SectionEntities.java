package org.opensma.inventory.machine;

import static org.opensma.inventory.machine.InventoryEntities.MACHINE;
import static org.opensma.inventory.machine.InventoryEntities.NETWORK_INTERFACE;
import static org.opensma.inventory.machine.InventoryEntities.OPERATING_SYSTEM;
import static org.opensma.inventory.machine.InventoryEntities.PROCESS;
import static org.opensma.inventory.machine.InventoryEntities.SERVICE;
import static org.opensma.inventory.machine.InventoryEntities.STARTUP_PROGRAM;
import static org.opensma.query.model.FieldType.DATETIME;
import static org.opensma.query.model.FieldType.INTEGER;
import static org.opensma.query.model.FieldType.STRING;
import static org.opensma.query.model.ShapingLevel.ALL;
import static org.opensma.query.model.ShapingLevel.EXTENDED;
import static org.opensma.query.model.ShapingLevel.LIMITED;
import static org.opensma.query.model.ShapingLevel.STANDARD;

import java.util.List;
import org.opensma.platform.query.EntityView;
import org.opensma.platform.query.KaceValues;
import org.opensma.platform.query.OrgScope;
import org.opensma.query.model.EntityDefinition;
import org.opensma.query.model.FieldDefinition;
import org.opensma.query.model.ManyToMany;
import org.opensma.query.model.ManyToOne;
import org.opensma.query.model.RelationDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Declarations of the machine's inventory sections that have their own list route or relation:
 * operating systems, processes, services, startup programs and network interfaces. The
 * appliance's field names for these are not documented, so the keys follow the machine's
 * {@code Capitalized_snake} style and every value is a string.
 */
@Configuration(proxyBeanMethods = false)
class SectionEntities {

    /** The machines a catalog row is linked to, under the key the machine list uses. */
    private static RelationDefinition machinesThrough(String linkTable, String ownColumn) {
        return new RelationDefinition(MACHINE, MACHINE, "Machines", new ManyToMany(linkTable, ownColumn, "machine_id"));
    }

    /** The operating system of each machine, read from the machine row, with the machine's id as its id. */
    @Bean
    EntityView operatingSystemView() {
        List<FieldDefinition> fields = List.of(
                new FieldDefinition("Id", "id", INTEGER, LIMITED),
                new FieldDefinition("Name", "name", STRING, LIMITED),
                new FieldDefinition("Version", "version", STRING, STANDARD),
                new FieldDefinition("Major", "major", STRING, STANDARD),
                new FieldDefinition("Minor", "minor", STRING, STANDARD),
                new FieldDefinition("Build", "build", STRING, STANDARD),
                new FieldDefinition("Family", "family", STRING, STANDARD),
                new FieldDefinition("Arch", "arch", STRING, STANDARD),
                new FieldDefinition("Service_pack", "service_pack", STRING, EXTENDED),
                new FieldDefinition("Installed_date", "installed_date", DATETIME, EXTENDED),
                new FieldDefinition("Last_reboot", "last_reboot", DATETIME, EXTENDED),
                new FieldDefinition("Uptime", "uptime", STRING, EXTENDED),
                new FieldDefinition("Time_zone", "time_zone", STRING, EXTENDED),
                new FieldDefinition("Last_inventory", "last_inventory", DATETIME, ALL));
        List<RelationDefinition> relations = List.of(new RelationDefinition(MACHINE, MACHINE, "Machines",
                new ManyToOne("id")));
        EntityDefinition os = new EntityDefinition(OPERATING_SYSTEM, "OperatingSystems", "operating_system", "id",
                fields, relations);
        // The view carries the machine's user columns, so a standard user sees the OS of their own machines.
        return new EntityView(os, "OperatingSystem", KaceValues.STRINGS, new OrgScope.Column("org_id"),
                InventoryEntities::ownMachines);
    }

    /** Executables seen running, one per path in the organization. */
    @Bean
    EntityView processView() {
        List<FieldDefinition> fields = List.of(
                new FieldDefinition("Id", "id", INTEGER, LIMITED),
                new FieldDefinition("Name", "name", STRING, LIMITED),
                new FieldDefinition("Path", "path", STRING, STANDARD),
                new FieldDefinition("Created", "created_at", DATETIME, ALL));
        EntityDefinition process = new EntityDefinition(PROCESS, "Processes", "process", "id", fields,
                List.of(machinesThrough("machine_process", "process_id")));
        return new EntityView(process, "Process", KaceValues.STRINGS);
    }

    /** Services, one per name in the organization. */
    @Bean
    EntityView serviceView() {
        List<FieldDefinition> fields = List.of(
                new FieldDefinition("Id", "id", INTEGER, LIMITED),
                new FieldDefinition("Name", "name", STRING, LIMITED),
                new FieldDefinition("Display_name", "display_name", STRING, STANDARD),
                new FieldDefinition("Description", "description", STRING, STANDARD),
                new FieldDefinition("Created", "created_at", DATETIME, ALL));
        EntityDefinition service = new EntityDefinition(SERVICE, "Services", "service", "id", fields,
                List.of(machinesThrough("machine_service", "service_id")));
        return new EntityView(service, "Service", KaceValues.STRINGS);
    }

    /** Programs started at boot or login, one per name and command in the organization. */
    @Bean
    EntityView startupProgramView() {
        List<FieldDefinition> fields = List.of(
                new FieldDefinition("Id", "id", INTEGER, LIMITED),
                new FieldDefinition("Name", "name", STRING, LIMITED),
                new FieldDefinition("Command", "command", STRING, STANDARD),
                new FieldDefinition("Location", "location", STRING, STANDARD),
                new FieldDefinition("Created", "created_at", DATETIME, ALL));
        EntityDefinition startup = new EntityDefinition(STARTUP_PROGRAM, "StartupPrograms", "startup_program", "id",
                fields, List.of(machinesThrough("machine_startup_program", "startup_program_id")));
        return new EntityView(startup, "StartupProgram", KaceValues.STRINGS);
    }

    /** Network interfaces as the agent reported them, reachable only as a machine relation. */
    @Bean
    EntityView networkInterfaceView() {
        List<FieldDefinition> fields = List.of(
                new FieldDefinition("Id", "id", INTEGER, LIMITED),
                new FieldDefinition("Name", "name", STRING, LIMITED),
                new FieldDefinition("Mac", "mac", STRING, STANDARD),
                new FieldDefinition("Ip", "ipv4", STRING, STANDARD),
                new FieldDefinition("Netmask", "netmask", STRING, STANDARD),
                new FieldDefinition("Ipv6", "ipv6", STRING, STANDARD),
                new FieldDefinition("Type", "type", STRING, STANDARD),
                new FieldDefinition("Status", "status", STRING, STANDARD),
                new FieldDefinition("Virtual", "is_virtual", INTEGER, EXTENDED),
                new FieldDefinition("Speed", "speed", STRING, EXTENDED),
                new FieldDefinition("Machine_id", "machine_id", INTEGER, ALL));
        EntityDefinition network = new EntityDefinition(NETWORK_INTERFACE, "NetworkInterfaces", "machine_network",
                "id", fields, List.of(new RelationDefinition(MACHINE, MACHINE, "Machines",
                        new ManyToOne("machine_id"))));
        return new EntityView(network, "NetworkInterface", KaceValues.STRINGS);
    }
}

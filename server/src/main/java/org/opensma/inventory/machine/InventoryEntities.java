package org.opensma.inventory.machine;

import static org.opensma.query.model.FieldType.DATETIME;
import static org.opensma.query.model.FieldType.INTEGER;
import static org.opensma.query.model.FieldType.STRING;
import static org.opensma.query.model.ShapingLevel.ALL;
import static org.opensma.query.model.ShapingLevel.EXTENDED;
import static org.opensma.query.model.ShapingLevel.LIMITED;
import static org.opensma.query.model.ShapingLevel.STANDARD;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.opensma.account.SmaPrincipal;
import org.opensma.platform.query.OrgScope;
import org.opensma.platform.query.EntityView;
import org.opensma.platform.query.KaceValues;
import org.opensma.query.model.EntityDefinition;
import org.opensma.query.model.FieldDefinition;
import org.opensma.query.model.FieldType;
import org.opensma.query.model.ManyToMany;
import org.opensma.query.model.ManyToOne;
import org.opensma.query.model.OneToMany;
import org.opensma.query.model.RelationDefinition;
import org.opensma.query.model.ShapingLevel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Declarations of the inventory entities with the appliance's JSON keys. The STANDARD
 * machine fields and their order are those a SMA 10.0 returned without shaping.
 */
@Configuration(proxyBeanMethods = false)
class InventoryEntities {

    static final String MACHINE = "machine";
    static final String SOFTWARE = "software";
    static final String OPERATING_SYSTEM = "operating_system";
    static final String PROCESS = "process";
    static final String SERVICE = "service";
    static final String STARTUP_PROGRAM = "startup_program";
    static final String NETWORK_INTERFACE = "network_interface";

    @Bean
    EntityView machineView() {
        List<FieldDefinition> fields = List.of(
                field("Id", "id", INTEGER, LIMITED),
                field("Modified", "modified_at", DATETIME, STANDARD),
                field("Created", "created_at", DATETIME, STANDARD),
                field("User", "machine_user", STRING, STANDARD),
                field("Name", "name", STRING, LIMITED),
                field("Ip", "ip", STRING, STANDARD),
                field("Os_name", "os_name", STRING, STANDARD),
                field("Os_number", "os_number", STRING, STANDARD),
                field("Last_inventory", "last_inventory", DATETIME, STANDARD),
                field("Last_sync", "last_sync", DATETIME, STANDARD),
                field(MachineValues.RAM_TOTAL, "ram_total_mb", INTEGER, STANDARD),
                field("Ram_used", "ram_used_mb", INTEGER, STANDARD),
                field("Ram_max", "ram_max_mb", INTEGER, STANDARD),
                field("Bios_identification_code", "bios_identification_code", STRING, STANDARD),
                field("Sound_devices", "sound_devices", STRING, STANDARD),
                field("Cdrom_devices", "cdrom_devices", STRING, STANDARD),
                field("Video_controllers", "video_controllers", STRING, STANDARD),
                field("Monitor", "monitor", STRING, STANDARD),
                field("Registry_size", "registry_size", STRING, STANDARD),
                field("Registry_max_size", "registry_max_size", STRING, STANDARD),
                field("Pagefile_size", "pagefile_size", STRING, STANDARD),
                field("Pagefile_max_size", "pagefile_max_size", STRING, STANDARD),
                field("Manual_entry", "manual_entry", INTEGER, STANDARD),
                field("User_fullname", "user_fullname", STRING, EXTENDED),
                field("Mac", "mac", STRING, EXTENDED),
                field("Ipv6", "ipv6", STRING, EXTENDED),
                field("Netmask", "netmask", STRING, EXTENDED),
                field("Prefix_len", "prefix_len", STRING, ALL),
                field("Os_major", "os_major", STRING, EXTENDED),
                field("Os_minor", "os_minor", STRING, EXTENDED),
                field("Service_pack", "service_pack", STRING, EXTENDED),
                field("Notes", "notes", STRING, EXTENDED),
                field("Domain", "dns_domain", STRING, EXTENDED),
                field("Os_version", "os_version", STRING, EXTENDED),
                field("Os_build", "os_build", STRING, EXTENDED),
                field("Os_installed_date", "os_installed_date", DATETIME, EXTENDED),
                field("Last_reboot", "last_reboot", DATETIME, EXTENDED),
                field("Uptime", "uptime", STRING, EXTENDED),
                field("Cs_manufacturer", "cs_manufacturer", STRING, EXTENDED),
                field("Cs_model", "cs_model", STRING, EXTENDED),
                field("Cs_domain", "cs_domain", STRING, EXTENDED),
                field("Last_user", "last_user", STRING, EXTENDED),
                field("User_logged", "user_logged", STRING, EXTENDED),
                field("User_name", "user_fullname", STRING, ALL),
                field("User_domain", "user_domain", STRING, ALL),
                field("Bios_name", "bios_name", STRING, EXTENDED),
                field("Bios_version", "bios_version", STRING, EXTENDED),
                field("Bios_manufacturer", "bios_manufacturer", STRING, EXTENDED),
                field("Bios_description", "bios_description", STRING, ALL),
                field("Bios_serial_number", "bios_serial_number", STRING, EXTENDED),
                field("Bios_release_date", "bios_release_date", STRING, EXTENDED),
                field("Asset_tag", "asset_tag", STRING, EXTENDED),
                field("Virtual", "virtual_kind", STRING, EXTENDED),
                field("Os_family", "os_family", STRING, EXTENDED),
                field("Processors", "processors", STRING, EXTENDED),
                field("Printers", "printers", STRING, EXTENDED),
                field("Kuid", "kuid", STRING, ALL),
                field("Sys_arch", "sys_arch", STRING, EXTENDED),
                field("Os_arch", "os_arch", STRING, EXTENDED),
                field("Force_inventory", "force_inventory", INTEGER, ALL),
                field("Client_version", "client_version", STRING, ALL),
                field("Chassis_type", "chassis_type", STRING, EXTENDED),
                field("Tz_agent", "tz_agent", STRING, ALL),
                field("Physical_processors", "physical_processors", INTEGER, EXTENDED),
                field("Physical_cores", "physical_cores", INTEGER, EXTENDED),
                field("Cpu_name", "cpu_name", STRING, EXTENDED));
        List<RelationDefinition> relations = new ArrayList<>(List.of(
                new RelationDefinition(SOFTWARE, SOFTWARE, "Software",
                        new ManyToMany("machine_software", "machine_id", "software_id")),
                // The operating system's id is the machine's id, as on the appliance.
                new RelationDefinition(OPERATING_SYSTEM, OPERATING_SYSTEM, "OperatingSystems", new ManyToOne("id")),
                new RelationDefinition("processes", PROCESS, "Processes",
                        new ManyToMany("machine_process", "machine_id", "process_id")),
                new RelationDefinition("services", SERVICE, "Services",
                        new ManyToMany("machine_service", "machine_id", "service_id")),
                new RelationDefinition("startup_programs", STARTUP_PROGRAM, "StartupPrograms",
                        new ManyToMany("machine_startup_program", "machine_id", "startup_program_id")),
                new RelationDefinition("network_interfaces", NETWORK_INTERFACE, "NetworkInterfaces",
                        new OneToMany("machine_id"))));
        relations.addAll(HardwareEntities.machineRelations());
        relations.add(MachineHistoryEntity.machineRelation());
        // The machine's Device asset, whose mapped_id is the machine id, carries its location.
        relations.add(new RelationDefinition("asset", "asset", "Assets", new OneToMany("mapped_id")));
        EntityDefinition machine = new EntityDefinition(MACHINE, "Machines", "machine", "id", fields, relations);
        return new EntityView(machine, "Machine", MachineValues::render, new OrgScope.Column("org_id"),
                InventoryEntities::ownMachines);
    }

    /**
     * Software titles. The keys are upper case as clients of the appliance read them
     * under {@code shaping=machine all,software standard}; filters may also use the
     * lower-case names the appliance's documentation shows, such as {@code software.name}.
     */
    @Bean
    EntityView softwareView() {
        List<FieldDefinition> fields = List.of(
                new FieldDefinition("ID", "id", INTEGER, LIMITED),
                new FieldDefinition("DISPLAY_NAME", "display_name", STRING, LIMITED, List.of("name")),
                new FieldDefinition("DISPLAY_VERSION", "display_version", STRING, STANDARD, List.of("version")),
                new FieldDefinition("PUBLISHER", "publisher", STRING, STANDARD),
                new FieldDefinition("CREATED", "created_at", DATETIME, ALL));
        List<RelationDefinition> relations = List.of(
                new RelationDefinition(MACHINE, MACHINE, "Machines",
                        new ManyToMany("machine_software", "software_id", "machine_id")));
        EntityDefinition software = new EntityDefinition(SOFTWARE, "Software", "software", "id", fields, relations);
        return new EntityView(software, "Software", KaceValues.STRINGS);
    }

    /** A standard user's machines: those whose assigned or last logged-in user is them. */
    static Condition ownMachines(Table<?> machine, SmaPrincipal caller) {
        String userName = caller.userName().toLowerCase(Locale.ROOT);
        Field<String> assigned = DSL.field(DSL.name(machine.getName(), "machine_user"), SQLDataType.VARCHAR);
        Field<String> lastUser = DSL.field(DSL.name(machine.getName(), "last_user"), SQLDataType.VARCHAR);
        return DSL.lower(assigned).eq(userName).or(DSL.lower(lastUser).eq(userName));
    }

    private static FieldDefinition field(String name, String column, FieldType type, ShapingLevel level) {
        return new FieldDefinition(name, column, type, level);
    }
}

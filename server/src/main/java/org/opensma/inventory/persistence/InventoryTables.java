package org.opensma.inventory.persistence;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.LocalDateTime;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/** Tables and columns of machines, the software catalog and what hangs off a machine. */
public final class InventoryTables {

    public static final Table<Record> MACHINE = table(name("machine"));
    public static final Field<Long> MACHINE_ID = machine("id", SQLDataType.BIGINT);
    public static final Field<Long> MACHINE_ORG_ID = machine("org_id", SQLDataType.BIGINT);
    public static final Field<String> MACHINE_KUID = machine("kuid", SQLDataType.VARCHAR);
    public static final Field<String> MACHINE_HARDWARE_UUID = machine("hardware_uuid", SQLDataType.VARCHAR);
    public static final Field<String> MACHINE_NAME = machine("name", SQLDataType.VARCHAR);
    public static final Field<String> MACHINE_MAC = machine("mac", SQLDataType.VARCHAR);
    public static final Field<String> MACHINE_IP = machine("ip", SQLDataType.VARCHAR);
    public static final Field<String> MACHINE_BIOS_SERIAL_NUMBER = machine("bios_serial_number", SQLDataType.VARCHAR);
    public static final Field<Short> MACHINE_MANUAL_ENTRY = machine("manual_entry", SQLDataType.SMALLINT);
    public static final Field<LocalDateTime> MACHINE_LAST_INVENTORY = machine("last_inventory", SQLDataType.LOCALDATETIME);
    public static final Field<LocalDateTime> MACHINE_LAST_SYNC = machine("last_sync", SQLDataType.LOCALDATETIME);
    public static final Field<LocalDateTime> MACHINE_CREATED_AT = machine("created_at", SQLDataType.LOCALDATETIME);
    public static final Field<LocalDateTime> MACHINE_MODIFIED_AT = machine("modified_at", SQLDataType.LOCALDATETIME);

    public static final Table<Record> SOFTWARE = table(name("software"));
    public static final Field<Long> SOFTWARE_ID = field(name("software", "id"), SQLDataType.BIGINT);
    public static final Field<Long> SOFTWARE_ORG_ID = field(name("software", "org_id"), SQLDataType.BIGINT);
    public static final Field<String> SOFTWARE_DISPLAY_NAME =
            field(name("software", "display_name"), SQLDataType.VARCHAR);
    public static final Field<String> SOFTWARE_DISPLAY_VERSION =
            field(name("software", "display_version"), SQLDataType.VARCHAR);
    public static final Field<String> SOFTWARE_PUBLISHER = field(name("software", "publisher"), SQLDataType.VARCHAR);

    public static final Table<Record> MACHINE_SOFTWARE = table(name("machine_software"));
    public static final Field<Long> MACHINE_SOFTWARE_MACHINE_ID =
            field(name("machine_software", "machine_id"), SQLDataType.BIGINT);
    public static final Field<Long> MACHINE_SOFTWARE_SOFTWARE_ID =
            field(name("machine_software", "software_id"), SQLDataType.BIGINT);
    public static final Field<LocalDateTime> MACHINE_SOFTWARE_INSTALL_DATE =
            field(name("machine_software", "install_date"), SQLDataType.LOCALDATETIME);
    public static final Field<String> MACHINE_SOFTWARE_UNINSTALL_STRING =
            field(name("machine_software", "uninstall_string"), SQLDataType.VARCHAR);
    public static final Field<String> MACHINE_SOFTWARE_ARCHITECTURE =
            field(name("machine_software", "architecture"), SQLDataType.VARCHAR);
    public static final Field<String> MACHINE_SOFTWARE_SOURCE =
            field(name("machine_software", "source"), SQLDataType.VARCHAR);

    public static final Table<Record> MACHINE_NETWORK = table(name("machine_network"));

    public static final Table<Record> MACHINE_INVENTORY_RAW = table(name("machine_inventory_raw"));
    public static final Field<Long> MACHINE_INVENTORY_RAW_MACHINE_ID =
            field(name("machine_inventory_raw", "machine_id"), SQLDataType.BIGINT);

    private InventoryTables() {
    }

    /** A column of the machine table by name; the ingest writes most columns this way. */
    public static <T> Field<T> machine(String column, DataType<T> type) {
        return field(name("machine", column), type);
    }
}

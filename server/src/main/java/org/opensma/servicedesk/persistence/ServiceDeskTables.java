package org.opensma.servicedesk.persistence;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.LocalDateTime;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/** The service desk tables and the columns the repositories name more than once, declared by name. */
final class ServiceDeskTables {

    static final Table<Record> QUEUE = table(name("hd_queue"));
    static final Table<Record> FIELD = table(name("hd_queue_field"));
    static final Table<Record> TICKET = table(name("hd_ticket"));
    static final Table<Record> RELATED = table(name("hd_ticket_related"));
    static final Table<Record> CHANGE = table(name("hd_ticket_change"));
    static final Table<Record> ATTACHMENT = table(name("hd_attachment"));
    static final Table<Record> ASSET = table(name("asset"));
    static final Table<Record> MACHINE = table(name("machine"));
    static final Table<Record> ORG_USER = table(name("org_user"));
    static final Table<Record> ORGANIZATION = table(name("organization"));

    static final Field<Long> ID = column("id", SQLDataType.BIGINT);
    static final Field<Long> ORG_ID = column("org_id", SQLDataType.BIGINT);
    static final Field<Long> QUEUE_ID = column("hd_queue_id", SQLDataType.BIGINT);
    static final Field<Long> TICKET_ID = column("hd_ticket_id", SQLDataType.BIGINT);
    static final Field<String> NAME = column("name", SQLDataType.VARCHAR);
    static final Field<Integer> ORDINAL = column("ordinal", SQLDataType.INTEGER);
    static final Field<LocalDateTime> CREATED_AT = column("created_at", SQLDataType.LOCALDATETIME);
    static final Field<LocalDateTime> MODIFIED_AT = column("modified_at", SQLDataType.LOCALDATETIME);

    private ServiceDeskTables() {
    }

    /** An unqualified column; every statement here reads one table at a time. */
    static <T> Field<T> column(String column, DataType<T> type) {
        return field(name(column), type);
    }
}

package org.opensma.asset.persistence;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/** Tables and columns of the asset module. */
public final class AssetTables {

    public static final Table<Record> ASSET_TYPE = table(name("asset_type"));
    public static final Field<Long> TYPE_ID = field(name("asset_type", "id"), SQLDataType.BIGINT);
    public static final Field<Long> TYPE_ORG_ID = field(name("asset_type", "org_id"), SQLDataType.BIGINT);
    public static final Field<String> TYPE_NAME = field(name("asset_type", "name"), SQLDataType.VARCHAR);
    public static final Field<LocalDateTime> TYPE_MODIFIED =
            field(name("asset_type", "modified"), SQLDataType.LOCALDATETIME);

    public static final Table<Record> ASSET_FIELD = table(name("asset_field"));
    public static final Field<Long> FIELD_ID = field(name("asset_field", "id"), SQLDataType.BIGINT);
    public static final Field<Long> FIELD_ORG_ID = field(name("asset_field", "org_id"), SQLDataType.BIGINT);
    public static final Field<Long> FIELD_TYPE_ID = field(name("asset_field", "asset_type_id"), SQLDataType.BIGINT);
    public static final Field<String> FIELD_NAME = field(name("asset_field", "name"), SQLDataType.VARCHAR);
    public static final Field<String> FIELD_KIND = field(name("asset_field", "kind"), SQLDataType.VARCHAR);
    public static final Field<String> FIELD_CHOICES = field(name("asset_field", "choices"), SQLDataType.VARCHAR);
    public static final Field<Long> FIELD_REF_TYPE_ID = field(name("asset_field", "ref_type_id"), SQLDataType.BIGINT);

    public static final Table<Record> ASSET = table(name("asset"));
    public static final Field<Long> ASSET_ID = asset("id");
    public static final Field<Long> ASSET_ORG_ID = asset("org_id");
    public static final Field<Long> ASSET_TYPE_ID = asset("asset_type_id");
    public static final Field<String> ASSET_NAME = field(name("asset", "name"), SQLDataType.VARCHAR);
    public static final Field<Long> ASSET_OWNER_ID = asset("owner_id");
    public static final Field<Long> ASSET_CLASS_ID = asset("asset_class_id");
    public static final Field<Long> ASSET_STATUS_ID = asset("asset_status_id");
    public static final Field<Long> ASSET_LOCATION_ID = asset("location_id");
    public static final Field<Long> ASSET_MAPPED_ID = asset("mapped_id");
    public static final Field<String> ASSET_ARCHIVE = field(name("asset", "archive"), SQLDataType.VARCHAR);
    public static final Field<String> ASSET_ARCHIVE_REASON =
            field(name("asset", "archive_reason"), SQLDataType.VARCHAR);
    public static final Field<LocalDateTime> ASSET_ARCHIVED = field(name("asset", "archived"), SQLDataType.LOCALDATETIME);
    public static final Field<LocalDateTime> ASSET_CREATED = field(name("asset", "created"), SQLDataType.LOCALDATETIME);
    public static final Field<LocalDateTime> ASSET_MODIFIED =
            field(name("asset", "modified"), SQLDataType.LOCALDATETIME);

    public static final Table<Record> FIELD_VALUE = table(name("asset_field_value"));
    public static final Field<Long> VALUE_ASSET_ID = field(name("asset_field_value", "asset_id"), SQLDataType.BIGINT);
    public static final Field<Long> VALUE_FIELD_ID = field(name("asset_field_value", "field_id"), SQLDataType.BIGINT);
    public static final Field<Long> VALUE_ORG_ID = field(name("asset_field_value", "org_id"), SQLDataType.BIGINT);
    public static final Field<String> VALUE_TEXT = field(name("asset_field_value", "text_value"), SQLDataType.VARCHAR);
    public static final Field<BigDecimal> VALUE_NUMBER =
            field(name("asset_field_value", "number_value"), SQLDataType.DECIMAL);
    public static final Field<Long> VALUE_REF_ID = field(name("asset_field_value", "ref_id"), SQLDataType.BIGINT);

    public static final Table<Record> BARCODE = table(name("barcode"));
    public static final Field<Long> BARCODE_ID = field(name("barcode", "id"), SQLDataType.BIGINT);
    public static final Field<Long> BARCODE_ORG_ID = field(name("barcode", "org_id"), SQLDataType.BIGINT);
    public static final Field<Long> BARCODE_ASSET_ID = field(name("barcode", "asset_id"), SQLDataType.BIGINT);
    public static final Field<LocalDateTime> BARCODE_CREATED =
            field(name("barcode", "created"), SQLDataType.LOCALDATETIME);
    public static final Field<LocalDateTime> BARCODE_MODIFIED =
            field(name("barcode", "modified"), SQLDataType.LOCALDATETIME);

    public static final Table<Record> HISTORY = table(name("asset_history"));

    public static final Table<Record> MACHINE = table(name("machine"));
    public static final Field<Long> MACHINE_ID = field(name("machine", "id"), SQLDataType.BIGINT);
    public static final Field<Long> MACHINE_ORG_ID = field(name("machine", "org_id"), SQLDataType.BIGINT);
    public static final Field<String> MACHINE_NAME = field(name("machine", "name"), SQLDataType.VARCHAR);
    public static final Field<String> MACHINE_USER = field(name("machine", "machine_user"), SQLDataType.VARCHAR);
    public static final Field<String> MACHINE_LAST_USER = field(name("machine", "last_user"), SQLDataType.VARCHAR);

    public static final Table<Record> ORG_USER = table(name("org_user"));
    public static final Field<Long> ORG_USER_ID = field(name("org_user", "id"), SQLDataType.BIGINT);
    public static final Field<Long> ORG_USER_ORG_ID = field(name("org_user", "org_id"), SQLDataType.BIGINT);
    public static final Field<String> ORG_USER_NAME = field(name("org_user", "user_name"), SQLDataType.VARCHAR);

    private AssetTables() {
    }

    private static Field<Long> asset(String column) {
        return field(name("asset", column), SQLDataType.BIGINT);
    }

    /** Declares a timestamp column of an asset table. */
    static Field<LocalDateTime> time(String table, String column) {
        return org.jooq.impl.DSL.field(name(table, column), SQLDataType.LOCALDATETIME);
    }
}

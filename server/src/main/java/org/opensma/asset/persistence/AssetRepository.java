package org.opensma.asset.persistence;

import static org.opensma.asset.persistence.AssetTables.ASSET;
import static org.opensma.asset.persistence.AssetTables.ASSET_ARCHIVE;
import static org.opensma.asset.persistence.AssetTables.ASSET_ARCHIVED;
import static org.opensma.asset.persistence.AssetTables.ASSET_ARCHIVE_REASON;
import static org.opensma.asset.persistence.AssetTables.ASSET_CLASS_ID;
import static org.opensma.asset.persistence.AssetTables.ASSET_CREATED;
import static org.opensma.asset.persistence.AssetTables.ASSET_ID;
import static org.opensma.asset.persistence.AssetTables.ASSET_LOCATION_ID;
import static org.opensma.asset.persistence.AssetTables.ASSET_MAPPED_ID;
import static org.opensma.asset.persistence.AssetTables.ASSET_MODIFIED;
import static org.opensma.asset.persistence.AssetTables.ASSET_NAME;
import static org.opensma.asset.persistence.AssetTables.ASSET_ORG_ID;
import static org.opensma.asset.persistence.AssetTables.ASSET_OWNER_ID;
import static org.opensma.asset.persistence.AssetTables.ASSET_STATUS_ID;
import static org.opensma.asset.persistence.AssetTables.ASSET_TYPE_ID;
import static org.opensma.asset.persistence.AssetTables.FIELD_VALUE;
import static org.opensma.asset.persistence.AssetTables.HISTORY;
import static org.opensma.asset.persistence.AssetTables.ORG_USER;
import static org.opensma.asset.persistence.AssetTables.ORG_USER_ID;
import static org.opensma.asset.persistence.AssetTables.ORG_USER_NAME;
import static org.opensma.asset.persistence.AssetTables.ORG_USER_ORG_ID;
import static org.opensma.asset.persistence.AssetTables.VALUE_ASSET_ID;
import static org.opensma.asset.persistence.AssetTables.VALUE_FIELD_ID;
import static org.opensma.asset.persistence.AssetTables.VALUE_NUMBER;
import static org.opensma.asset.persistence.AssetTables.VALUE_ORG_ID;
import static org.opensma.asset.persistence.AssetTables.VALUE_REF_ID;
import static org.opensma.asset.persistence.AssetTables.VALUE_TEXT;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/** Assets, their custom field values and their history. Every statement names the organization. */
@Repository
public class AssetRepository {

    private final DSLContext dsl;

    AssetRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The standard values of one asset; ids that are unset are 0, as the API shows them. */
    public record AssetRow(long id, long typeId, String name, long ownerId, long classId, long statusId,
            Long locationId, long mappedId, String archive) {
    }

    /** One stored custom field value: text (also dates and choices), number or reference id. */
    public record StoredValue(String text, BigDecimal number, Long refId) {
    }

    /** One change for the history. */
    public record Change(String field, String oldValue, String newValue) {
    }

    /** Reads and locks one asset of the organization that also meets {@code visible}. */
    public Optional<AssetRow> lock(long orgId, long assetId, Condition visible) {
        return dsl.select(ASSET_ID, ASSET_TYPE_ID, ASSET_NAME, ASSET_OWNER_ID, ASSET_CLASS_ID, ASSET_STATUS_ID,
                        ASSET_LOCATION_ID, ASSET_MAPPED_ID, ASSET_ARCHIVE)
                .from(ASSET).where(ASSET_ID.eq(assetId), ASSET_ORG_ID.eq(orgId), visible)
                .forUpdate()
                .fetchOptional(AssetRepository::row);
    }

    /** Checks, without locking, that the organization has the asset and that it meets {@code visible}. */
    public boolean visible(long orgId, long assetId, Condition visible) {
        return dsl.fetchExists(ASSET, ASSET_ID.eq(assetId), ASSET_ORG_ID.eq(orgId), visible);
    }

    public Optional<AssetRow> findDevice(long orgId, long machineId, long deviceTypeId) {
        return dsl.select(ASSET_ID, ASSET_TYPE_ID, ASSET_NAME, ASSET_OWNER_ID, ASSET_CLASS_ID, ASSET_STATUS_ID,
                        ASSET_LOCATION_ID, ASSET_MAPPED_ID, ASSET_ARCHIVE)
                .from(ASSET)
                .where(ASSET_ORG_ID.eq(orgId), ASSET_TYPE_ID.eq(deviceTypeId), ASSET_MAPPED_ID.eq(machineId))
                .orderBy(ASSET_ID).limit(1)
                .fetchOptional(AssetRepository::row);
    }

    /** The name and user (assigned, else last logged in) of a machine, as the Device asset takes them. */
    public record MachineFacts(String name, String user) {
    }

    public Optional<MachineFacts> machine(long orgId, long machineId) {
        return dsl.select(AssetTables.MACHINE_NAME, AssetTables.MACHINE_USER, AssetTables.MACHINE_LAST_USER)
                .from(AssetTables.MACHINE)
                .where(AssetTables.MACHINE_ID.eq(machineId), AssetTables.MACHINE_ORG_ID.eq(orgId))
                .fetchOptional(row -> new MachineFacts(row.value1(),
                        row.value2() == null || row.value2().isBlank() ? row.value3() : row.value2()));
    }

    public int deleteDevices(long orgId, long machineId, long deviceTypeId) {
        return dsl.deleteFrom(ASSET)
                .where(ASSET_ORG_ID.eq(orgId), ASSET_TYPE_ID.eq(deviceTypeId), ASSET_MAPPED_ID.eq(machineId))
                .execute();
    }

    /** Checks that the organization has the asset, of type {@code typeId} unless that is null. */
    public boolean exists(long orgId, long assetId, Long typeId) {
        Condition type = typeId == null ? DSL.noCondition() : ASSET_TYPE_ID.eq(typeId);
        return dsl.fetchExists(ASSET, ASSET_ID.eq(assetId), ASSET_ORG_ID.eq(orgId), type);
    }

    public boolean isMember(long orgId, long userId) {
        return dsl.fetchExists(ORG_USER, ORG_USER_ID.eq(userId), ORG_USER_ORG_ID.eq(orgId));
    }

    public Optional<Long> memberIdByName(long orgId, String userName) {
        return dsl.select(ORG_USER_ID).from(ORG_USER)
                .where(ORG_USER_ORG_ID.eq(orgId), DSL.lower(ORG_USER_NAME).eq(userName.toLowerCase(Locale.ROOT)))
                .fetchOptional(org.jooq.Record1::value1);
    }

    public long insert(long orgId, Map<String, Object> columns, LocalDateTime now) {
        var insert = dsl.insertInto(ASSET).set(ASSET_ORG_ID, orgId).set(ASSET_CREATED, now).set(ASSET_MODIFIED, now);
        for (Map.Entry<String, Object> column : columns.entrySet()) {
            insert = insert.set(column(column.getKey()), column.getValue());
        }
        return insert.returningResult(ASSET_ID).fetchSingle().value1();
    }

    public void update(long orgId, long assetId, Map<String, Object> columns, LocalDateTime now) {
        var update = dsl.update(ASSET).set(ASSET_MODIFIED, now);
        for (Map.Entry<String, Object> column : columns.entrySet()) {
            update = update.set(column(column.getKey()), column.getValue());
        }
        update.where(ASSET_ID.eq(assetId), ASSET_ORG_ID.eq(orgId)).execute();
    }

    public void touch(long orgId, long assetId, LocalDateTime now) {
        dsl.update(ASSET).set(ASSET_MODIFIED, now).where(ASSET_ID.eq(assetId), ASSET_ORG_ID.eq(orgId)).execute();
    }

    public int delete(long orgId, long assetId) {
        return dsl.deleteFrom(ASSET).where(ASSET_ID.eq(assetId), ASSET_ORG_ID.eq(orgId)).execute();
    }

    /** Archives the asset and detaches it from its machine, so that inventory gives the machine a new one. */
    public void archive(long orgId, long assetId, String reason, LocalDateTime now) {
        dsl.update(ASSET).set(ASSET_ARCHIVE, "completed").set(ASSET_ARCHIVE_REASON, reason)
                .set(ASSET_ARCHIVED, now).set(ASSET_MAPPED_ID, 0L).set(ASSET_MODIFIED, now)
                .where(ASSET_ID.eq(assetId), ASSET_ORG_ID.eq(orgId)).execute();
    }

    /** Reads the custom field values of one asset, by field id. */
    public Map<Long, StoredValue> values(long assetId) {
        Map<Long, StoredValue> values = new HashMap<>();
        dsl.select(VALUE_FIELD_ID, VALUE_TEXT, VALUE_NUMBER, VALUE_REF_ID).from(FIELD_VALUE)
                .where(VALUE_ASSET_ID.eq(assetId))
                .forEach(row -> values.put(row.value1(), new StoredValue(row.value2(), row.value3(), row.value4())));
        return values;
    }

    /** Sets one custom field value, or clears it when {@code value} is null. */
    public void setValue(long orgId, long assetId, long fieldId, StoredValue value) {
        dsl.deleteFrom(FIELD_VALUE).where(VALUE_ASSET_ID.eq(assetId), VALUE_FIELD_ID.eq(fieldId)).execute();
        if (value != null) {
            dsl.insertInto(FIELD_VALUE).set(VALUE_ASSET_ID, assetId).set(VALUE_FIELD_ID, fieldId)
                    .set(VALUE_ORG_ID, orgId).set(VALUE_TEXT, value.text()).set(VALUE_NUMBER, value.number())
                    .set(VALUE_REF_ID, value.refId()).execute();
        }
    }

    /** Appends changes to the asset's history; user 0 with an empty name is the inventory. */
    public void appendHistory(long orgId, long assetId, long userId, String userName, LocalDateTime now,
            List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        var insert = dsl.insertInto(HISTORY, history("org_id", SQLDataType.BIGINT),
                history("asset_id", SQLDataType.BIGINT), history("user_id", SQLDataType.BIGINT),
                history("user_name", SQLDataType.VARCHAR), history("changed", SQLDataType.LOCALDATETIME),
                history("field", SQLDataType.VARCHAR), history("old_value", SQLDataType.VARCHAR),
                history("new_value", SQLDataType.VARCHAR));
        for (Change change : changes) {
            insert = insert.values(orgId, assetId, userId, userName, now, change.field(), cut(change.oldValue()),
                    cut(change.newValue()));
        }
        insert.execute();
    }

    private static String cut(String value) {
        return value == null || value.length() <= 4000 ? value : value.substring(0, 4000);
    }

    private static <T> Field<T> history(String column, org.jooq.DataType<T> type) {
        return DSL.field(DSL.name("asset_history", column), type);
    }

    /** Declares a writable asset column: the name is text, every other one an id. */
    @SuppressWarnings("unchecked")
    private static Field<Object> column(String name) {
        org.jooq.DataType<?> type = name.equals("name") ? SQLDataType.VARCHAR : SQLDataType.BIGINT;
        return (Field<Object>) (Field<?>) DSL.field(DSL.name("asset", name), type);
    }

    private static AssetRow row(Record row) {
        return new AssetRow(row.get(ASSET_ID), row.get(ASSET_TYPE_ID), row.get(ASSET_NAME), row.get(ASSET_OWNER_ID),
                row.get(ASSET_CLASS_ID), row.get(ASSET_STATUS_ID), row.get(ASSET_LOCATION_ID),
                row.get(ASSET_MAPPED_ID), row.get(ASSET_ARCHIVE));
    }
}

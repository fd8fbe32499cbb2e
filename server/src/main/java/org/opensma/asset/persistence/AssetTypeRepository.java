package org.opensma.asset.persistence;

import static org.opensma.asset.persistence.AssetTables.ASSET;
import static org.opensma.asset.persistence.AssetTables.ASSET_FIELD;
import static org.opensma.asset.persistence.AssetTables.ASSET_ORG_ID;
import static org.opensma.asset.persistence.AssetTables.ASSET_TYPE;
import static org.opensma.asset.persistence.AssetTables.ASSET_TYPE_ID;
import static org.opensma.asset.persistence.AssetTables.FIELD_CHOICES;
import static org.opensma.asset.persistence.AssetTables.FIELD_ID;
import static org.opensma.asset.persistence.AssetTables.FIELD_KIND;
import static org.opensma.asset.persistence.AssetTables.FIELD_NAME;
import static org.opensma.asset.persistence.AssetTables.FIELD_ORG_ID;
import static org.opensma.asset.persistence.AssetTables.FIELD_REF_TYPE_ID;
import static org.opensma.asset.persistence.AssetTables.FIELD_TYPE_ID;
import static org.opensma.asset.persistence.AssetTables.TYPE_ID;
import static org.opensma.asset.persistence.AssetTables.TYPE_MODIFIED;
import static org.opensma.asset.persistence.AssetTables.TYPE_NAME;
import static org.opensma.asset.persistence.AssetTables.TYPE_ORG_ID;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.opensma.asset.CustomField;
import org.opensma.asset.FieldKind;
import org.springframework.stereotype.Repository;

/** Asset types and their custom fields. Built-in types have no organization and are read-only. */
@Repository
public class AssetTypeRepository {

    private final DSLContext dsl;

    AssetTypeRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** An asset type as writes read it. Built-in types are shared by every organization. */
    public record TypeRow(long id, String name, boolean builtIn) {
    }

    /** Reads every custom field of the organization, of all types, in id order. */
    public List<CustomField> fields(long orgId) {
        return dsl.select(FIELD_ID, FIELD_TYPE_ID, FIELD_NAME, FIELD_KIND, FIELD_CHOICES, FIELD_REF_TYPE_ID)
                .from(ASSET_FIELD).where(FIELD_ORG_ID.eq(orgId)).orderBy(FIELD_ID)
                .fetch(AssetTypeRepository::field);
    }

    public Optional<TypeRow> findType(long orgId, long typeId) {
        return dsl.select(TYPE_ID, TYPE_NAME, TYPE_ORG_ID).from(ASSET_TYPE)
                .where(TYPE_ID.eq(typeId), visible(orgId))
                .fetchOptional(row -> new TypeRow(row.value1(), row.value2(), row.value3() == null));
    }

    public Optional<TypeRow> findTypeByName(long orgId, String name) {
        return dsl.select(TYPE_ID, TYPE_NAME, TYPE_ORG_ID).from(ASSET_TYPE)
                .where(org.jooq.impl.DSL.lower(TYPE_NAME).eq(name.trim().toLowerCase(java.util.Locale.ROOT)),
                        visible(orgId))
                .orderBy(TYPE_ID).limit(1)
                .fetchOptional(row -> new TypeRow(row.value1(), row.value2(), row.value3() == null));
    }

    public long insertType(long orgId, String name, LocalDateTime now) {
        return dsl.insertInto(ASSET_TYPE).set(TYPE_ORG_ID, orgId).set(TYPE_NAME, name)
                .set(AssetTables.time("asset_type", "created"), now).set(TYPE_MODIFIED, now)
                .returningResult(TYPE_ID).fetchSingle().value1();
    }

    public void renameType(long orgId, long typeId, String name, LocalDateTime now) {
        dsl.update(ASSET_TYPE).set(TYPE_NAME, name).set(TYPE_MODIFIED, now)
                .where(TYPE_ID.eq(typeId), TYPE_ORG_ID.eq(orgId)).execute();
    }

    public void touchType(long typeId, LocalDateTime now) {
        dsl.update(ASSET_TYPE).set(TYPE_MODIFIED, now).where(TYPE_ID.eq(typeId), TYPE_ORG_ID.isNotNull()).execute();
    }

    public boolean typeInUse(long orgId, long typeId) {
        return dsl.fetchExists(ASSET, ASSET_ORG_ID.eq(orgId), ASSET_TYPE_ID.eq(typeId));
    }

    public void deleteType(long orgId, long typeId) {
        dsl.deleteFrom(ASSET_TYPE).where(TYPE_ID.eq(typeId), TYPE_ORG_ID.eq(orgId)).execute();
    }

    public long insertField(long orgId, long typeId, String name, FieldKind kind, List<String> choices,
            Long refTypeId, LocalDateTime now) {
        return dsl.insertInto(ASSET_FIELD).set(FIELD_ORG_ID, orgId).set(FIELD_TYPE_ID, typeId)
                .set(FIELD_NAME, name).set(FIELD_KIND, kind.key()).set(FIELD_CHOICES, String.join("\n", choices))
                .set(FIELD_REF_TYPE_ID, refTypeId).set(AssetTables.time("asset_field", "created"), now)
                .returningResult(FIELD_ID).fetchSingle().value1();
    }

    public void updateField(long orgId, long fieldId, String name, List<String> choices) {
        dsl.update(ASSET_FIELD).set(FIELD_NAME, name).set(FIELD_CHOICES, String.join("\n", choices))
                .where(FIELD_ID.eq(fieldId), FIELD_ORG_ID.eq(orgId)).execute();
    }

    public int deleteField(long orgId, long typeId, long fieldId) {
        return dsl.deleteFrom(ASSET_FIELD)
                .where(FIELD_ID.eq(fieldId), FIELD_ORG_ID.eq(orgId), FIELD_TYPE_ID.eq(typeId)).execute();
    }

    private static Condition visible(long orgId) {
        return TYPE_ORG_ID.eq(orgId).or(TYPE_ORG_ID.isNull());
    }

    private static CustomField field(Record row) {
        String choices = row.get(FIELD_CHOICES);
        return new CustomField(row.get(FIELD_ID), row.get(FIELD_TYPE_ID), row.get(FIELD_NAME),
                FieldKind.fromKey(row.get(FIELD_KIND)).orElseThrow(),
                choices == null || choices.isEmpty() ? List.of() : Arrays.asList(choices.split("\n")),
                row.get(FIELD_REF_TYPE_ID));
    }
}

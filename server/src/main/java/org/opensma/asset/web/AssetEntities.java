package org.opensma.asset.web;

import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.table;
import static org.opensma.query.model.FieldType.DATETIME;
import static org.opensma.query.model.FieldType.INTEGER;
import static org.opensma.query.model.FieldType.STRING;
import static org.opensma.query.model.ShapingLevel.ALL;
import static org.opensma.query.model.ShapingLevel.EXTENDED;
import static org.opensma.query.model.ShapingLevel.LIMITED;
import static org.opensma.query.model.ShapingLevel.STANDARD;

import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.opensma.account.SmaPrincipal;
import org.opensma.platform.query.ComputedColumn;
import org.opensma.platform.query.EntityView;
import org.opensma.platform.query.KaceValues;
import org.opensma.platform.query.OrgScope;
import org.opensma.query.model.EntityDefinition;
import org.opensma.query.model.FieldDefinition;
import org.opensma.query.model.ManyToOne;
import org.opensma.query.model.OneToMany;
import org.opensma.query.model.RelationDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Declarations of the asset entities with lower_snake keys and numeric ids. The STANDARD
 * asset fields and their order are those of an asset listed by a SMA 10.0; custom fields
 * are added per request by {@link AssetViews}.
 */
@Configuration(proxyBeanMethods = false)
class AssetEntities {

    static final String ASSET = "asset";
    static final String ASSET_TYPE = "asset_type";
    static final String ASSET_FIELD = "asset_field";
    static final String BARCODE = "barcode";
    static final String HISTORY = "asset_history";

    static final List<FieldDefinition> ASSET_FIELDS = List.of(
            new FieldDefinition("id", "id", INTEGER, LIMITED),
            new FieldDefinition("asset_type_id", "asset_type_id", INTEGER, STANDARD),
            new FieldDefinition("name", "name", STRING, LIMITED),
            // The appliance keeps custom values in a row of its own; here they hang off the asset itself.
            new FieldDefinition("asset_data_id", "id", INTEGER, STANDARD),
            new FieldDefinition("owner_id", "owner_id", INTEGER, STANDARD),
            new FieldDefinition("modified", "modified", DATETIME, STANDARD),
            new FieldDefinition("created", "created", DATETIME, STANDARD),
            new FieldDefinition("mapped_id", "mapped_id", INTEGER, STANDARD),
            new FieldDefinition("asset_class_id", "asset_class_id", INTEGER, STANDARD),
            new FieldDefinition("archive", "archive", STRING, STANDARD),
            new FieldDefinition("asset_status_id", "asset_status_id", INTEGER, STANDARD),
            new FieldDefinition("asset_type_name", "asset_type_name", STRING, STANDARD),
            new FieldDefinition("location_id", "location_id", INTEGER, STANDARD),
            new FieldDefinition("archive_reason", "archive_reason", STRING, EXTENDED),
            new FieldDefinition("archived", "archived", DATETIME, EXTENDED));

    static final List<RelationDefinition> ASSET_RELATIONS = List.of(
            new RelationDefinition("location", ASSET, "Location", new ManyToOne("location_id")),
            new RelationDefinition("barcodes", BARCODE, "Barcodes", new OneToMany("asset_id")),
            new RelationDefinition("history", HISTORY, "History", new OneToMany("asset_id")));

    static final EntityDefinition ASSET_DEFINITION =
            new EntityDefinition(ASSET, "Assets", "asset", "id", ASSET_FIELDS, ASSET_RELATIONS);

    /** The name of the asset's type, read from the type table. */
    static final Map<String, ComputedColumn> ASSET_COMPUTED = Map.of("asset_type_name", ComputedColumn.of(owner -> {
        Table<?> type = table(name("asset_type")).as("tn");
        return DSL.field(select(field(name("tn", "name"), SQLDataType.VARCHAR)).from(type)
                .where(field(name("tn", "id"), SQLDataType.BIGINT).eq(column(owner, "asset_type_id"))));
    }));

    @Bean
    EntityView assetView() {
        return view(ASSET_DEFINITION, ASSET_COMPUTED, KaceValues.TYPED);
    }

    static EntityView view(EntityDefinition definition, Map<String, ComputedColumn> computed,
            org.opensma.platform.query.ValueRenderer renderer) {
        return new EntityView(definition, "Asset", renderer, new OrgScope.Column("org_id"),
                AssetEntities::ownAssets, computed);
    }

    @Bean
    EntityView assetTypeView() {
        List<FieldDefinition> fields = List.of(
                new FieldDefinition("id", "id", INTEGER, LIMITED),
                new FieldDefinition("name", "name", STRING, LIMITED),
                new FieldDefinition("created", "created", DATETIME, STANDARD),
                new FieldDefinition("modified", "modified", DATETIME, STANDARD));
        List<RelationDefinition> relations = List.of(
                new RelationDefinition("fields", ASSET_FIELD, "fields", new OneToMany("asset_type_id")));
        EntityDefinition type = new EntityDefinition(ASSET_TYPE, "AssetTypes", "asset_type", "id", fields, relations);
        return new EntityView(type, "AssetType", KaceValues.TYPED, new OrgScope.ColumnOrShared("org_id"), null);
    }

    @Bean
    EntityView assetFieldView() {
        List<FieldDefinition> fields = List.of(
                new FieldDefinition("id", "id", INTEGER, LIMITED),
                new FieldDefinition("name", "name", STRING, LIMITED),
                new FieldDefinition("json_key", "json_key", STRING, STANDARD),
                new FieldDefinition("type", "kind", STRING, STANDARD),
                new FieldDefinition("choices", "choices", STRING, STANDARD),
                new FieldDefinition("ref_asset_type_id", "ref_type_id", INTEGER, STANDARD),
                new FieldDefinition("asset_type_id", "asset_type_id", INTEGER, ALL));
        EntityDefinition field = new EntityDefinition(ASSET_FIELD, "Fields", "asset_field", "id", fields, List.of());
        Map<String, ComputedColumn> computed = Map.of("json_key", ComputedColumn.of(owner ->
                DSL.concat(DSL.inline("field_"), column(owner, "id").cast(SQLDataType.VARCHAR(20)))));
        return new EntityView(field, "Field", AssetEntities::renderField, new OrgScope.Column("org_id"), null,
                computed);
    }

    @Bean
    EntityView barcodeView() {
        List<FieldDefinition> fields = List.of(
                new FieldDefinition("id", "id", INTEGER, LIMITED),
                new FieldDefinition("asset_id", "asset_id", INTEGER, LIMITED),
                new FieldDefinition("barcode_data", "barcode_data", STRING, LIMITED),
                new FieldDefinition("barcode_format", "barcode_format", STRING, STANDARD),
                new FieldDefinition("barcode_name", "barcode_name", STRING, STANDARD),
                new FieldDefinition("scanned_geolocation", "scanned_geolocation", STRING, STANDARD),
                new FieldDefinition("scanned_method", "scanned_method", STRING, STANDARD),
                new FieldDefinition("created", "created", DATETIME, STANDARD),
                new FieldDefinition("modified", "modified", DATETIME, STANDARD));
        List<RelationDefinition> relations = List.of(
                new RelationDefinition(ASSET, ASSET, "Assets", new ManyToOne("asset_id")));
        EntityDefinition barcode = new EntityDefinition(BARCODE, "Barcodes", "barcode", "id", fields, relations);
        return new EntityView(barcode, "Barcode", KaceValues.TYPED, new OrgScope.Column("org_id"),
                AssetEntities::ownAssetRows);
    }

    @Bean
    EntityView assetHistoryView() {
        List<FieldDefinition> fields = List.of(
                new FieldDefinition("id", "id", INTEGER, LIMITED),
                new FieldDefinition("asset_id", "asset_id", INTEGER, STANDARD),
                new FieldDefinition("changed", "changed", DATETIME, STANDARD),
                new FieldDefinition("user_id", "user_id", INTEGER, STANDARD),
                new FieldDefinition("user_name", "user_name", STRING, STANDARD),
                new FieldDefinition("field", "field", STRING, LIMITED),
                new FieldDefinition("old_value", "old_value", STRING, STANDARD),
                new FieldDefinition("new_value", "new_value", STRING, STANDARD));
        EntityDefinition history = new EntityDefinition(HISTORY, "History", "asset_history", "id", fields, List.of());
        return new EntityView(history, "Change", KaceValues.TYPED, new OrgScope.Column("org_id"),
                AssetEntities::ownAssetRows);
    }

    /** Keeps the assets a standard user owns. */
    static Condition ownAssets(Table<?> asset, SmaPrincipal caller) {
        return column(asset, "owner_id").eq(caller.userId());
    }

    /** Rows that hang off an asset the standard user owns, such as barcodes. */
    static Condition ownAssetRows(Table<?> rows, SmaPrincipal caller) {
        Table<?> owned = table(name("asset")).as("own_" + rows.getName());
        return exists(selectOne().from(owned).where(
                field(name(owned.getName(), "id"), SQLDataType.BIGINT).eq(column(rows, "asset_id")),
                field(name(owned.getName(), "owner_id"), SQLDataType.BIGINT).eq(caller.userId())));
    }

    /** Leaves out the choices key of fields that have none; choices are shown one per line. */
    private static Object renderField(FieldDefinition field, Object value, java.time.ZoneId zone) {
        if (field.name().equals("choices")) {
            return value == null || value.toString().isEmpty() ? null : value.toString();
        }
        return KaceValues.TYPED.render(field, value, zone);
    }

    static Field<Long> column(Table<?> owner, String column) {
        return field(name(owner.getName(), column), SQLDataType.BIGINT);
    }
}

package org.opensma.asset.web;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.table;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.opensma.asset.CustomField;
import org.opensma.asset.FieldKind;
import org.opensma.asset.service.AssetTypeService;
import org.opensma.platform.query.ComputedColumn;
import org.opensma.platform.query.EntityView;
import org.opensma.platform.query.KaceValues;
import org.opensma.query.model.EntityDefinition;
import org.opensma.query.model.FieldDefinition;
import org.opensma.query.model.FieldType;
import org.opensma.query.model.ShapingLevel;
import org.springframework.stereotype.Component;

/**
 * The asset entity of one organization: the standard fields plus that organization's custom
 * fields, each {@code field_<id>} read from {@code asset_field_value} by a scalar subquery.
 * Filters and sorting compare a reference by the referenced id. Responses show it as a nested
 * object, so the page query reads it as one delimited text, which the renderer splits.
 */
@Component
class AssetViews {

    /**
     * Separates the parts of a reference's delimited text. Free text comes last, and a user
     * reference carries the length of its user name, so a name may contain the separator.
     */
    private static final String SEPARATOR = "\u001f";

    private final AssetTypeService types;

    AssetViews(AssetTypeService types) {
        this.types = types;
    }

    EntityView forOrg(long orgId) {
        List<CustomField> custom = types.fields(orgId);
        List<FieldDefinition> fields = new ArrayList<>();
        Map<String, ComputedColumn> computed = new HashMap<>(AssetEntities.ASSET_COMPUTED);
        Map<String, FieldKind> references = new HashMap<>();
        for (CustomField field : custom) {
            fields.add(new FieldDefinition(field.key(), field.key(), type(field.kind()), ShapingLevel.STANDARD));
            computed.put(field.key(), new ComputedColumn(owner -> value(owner, field), owner -> output(owner, field)));
            if (field.kind() == FieldKind.ASSET || field.kind() == FieldKind.USER) {
                references.put(field.key(), field.kind());
            }
        }
        EntityDefinition definition = AssetEntities.ASSET_DEFINITION.withFields(fields);
        return AssetEntities.view(definition, computed,
                (field, value, zone) -> render(references.get(field.name()), field, value, zone));
    }

    private static FieldType type(FieldKind kind) {
        // NOTE: a date is text YYYY-MM-DD, so an asset without the value compares as "" and matches lt.
        return switch (kind) {
            case TEXT, DATE, CHOICE -> FieldType.STRING;
            case NUMBER -> FieldType.DECIMAL;
            case ASSET, USER -> FieldType.INTEGER;
        };
    }

    /** Selects the stored value of the field for the asset row of {@code owner}. */
    private static Field<?> value(Table<?> owner, CustomField custom) {
        Table<?> values = table(name("asset_field_value")).as("cv");
        String column = switch (custom.kind()) {
            case TEXT, DATE, CHOICE -> "text_value";
            case NUMBER -> "number_value";
            case ASSET, USER -> "ref_id";
        };
        return DSL.field(select(field(name("cv", column))).from(values).where(
                field(name("cv", "asset_id"), SQLDataType.BIGINT).eq(AssetEntities.column(owner, "id")),
                field(name("cv", "field_id"), SQLDataType.BIGINT).eq(custom.id())));
    }

    /** Selects what a response shows: the value itself, or a reference as delimited text. */
    private static Field<?> output(Table<?> owner, CustomField custom) {
        if (custom.kind() != FieldKind.ASSET && custom.kind() != FieldKind.USER) {
            return value(owner, custom);
        }
        Table<?> values = table(name("asset_field_value")).as("cv");
        boolean asset = custom.kind() == FieldKind.ASSET;
        Table<?> target = table(name(asset ? "asset" : "app_user")).as("ct");
        List<Field<?>> parts = new ArrayList<>();
        if (asset) {
            for (String part : List.of("id", "asset_type_id", "owner_id", "asset_class_id", "asset_status_id", "name")) {
                parts.add(field(name("ct", part)));
            }
        } else {
            Field<String> userName = field(name("ct", "user_name"), SQLDataType.VARCHAR);
            parts.addAll(List.of(field(name("ct", "id")), DSL.charLength(userName), userName,
                    field(name("ct", "full_name"))));
        }
        List<Field<?>> text = new ArrayList<>();
        for (Field<?> part : parts) {
            if (!text.isEmpty()) {
                text.add(DSL.val(SEPARATOR));
            }
            text.add(part.cast(SQLDataType.VARCHAR(255)));
        }
        var sameOrg = asset
                ? field(name("ct", "org_id"), SQLDataType.BIGINT).eq(field(name("cv", "org_id"), SQLDataType.BIGINT))
                : DSL.noCondition();
        return DSL.field(select(DSL.concat(text.toArray(Field<?>[]::new))).from(values).join(target)
                .on(field(name("ct", "id"), SQLDataType.BIGINT).eq(field(name("cv", "ref_id"), SQLDataType.BIGINT))
                        .and(sameOrg))
                .where(field(name("cv", "asset_id"), SQLDataType.BIGINT).eq(AssetEntities.column(owner, "id")),
                        field(name("cv", "field_id"), SQLDataType.BIGINT).eq(custom.id())));
    }

    private static Object render(FieldKind reference, FieldDefinition field, Object value, ZoneId zone) {
        if (reference == null || value == null) {
            return KaceValues.TYPED.render(field, value, zone);
        }
        Map<String, Object> nested = new LinkedHashMap<>();
        if (reference == FieldKind.ASSET) {
            String[] parts = value.toString().split(SEPARATOR, 6);
            nested.put("id", Long.parseLong(parts[0]));
            nested.put("asset_type_id", Long.parseLong(parts[1]));
            nested.put("name", parts[5]);
            nested.put("owner_id", Long.parseLong(parts[2]));
            nested.put("asset_class_id", Long.parseLong(parts[3]));
            nested.put("asset_status_id", Long.parseLong(parts[4]));
        } else {
            String[] parts = value.toString().split(SEPARATOR, 3);
            int length = Integer.parseInt(parts[1]);
            nested.put("id", Long.parseLong(parts[0]));
            nested.put("user_name", parts[2].substring(0, length));
            nested.put("full_name", parts[2].substring(length + SEPARATOR.length()));
        }
        return nested;
    }
}

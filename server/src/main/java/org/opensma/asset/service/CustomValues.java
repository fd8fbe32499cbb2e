package org.opensma.asset.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.opensma.asset.CustomField;
import org.opensma.asset.persistence.AssetRepository;
import org.opensma.asset.persistence.AssetRepository.StoredValue;
import tools.jackson.databind.JsonNode;

/** Reads a custom field value of each kind and checks references against the organization. */
final class CustomValues {

    private CustomValues() {
    }

    /** Reads the value to store from a request, or returns null to clear the field. */
    static StoredValue read(CustomField field, JsonNode value, long orgId, AssetRepository assets) {
        if (value == null || value.isNull()) {
            return null;
        }
        String key = field.key();
        return switch (field.kind()) {
            case TEXT -> new StoredValue(JsonValues.text(value, key, 4000), null, null);
            case NUMBER -> new StoredValue(null, JsonValues.number(value, key), null);
            case DATE -> new StoredValue(date(value, key), null, null);
            case CHOICE -> new StoredValue(choice(field, value), null, null);
            case ASSET -> {
                long id = JsonValues.id(value, key);
                if (!assets.exists(orgId, id, field.refTypeId())) {
                    throw JsonValues.invalid(key + " refers to asset " + id + ", which is not an asset of this"
                            + " organization" + (field.refTypeId() == null ? "" : " of type " + field.refTypeId()));
                }
                yield new StoredValue(null, null, id);
            }
            case USER -> {
                long id = JsonValues.id(value, key);
                if (!assets.isMember(orgId, id)) {
                    throw JsonValues.invalid(key + " refers to user " + id + ", who is not a member of this"
                            + " organization");
                }
                yield new StoredValue(null, null, id);
            }
        };
    }

    /** Formats the value as the asset history shows it. */
    static String show(StoredValue value) {
        if (value == null) {
            return null;
        }
        if (value.refId() != null) {
            return value.refId().toString();
        }
        return value.number() != null ? value.number().stripTrailingZeros().toPlainString() : value.text();
    }

    /** Returns whether two stored values are equal, comparing numbers by value. */
    static boolean same(StoredValue a, StoredValue b) {
        if (a == null || b == null) {
            return a == b;
        }
        return java.util.Objects.equals(a.text(), b.text()) && java.util.Objects.equals(a.refId(), b.refId())
                && compare(a.number(), b.number());
    }

    private static boolean compare(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? a == b : a.compareTo(b) == 0;
    }

    private static String date(JsonNode value, String key) {
        String text = value.isString() ? value.asString().strip() : null;
        try {
            return LocalDate.parse(text).toString();
        } catch (DateTimeParseException | NullPointerException e) {
            throw JsonValues.invalid(key + " must be a date YYYY-MM-DD, got " + JsonValues.describe(value));
        }
    }

    private static String choice(CustomField field, JsonNode value) {
        String text = JsonValues.text(value, field.key(), 4000);
        return field.choices().stream().filter(choice -> choice.equalsIgnoreCase(text.strip())).findFirst()
                .orElseThrow(() -> JsonValues.invalid(field.key() + " must be one of " + field.choices()
                        + ", got " + JsonValues.describe(value)));
    }
}

package org.opensma.asset;

import java.util.List;

/**
 * A custom field of an asset type in one organization, shown as {@code field_<id>}.
 *
 * @param choices   the accepted values of a choice field, empty for the other kinds
 * @param refTypeId the asset type an asset reference must have, or null for any type
 */
public record CustomField(long id, long typeId, String name, FieldKind kind, List<String> choices, Long refTypeId) {

    public CustomField {
        choices = List.copyOf(choices);
    }

    /** The key of the field in responses, filters and write bodies. */
    public String key() {
        return key(id);
    }

    public static String key(long fieldId) {
        return "field_" + fieldId;
    }
}

package org.opensma.query.syntax;

import java.util.Locale;
import java.util.Objects;

/**
 * Field reference {@code [entity.]field} as written in a filter or sort key.
 *
 * @param entity lower-case entity or relation name, or null when the query left it out
 * @param field  field name as written (the resolver ignores its case), or {@code *} for any field
 */
public record FieldRef(String entity, String field) {

    /** Field name that matches any text field of the entity. */
    public static final String WILDCARD = "*";

    public FieldRef {
        Objects.requireNonNull(field, "field");
        if (entity != null) {
            entity = entity.toLowerCase(Locale.ROOT);
        }
    }

    /** Returns whether this is the wildcard {@code *}. */
    public boolean isWildcard() {
        return WILDCARD.equals(field);
    }

    @Override
    public String toString() {
        return entity == null ? field : entity + "." + field;
    }
}

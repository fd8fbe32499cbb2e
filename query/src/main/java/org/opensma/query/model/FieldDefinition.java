package org.opensma.query.model;

import java.util.List;
import java.util.Objects;

/**
 * Field of an entity.
 *
 * @param name   exact JSON key in responses, such as {@code Id}, {@code Os_name} or {@code Ram Total}
 * @param column SQL column name, which this module only uses as the key of in-memory rows
 * @param type   value type
 * @param level  lowest shaping level whose output contains the field
 * @param aliases other names a filter or sort may use, such as {@code name} for the software
 *     field whose JSON key is {@code DISPLAY_NAME}
 */
public record FieldDefinition(String name, String column, FieldType type, ShapingLevel level,
        List<String> aliases) {

    public FieldDefinition(String name, String column, FieldType type, ShapingLevel level) {
        this(name, column, type, level, List.of());
    }

    public FieldDefinition {
        aliases = List.copyOf(aliases);
        for (String alias : aliases) {
            Names.requireIdentifier(alias, "alias of field " + name);
        }
        Names.requireText(name, "field name");
        Names.requireText(column, "column of field " + name);
        Objects.requireNonNull(type, "type of field " + name);
        Objects.requireNonNull(level, "level of field " + name);
        if (!Names.isIdentifier(Names.lookupKey(name))) {
            throw new IllegalArgumentException("Field name '" + name
                    + "' cannot be written in a filter; use letters, digits, '_' and spaces only");
        }
    }

    /** Key under which filters find this field: lower case, with spaces turned into underscores. */
    public String lookupKey() {
        return Names.lookupKey(name);
    }

    /** Returns whether a query may name this field by {@code key}, a lookup key. */
    public boolean answersTo(String key) {
        return lookupKey().equals(key) || aliases.stream().anyMatch(alias -> Names.lookupKey(alias).equals(key));
    }
}

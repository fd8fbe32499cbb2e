package org.opensma.agent.message;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One occurrence of an inventory section, such as one SOFTWARES element.
 *
 * <p>Field names are the element names below the section. Deeper elements use their path, such
 * as {@code TIMEZONE/NAME}, and attributes append {@code @NAME}, such as
 * {@code HISTORY/PACKAGE@ID}. Repeated fields are joined with ", ", and text of a section without
 * fields, such as VERSIONCLIENT, is stored under {@link #TEXT}.
 *
 * @param fields field values in document order, whitespace-only values stored as ""
 */
public record Section(Map<String, String> fields) {

    /** Field name for the text of the section element itself. */
    public static final String TEXT = "#text";

    private static final Section EMPTY = new Section(Map.of());

    public Section {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public static Section empty() {
        return EMPTY;
    }

    /** Returns the field value, or "" when the field is absent. */
    public String get(String field) {
        return fields.getOrDefault(field, "");
    }

    /** Returns the value of the first field in {@code names} that is not blank, or "". */
    public String firstOf(String... names) {
        for (String name : names) {
            String value = get(name);
            if (!value.isBlank()) {
                return value;
            }
        }
        return "";
    }

    /** Returns the text of the section element itself, such as the agent version of VERSIONCLIENT. */
    public String text() {
        return get(TEXT);
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }
}

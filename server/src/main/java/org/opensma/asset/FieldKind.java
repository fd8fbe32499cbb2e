package org.opensma.asset;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kinds of custom asset fields, by the name the API reads and shows. */
public enum FieldKind {
    TEXT,
    NUMBER,
    DATE,
    CHOICE,
    /** A reference to another asset, shown as a nested object. */
    ASSET,
    /** A reference to a user of the organization. */
    USER;

    public static final String ACCEPTED = Arrays.stream(values()).map(FieldKind::key)
            .collect(Collectors.joining(", "));

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FieldKind> fromKey(String key) {
        return Arrays.stream(values()).filter(kind -> kind.key().equalsIgnoreCase(key.trim())).findFirst();
    }
}

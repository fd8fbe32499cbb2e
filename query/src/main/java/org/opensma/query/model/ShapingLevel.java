package org.opensma.query.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.opensma.query.QueryException;
import org.opensma.query.Texts;

/** Amount of data returned per entity, from the fewest fields to all of them. */
public enum ShapingLevel {
    LIMITED,
    STANDARD,
    EXTENDED,
    ALL;

    /** Level names listed in error messages. */
    public static final String ACCEPTED = Arrays.stream(values())
            .map(ShapingLevel::name)
            .collect(Collectors.joining(", "));

    /** Returns whether output at this level contains the fields of level {@code other}. */
    public boolean includes(ShapingLevel other) {
        return ordinal() >= other.ordinal();
    }

    /**
     * Parses a level name in any case. {@code regular} is STANDARD because KACE clients send it
     * although the KACE documentation does not list it.
     */
    public static Optional<ShapingLevel> fromText(String text) {
        String upper = text.trim().toUpperCase(Locale.ROOT);
        if (upper.equals("REGULAR")) {
            return Optional.of(STANDARD);
        }
        return Arrays.stream(values()).filter(level -> level.name().equals(upper)).findFirst();
    }

    /** Parses a level like {@link #fromText} but raises QUERY_BAD_SHAPING for an unknown name. */
    public static ShapingLevel parse(String text) {
        return fromText(text).orElseThrow(() -> new QueryException(QueryException.BAD_SHAPING,
                "Unknown shaping level " + Texts.quote(text) + ". Accepted levels: " + ACCEPTED
                        + " (any case, and 'regular' for STANDARD)."));
    }
}

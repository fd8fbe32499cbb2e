package org.opensma.query.syntax;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.opensma.query.model.ShapingLevel;

/**
 * Levels requested by the {@code shaping} parameter.
 *
 * @param levels lower-case entity or relation name to level, in the order of the request
 */
public record Shape(Map<String, ShapingLevel> levels) {

    /** Shape of a request without a {@code shaping} parameter. */
    public static final Shape NONE = new Shape(Map.of());

    public Shape {
        Map<String, ShapingLevel> copy = new LinkedHashMap<>();
        levels.forEach((entity, level) -> copy.put(entity.toLowerCase(Locale.ROOT), level));
        levels = Collections.unmodifiableMap(copy);
    }

    @Override
    public String toString() {
        return levels.entrySet().stream()
                .map(entry -> entry.getKey() + " " + entry.getValue())
                .collect(Collectors.joining(","));
    }
}

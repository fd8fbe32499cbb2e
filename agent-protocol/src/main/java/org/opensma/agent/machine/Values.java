package org.opensma.agent.machine;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Conversions for agent field values, which are always text and often decorated. */
final class Values {

    // A leading integer, so "24105", "2048 MB" and "274877.906944" all parse.
    private static final Pattern LEADING_INTEGER = Pattern.compile("^\\s*(-?\\d{1,18})");

    private Values() {
    }

    /** Returns the leading integer of a value, or null when there is none. */
    static Long parseLong(String value) {
        if (value == null) {
            return null;
        }
        Matcher matcher = LEADING_INTEGER.matcher(value);
        return matcher.find() ? Long.valueOf(matcher.group(1)) : null;
    }

    static Integer parseInteger(String value) {
        Long parsed = parseLong(value);
        boolean fits = parsed != null && parsed >= Integer.MIN_VALUE && parsed <= Integer.MAX_VALUE;
        return fits ? parsed.intValue() : null;
    }

    /** Joins the non-blank values with ", ", keeping the first occurrence of each. */
    static String joinDistinct(Collection<String> values) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                distinct.add(value.strip());
            }
        }
        return String.join(", ", distinct);
    }

    /** Joins the non-blank parts with a space. */
    static String joinWords(String... parts) {
        StringBuilder text = new StringBuilder();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                if (!text.isEmpty()) {
                    text.append(' ');
                }
                text.append(part.strip());
            }
        }
        return text.toString();
    }
}

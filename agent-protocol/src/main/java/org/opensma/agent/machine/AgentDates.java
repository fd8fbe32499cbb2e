package org.opensma.agent.machine;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Parses the date formats the agents send. Parsing is strict, so placeholders such as the
 * {@code 1970-00-01} that the OCS agent 2.10 sends as HARDWARE/INSTALLDATE are rejected.
 */
final class AgentDates {

    private static final DateTimeFormatter OUTPUT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private static final List<Format> FORMATS = List.of(
            Format.dateTime("uuuu-MM-dd HH:mm:ss"),
            Format.dateTime("uuuu/MM/dd HH:mm:ss"),
            Format.dateTime("uuuu-MM-dd HH:mm"),
            Format.date("uuuu-MM-dd"),
            Format.date("uuuu/MM/dd"),
            // Day-first dates are how FusionInventory reports Windows software install dates.
            Format.date("dd/MM/uuuu"),
            Format.date("uuuuMMdd"));

    private AgentDates() {
    }

    /**
     * One accepted format. The shape, digits where the pattern has a field, picks the format
     * before parsing, because a failed parse throws, and an inventory has a date in each of
     * hundreds of packages.
     */
    private record Format(Pattern shape, DateTimeFormatter formatter, boolean withTime) {

        static Format dateTime(String pattern) {
            return new Format(shapeOf(pattern), strict(pattern), true);
        }

        static Format date(String pattern) {
            return new Format(shapeOf(pattern), strict(pattern), false);
        }

        private static Pattern shapeOf(String pattern) {
            StringBuilder shape = new StringBuilder();
            for (char c : pattern.toCharArray()) {
                shape.append(Character.isLetter(c) ? "\\d" : Pattern.quote(String.valueOf(c)));
            }
            return Pattern.compile(shape.toString());
        }

        private static DateTimeFormatter strict(String pattern) {
            return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
        }

        LocalDateTime parse(String text) {
            return withTime ? LocalDateTime.parse(text, formatter) : LocalDate.parse(text, formatter).atStartOfDay();
        }
    }

    /** Returns the date and time of a value, midnight for a date alone, or null when unreadable. */
    static LocalDateTime parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        for (Format format : FORMATS) {
            if (format.shape().matcher(text).matches()) {
                try {
                    return format.parse(text);
                } catch (DateTimeException e) {
                    // The shape fits but a field is out of range, such as month 00: try the next format.
                }
            }
        }
        return null;
    }

    /** Returns a value as YYYY-MM-DD HH:MM:SS, or "" when unreadable. */
    static String normalise(String value) {
        LocalDateTime parsed = parse(value);
        return parsed == null ? "" : parsed.format(OUTPUT);
    }
}

package org.opensma.agent.machine;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.List;

/**
 * Parses the date formats the agents send. Parsing is strict, so placeholders such as the
 * {@code 1970-00-01} that the OCS agent 2.10 sends as HARDWARE/INSTALLDATE are rejected.
 */
final class AgentDates {

    private static final DateTimeFormatter OUTPUT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private static final List<DateTimeFormatter> DATE_TIMES = List.of(
            strict("uuuu-MM-dd HH:mm:ss"),
            strict("uuuu/MM/dd HH:mm:ss"),
            strict("uuuu-MM-dd HH:mm"));

    // Day-first dates are how FusionInventory reports Windows software install dates.
    private static final List<DateTimeFormatter> DATES = List.of(
            strict("uuuu-MM-dd"),
            strict("uuuu/MM/dd"),
            strict("dd/MM/uuuu"),
            strict("uuuuMMdd"));

    private AgentDates() {
    }

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
    }

    /** Returns the date and time of a value, midnight for a date alone, or null when unreadable. */
    static LocalDateTime parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        for (DateTimeFormatter format : DATE_TIMES) {
            try {
                return LocalDateTime.parse(text, format);
            } catch (DateTimeException e) {
                // Try the next format.
            }
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(text, format).atStartOfDay();
            } catch (DateTimeException e) {
                // Try the next format.
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

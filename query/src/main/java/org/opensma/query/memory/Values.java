package org.opensma.query.memory;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;

import org.opensma.query.model.FieldType;
import org.opensma.query.resolve.TypedValues;

/**
 * Conversion of stored column values to comparable Java values, so that a row may hold numbers as
 * Long, Integer or BigDecimal, and timestamps as LocalDateTime, LocalDate or text.
 */
final class Values {

    private Values() {
    }

    /** Returns text lower-cased for comparison, with NULL as the empty string. */
    static String text(Object value) {
        return value == null ? "" : value.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns a String, BigDecimal or LocalDateTime for {@code type}, or null for NULL.
     *
     * @throws IllegalArgumentException when the stored value does not fit the type
     */
    static Comparable<?> typed(FieldType type, Object value) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case STRING -> text(value);
            case INTEGER, DECIMAL -> number(value);
            case DATETIME -> dateTime(value);
        };
    }

    /** Compares two non-null values returned by {@link #typed} for the same type. */
    @SuppressWarnings({"unchecked", "rawtypes"}) // both values come from typed() for one field type
    static int compare(Comparable<?> left, Comparable<?> right) {
        return ((Comparable) left).compareTo(right);
    }

    private static BigDecimal number(Object value) {
        return switch (value) {
            case BigDecimal decimal -> decimal;
            case BigInteger integer -> new BigDecimal(integer);
            case Long number -> BigDecimal.valueOf(number);
            case Integer number -> BigDecimal.valueOf(number);
            case Short number -> BigDecimal.valueOf(number);
            case Byte number -> BigDecimal.valueOf(number);
            case Double number -> BigDecimal.valueOf(number);
            case Float number -> BigDecimal.valueOf(number);
            case String text -> new BigDecimal(text.strip());
            default -> throw new IllegalArgumentException("Cannot compare " + value.getClass().getName() + " as a number");
        };
    }

    private static LocalDateTime dateTime(Object value) {
        return switch (value) {
            case LocalDateTime dateTime -> dateTime;
            case LocalDate date -> date.atStartOfDay();
            case String text -> {
                LocalDateTime parsed = TypedValues.parseDateTimeOrNull(text);
                if (parsed == null) {
                    throw new IllegalArgumentException("Cannot read '" + text + "' as a date and time");
                }
                yield parsed;
            }
            default -> throw new IllegalArgumentException("Cannot compare " + value.getClass().getName() + " as a date and time");
        };
    }
}

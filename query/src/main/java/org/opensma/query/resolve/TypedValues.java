package org.opensma.query.resolve;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.opensma.query.QueryException;
import org.opensma.query.Texts;
import org.opensma.query.model.FieldDefinition;

/** Converts filter values to the Java type of their field. */
public final class TypedValues {

    /**
     * {@code YYYY-MM-DD HH:MM:SS} as the appliance writes timestamps, also with one-digit month,
     * day and hour, or a date alone for midnight.
     */
    private static final Pattern DATETIME = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:\\s+(\\d{1,2}):(\\d{2}):(\\d{2}))?");

    private TypedValues() {
    }

    /**
     * Returns {@code text} as String, Long, BigDecimal or LocalDateTime after the field type.
     *
     * @param context the filter, quoted in the error message
     * @throws QueryException QUERY_BAD_VALUE when the text does not parse
     */
    public static Object parse(FieldDefinition field, String text, String context) {
        return switch (field.type()) {
            case STRING -> text;
            case INTEGER -> parseInteger(field, text, context);
            case DECIMAL -> parseDecimal(field, text, context);
            case DATETIME -> parseDateTime(field, text, context);
        };
    }

    /** Parses a timestamp in the accepted forms, or returns null when {@code text} is not one. */
    public static LocalDateTime parseDateTimeOrNull(String text) {
        Matcher matcher = DATETIME.matcher(text.strip());
        if (!matcher.matches()) {
            return null;
        }
        try {
            return LocalDateTime.of(
                    Integer.parseInt(matcher.group(1)),
                    Integer.parseInt(matcher.group(2)),
                    Integer.parseInt(matcher.group(3)),
                    matcher.group(4) == null ? 0 : Integer.parseInt(matcher.group(4)),
                    matcher.group(5) == null ? 0 : Integer.parseInt(matcher.group(5)),
                    matcher.group(6) == null ? 0 : Integer.parseInt(matcher.group(6)));
        } catch (DateTimeException e) {
            // NOTE: the appliance's "never" value 0000-00-00 00:00:00 lands here and is rejected
            // because LocalDateTime has no month 0.
            return null;
        }
    }

    private static Long parseInteger(FieldDefinition field, String text, String context) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw invalid(field, text, context, "a whole number such as 42");
        }
    }

    private static BigDecimal parseDecimal(FieldDefinition field, String text, String context) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw invalid(field, text, context, "a decimal number such as 12.5");
        }
    }

    private static LocalDateTime parseDateTime(FieldDefinition field, String text, String context) {
        LocalDateTime value = parseDateTimeOrNull(text);
        if (value == null) {
            throw invalid(field, text, context, "a date and time 'YYYY-MM-DD HH:MM:SS' or a date 'YYYY-MM-DD'");
        }
        return value;
    }

    private static QueryException invalid(FieldDefinition field, String text, String context, String expected) {
        String type = field.type().name().toLowerCase(Locale.ROOT);
        return new QueryException(QueryException.BAD_VALUE, "Invalid value " + Texts.quote(text) + " for "
                + type + " field '" + field.name() + "' in filter " + Texts.quote(context) + ". Expected "
                + expected + ".");
    }
}

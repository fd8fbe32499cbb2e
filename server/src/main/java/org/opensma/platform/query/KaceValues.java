package org.opensma.platform.query;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.opensma.query.model.FieldDefinition;

/** The appliance's value formats: times as {@code YYYY-MM-DD HH:MM:SS} in the organization's zone. */
public final class KaceValues {

    /** What the appliance shows for a time that never happened. */
    public static final String NEVER = "0000-00-00 00:00:00";
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private KaceValues() {
    }

    /** Formats a UTC time in the zone, or returns {@link #NEVER} for null. */
    public static String time(LocalDateTime utc, ZoneId zone) {
        if (utc == null) {
            return NEVER;
        }
        return utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).format(TIME);
    }

    /** Renders every value as a string, as the inventory module of the appliance does; null becomes "". */
    public static final ValueRenderer STRINGS = KaceValues::asString;

    /**
     * Renders numbers as JSON numbers, times as {@code YYYY-MM-DD HH:MM:SS} in the zone and
     * anything else as a string, and leaves out the key of a null value: the format of
     * entities with lower_snake keys and numeric ids, such as assets and the audit log.
     */
    public static final ValueRenderer TYPED = KaceValues::typed;

    private static Object typed(FieldDefinition field, Object value, ZoneId zone) {
        return switch (value) {
            case null -> null;
            case LocalDateTime time -> time(time, zone);
            case Long number -> number;
            case Integer number -> number.longValue();
            case Short number -> number.longValue();
            case BigDecimal decimal -> decimal;
            default -> value.toString();
        };
    }

    private static Object asString(FieldDefinition field, Object value, ZoneId zone) {
        return switch (value) {
            case null -> switch (field.type()) {
                case DATETIME -> NEVER;
                default -> "";
            };
            case LocalDateTime time -> time(time, zone);
            case BigDecimal decimal -> decimal.stripTrailingZeros().toPlainString();
            default -> value.toString();
        };
    }
}

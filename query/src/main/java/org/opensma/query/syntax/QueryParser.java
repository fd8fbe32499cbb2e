package org.opensma.query.syntax;

import java.util.Locale;

import org.opensma.query.QueryException;

/** Parses the KACE query parameters into a {@link Query}, checking syntax only. */
public final class QueryParser {

    /** Longest accepted parameter value in characters, so that a request cannot make the parser do unbounded work. */
    public static final int MAX_PARAMETER_LENGTH = 8_192;

    /** Most filters, and most sort keys, accepted in one request. */
    public static final int MAX_TERMS = 50;

    private QueryParser() {
    }

    /** Parses all parameters. An absent or blank parameter takes its default. */
    public static Query parse(RawQuery raw) {
        String filtering = bounded("filtering", raw.filtering());
        String sorting = bounded("sorting", raw.sorting());
        String paging = bounded("paging", raw.paging());
        String shaping = bounded("shaping", raw.shaping());
        String useCount = bounded("use_count", raw.useCount());
        String useCountOnly = bounded("use_count_only", raw.useCountOnly());

        return new Query(
                FilteringParser.parse(filtering),
                SortingParser.parse(sorting),
                PagingParser.parse(paging),
                ShapingParser.parse(shaping),
                parseUseCount(useCount),
                parseUseCountOnly(useCountOnly));
    }

    /** Returns false only for {@code false} or {@code 0}, because counting is on by default. */
    static boolean parseUseCount(String text) {
        return !isOff(text);
    }

    /** Returns true for any value except {@code false}, {@code 0} and an empty value, as the KACE documentation states. */
    static boolean parseUseCountOnly(String text) {
        return text != null && !text.isBlank() && !isOff(text);
    }

    private static boolean isOff(String text) {
        if (text == null) {
            return false;
        }
        String value = text.trim().toLowerCase(Locale.ROOT);
        return value.equals("false") || value.equals("0");
    }

    private static String bounded(String parameter, String text) {
        if (text != null && text.length() > MAX_PARAMETER_LENGTH) {
            throw new QueryException(QueryException.TOO_LONG, "Parameter '" + parameter + "' is "
                    + text.length() + " characters long. The maximum is " + MAX_PARAMETER_LENGTH + " characters.");
        }
        return text;
    }
}

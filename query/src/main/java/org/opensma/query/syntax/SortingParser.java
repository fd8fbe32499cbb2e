package org.opensma.query.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.opensma.query.QueryException;
import org.opensma.query.Texts;

/** Parses {@code sorting}: keys {@code [entity.]field [asc|desc]} separated by commas. */
final class SortingParser {

    private SortingParser() {
    }

    static List<Sort> parse(String text) {
        if (Tokens.isBlank(text)) {
            return List.of();
        }
        List<String> items = Tokens.splitCommas(text);
        if (items.size() > QueryParser.MAX_TERMS) {
            throw new QueryException(QueryException.BAD_SORTING, "Parameter 'sorting' has " + items.size()
                    + " sort keys. The maximum is " + QueryParser.MAX_TERMS + ".");
        }

        List<Sort> sorts = new ArrayList<>();
        for (String item : items) {
            sorts.add(parseSort(text, item));
        }
        return sorts;
    }

    private static Sort parseSort(String text, String item) {
        List<String> words = Tokens.words(item);
        if (words.isEmpty()) {
            throw new QueryException(QueryException.BAD_SORTING, "Empty sort key in " + Texts.quote(text)
                    + ". Separate keys with single commas and leave no comma at either end.");
        }
        if (words.size() > 2) {
            throw new QueryException(QueryException.BAD_SORTING, "Invalid sort key " + Texts.quote(item)
                    + ". Write '[entity.]field [asc|desc]'.");
        }

        FieldRef field = Tokens.fieldRef(words.get(0), QueryException.BAD_SORTING, item);
        if (field.isWildcard()) {
            throw new QueryException(QueryException.BAD_SORTING, "Cannot sort by " + Texts.quote(words.get(0))
                    + " in " + Texts.quote(item) + ". Name one field.");
        }
        boolean descending = words.size() == 2 && isDescending(item, words.get(1));
        return new Sort(field, descending);
    }

    private static boolean isDescending(String item, String direction) {
        return switch (direction.toLowerCase(Locale.ROOT)) {
            case "asc" -> false;
            case "desc" -> true;
            default -> throw new QueryException(QueryException.BAD_SORTING, "Unknown sort direction "
                    + Texts.quote(direction) + " in " + Texts.quote(item) + ". Accepted directions: asc, desc.");
        };
    }
}

package org.opensma.query.syntax;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.opensma.query.QueryException;
import org.opensma.query.Texts;

/**
 * Parses {@code paging}: {@code limit N} and {@code offset M} in either order, or a bare number
 * as the limit because KACE client libraries send {@code paging=50}.
 */
final class PagingParser {

    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private static final String FORMS = "Write 'limit N', 'offset M' or both, where N is a number, 0 or ALL"
            + " for all rows, and M is a number.";

    private PagingParser() {
    }

    static Page parse(String text) {
        if (Tokens.isBlank(text)) {
            return Page.DEFAULT;
        }
        List<String> words = Tokens.words(text);
        if (words.size() == 1 && DIGITS.matcher(words.get(0)).matches()) {
            return new Page(number(text, words.get(0)), 0);
        }
        if (words.size() % 2 != 0 || words.size() > 4) {
            throw new QueryException(QueryException.BAD_PAGING, "Invalid paging " + Texts.quote(text) + ". " + FORMS);
        }

        Long limit = Page.DEFAULT_LIMIT;
        boolean limitSeen = false;
        Long offset = null;
        for (int i = 0; i < words.size(); i += 2) {
            String key = words.get(i).toLowerCase(Locale.ROOT);
            String value = words.get(i + 1);
            switch (key) {
                case "limit" -> {
                    rejectRepeated(text, key, limitSeen);
                    limitSeen = true;
                    limit = value.equalsIgnoreCase("all") ? null : number(text, value);
                }
                case "offset" -> {
                    rejectRepeated(text, key, offset != null);
                    offset = number(text, value);
                }
                default -> throw new QueryException(QueryException.BAD_PAGING, "Unknown word "
                        + Texts.quote(words.get(i)) + " in paging " + Texts.quote(text) + ". " + FORMS);
            }
        }
        return new Page(limit, offset == null ? 0 : offset);
    }

    private static void rejectRepeated(String text, String key, boolean seen) {
        if (seen) {
            throw new QueryException(QueryException.BAD_PAGING, "Paging " + Texts.quote(text) + " gives '"
                    + key + "' twice. Give it once.");
        }
    }

    private static long number(String text, String value) {
        if (!DIGITS.matcher(value).matches()) {
            throw new QueryException(QueryException.BAD_PAGING, "Invalid number " + Texts.quote(value)
                    + " in paging " + Texts.quote(text) + ". " + FORMS);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new QueryException(QueryException.BAD_PAGING, "Number " + Texts.quote(value) + " in paging "
                    + Texts.quote(text) + " is too large. The maximum is " + Long.MAX_VALUE + ".");
        }
    }
}

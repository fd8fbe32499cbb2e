package org.opensma.query.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.opensma.query.QueryException;
import org.opensma.query.Texts;

/** Splitting and field-reference rules shared by the parameter parsers. */
final class Tokens {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+");

    private Tokens() {
    }

    /** Returns whether the parameter is absent or holds only whitespace, which means "use the default". */
    static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    /** Splits on commas, keeping empty items so that callers can reject them. */
    static List<String> splitCommas(String text) {
        List<String> items = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ',') {
                items.add(text.substring(start, i).strip());
                start = i + 1;
            }
        }
        items.add(text.substring(start).strip());
        return items;
    }

    /** Splits on runs of whitespace, dropping leading and trailing whitespace. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        String rest = text.strip();
        while (!rest.isEmpty()) {
            int end = endOfWord(rest);
            words.add(rest.substring(0, end));
            rest = rest.substring(end).strip();
        }
        return words;
    }

    /** Returns the index of the first whitespace character in {@code text}, or its length. */
    static int endOfWord(String text) {
        int i = 0;
        while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * Parses {@code [entity.]field}, where the field may be {@code *}.
     *
     * @param code    error code to raise when the reference is malformed
     * @param context the whole term, quoted in the error message
     */
    static FieldRef fieldRef(String text, String code, String context) {
        int dot = text.indexOf('.');
        String entity = dot < 0 ? null : text.substring(0, dot);
        String field = dot < 0 ? text : text.substring(dot + 1);

        boolean entityValid = entity == null || NAME.matcher(entity).matches();
        boolean fieldValid = FieldRef.WILDCARD.equals(field) || NAME.matcher(field).matches();
        if (!entityValid || !fieldValid) {
            throw new QueryException(code, "Invalid field reference " + Texts.quote(text) + " in "
                    + Texts.quote(context) + ". Write [entity.]field with letters, digits and '_',"
                    + " or '*' for any field.");
        }
        return new FieldRef(entity, field);
    }
}

package org.opensma.query.syntax;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.opensma.query.QueryException;
import org.opensma.query.Texts;
import org.opensma.query.model.ShapingLevel;

/**
 * Parses {@code shaping}: pairs {@code entity LEVEL} separated by commas. A repeated level such as
 * {@code machine all all} is accepted because a KACE client sends it. An unknown level is
 * rejected rather than guessed.
 */
final class ShapingParser {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+");

    private ShapingParser() {
    }

    static Shape parse(String text) {
        if (Tokens.isBlank(text)) {
            return Shape.NONE;
        }
        Map<String, ShapingLevel> levels = new LinkedHashMap<>();
        for (String item : Tokens.splitCommas(text)) {
            List<String> words = Tokens.words(item);
            if (words.isEmpty()) {
                throw new QueryException(QueryException.BAD_SHAPING, "Empty entry in shaping " + Texts.quote(text)
                        + ". Separate 'entity LEVEL' pairs with single commas.");
            }
            String entity = entityName(item, words.get(0));
            ShapingLevel level = level(item, words);

            ShapingLevel previous = levels.putIfAbsent(entity, level);
            if (previous != null && previous != level) {
                throw new QueryException(QueryException.BAD_SHAPING, "Shaping " + Texts.quote(text)
                        + " gives entity '" + entity + "' two levels, " + previous + " and " + level + ". Give one.");
            }
        }
        return new Shape(levels);
    }

    private static String entityName(String item, String word) {
        if (!NAME.matcher(word).matches()) {
            throw new QueryException(QueryException.BAD_SHAPING, "Invalid entity name " + Texts.quote(word)
                    + " in shaping entry " + Texts.quote(item) + ". Write 'entity LEVEL'.");
        }
        return word.toLowerCase(Locale.ROOT);
    }

    private static ShapingLevel level(String item, List<String> words) {
        if (words.size() < 2) {
            throw new QueryException(QueryException.BAD_SHAPING, "Shaping entry " + Texts.quote(item)
                    + " has no level. Write 'entity LEVEL' with one of: " + ShapingLevel.ACCEPTED + ".");
        }
        ShapingLevel level = ShapingLevel.parse(words.get(1));
        for (String repeated : words.subList(2, words.size())) {
            if (ShapingLevel.parse(repeated) != level) {
                throw new QueryException(QueryException.BAD_SHAPING, "Shaping entry " + Texts.quote(item)
                        + " gives different levels. Give one of: " + ShapingLevel.ACCEPTED + ".");
            }
        }
        return level;
    }
}

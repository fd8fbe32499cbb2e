package org.opensma.query.model;

import java.util.Locale;
import java.util.regex.Pattern;

/** Name rules shared by the declarations, so that every declared name can be written in a query. */
final class Names {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_]+");

    private Names() {
    }

    /** Returns the case- and space-insensitive form used to look up fields and entities. */
    static String lookupKey(String name) {
        return name.trim().toLowerCase(Locale.ROOT).replace(' ', '_');
    }

    static boolean isIdentifier(String name) {
        return IDENTIFIER.matcher(name).matches();
    }

    static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }

    static void requireIdentifier(String value, String what) {
        requireText(value, what);
        if (!isIdentifier(value)) {
            throw new IllegalArgumentException(what + " '" + value
                    + "' must contain only letters, digits and '_' so that queries can name it");
        }
    }
}

package org.opensma.query;

/** Text helpers shared by the parser and the resolver to keep error messages uniform. */
public final class Texts {

    /** Quoted excerpts stop here so that a huge parameter cannot produce a huge message. */
    private static final int MAX_QUOTED_LENGTH = 100;

    private Texts() {
    }

    /** Returns {@code text} in single quotes, shortened with "..." when it is long. */
    public static String quote(String text) {
        if (text.length() <= MAX_QUOTED_LENGTH) {
            return "'" + text + "'";
        }
        return "'" + text.substring(0, MAX_QUOTED_LENGTH) + "...'";
    }
}

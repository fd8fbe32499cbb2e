package org.opensma.platform.web;

/** Parses numeric ids from paths, with a KACE error naming the bad value. */
public final class PathIds {

    private PathIds() {
    }

    public static long parse(String text, String what) {
        try {
            long id = Long.parseLong(text.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // Reported below with the accepted form.
        }
        throw ApiError.INVALID_PARAMETER.exception(text, what, "expected a positive whole number");
    }
}

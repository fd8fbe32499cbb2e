package org.opensma.query.syntax;

/**
 * Query parameters as the servlet container decoded them ({@code +} and {@code %20} already
 * turned into spaces). Each parameter may be null when the request does not have it.
 */
public record RawQuery(String filtering, String sorting, String paging, String shaping, String useCount,
        String useCountOnly) {

    /** Request without any query parameter. */
    public static final RawQuery EMPTY = new RawQuery(null, null, null, null, null, null);
}

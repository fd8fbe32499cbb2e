package org.opensma.query.syntax;

/**
 * Window of the {@code paging} parameter.
 *
 * @param limit  maximum number of rows, or null for all rows ({@code limit 0} and {@code limit ALL})
 * @param offset zero-based index of the first row
 */
public record Page(Long limit, long offset) {

    /** Page size when the request gives no limit, as on the KACE appliance. */
    public static final long DEFAULT_LIMIT = 50;

    /** Page used when the request has no {@code paging} parameter. */
    public static final Page DEFAULT = new Page(DEFAULT_LIMIT, 0);

    public Page {
        if (limit != null && limit == 0) {
            limit = null;
        }
        if (limit != null && limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
    }

    @Override
    public String toString() {
        return "limit " + (limit == null ? "ALL" : limit) + " offset " + offset;
    }
}

package org.opensma.query.syntax;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Parsed query parameters, before any field is checked against an entity.
 *
 * @param filters    filters that must all match
 * @param sorts      sort keys, most significant first
 * @param page       requested window
 * @param shape      requested shaping levels
 * @param useCount   whether the response carries the total count
 * @param countOnly  whether the response carries only the total count
 */
public record Query(List<Filter> filters, List<Sort> sorts, Page page, Shape shape, boolean useCount,
        boolean countOnly) {

    public Query {
        filters = List.copyOf(filters);
        sorts = List.copyOf(sorts);
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(shape, "shape");
    }

    /** Returns the canonical {@code filtering} text. */
    public String filteringText() {
        return filters.stream().map(Filter::toString).collect(Collectors.joining(","));
    }

    /** Returns the canonical {@code sorting} text. */
    public String sortingText() {
        return sorts.stream().map(Sort::toString).collect(Collectors.joining(","));
    }

    /** Returns the canonical parameters, which {@link QueryParser#parse} turns back into an equal query. */
    public RawQuery toRawQuery() {
        return new RawQuery(filteringText(), sortingText(), page.toString(), shape.toString(),
                Boolean.toString(useCount), Boolean.toString(countOnly));
    }

    @Override
    public String toString() {
        return "filtering=[" + filteringText() + "] sorting=[" + sortingText() + "] paging=[" + page
                + "] shaping=[" + shape + "] use_count=" + useCount + " use_count_only=" + countOnly;
    }
}

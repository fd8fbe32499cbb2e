package org.opensma.query.memory;

import java.util.List;

import org.opensma.query.resolve.ResolvedQuery;

/** Runs a resolved query over rows in memory: filter, count, sort, then page. */
public final class InMemoryQuery {

    private InMemoryQuery() {
    }

    /**
     * Result of a query.
     *
     * @param count number of rows that match, before paging
     * @param rows  rows of the requested page, in order
     */
    public record Result(long count, List<Row> rows) {

        public Result {
            rows = List.copyOf(rows);
        }
    }

    /** Returns the count and the page that the server must return for {@code query} over {@code rows}. */
    public static Result execute(ResolvedQuery query, List<Row> rows) {
        List<Row> matching = rows.stream().filter(RowMatcher.of(query)).toList();

        List<Row> sorted = matching.stream().sorted(RowSorter.comparator(query)).toList();

        return new Result(matching.size(), PageSlicer.slice(sorted, query.page()));
    }
}

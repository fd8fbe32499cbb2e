package org.opensma.query.memory;

import java.util.List;

import org.opensma.query.syntax.Page;

/** Applies a {@link Page} to rows that are already sorted. */
public final class PageSlicer {

    private PageSlicer() {
    }

    /** Returns the rows of the page. An offset past the end gives an empty list, which KACE clients rely on to stop paging. */
    public static <T> List<T> slice(List<T> sorted, Page page) {
        int from = (int) Math.min(page.offset(), sorted.size());
        int to = page.limit() == null ? sorted.size() : (int) Math.min(from + page.limit(), sorted.size());
        return List.copyOf(sorted.subList(from, to));
    }
}

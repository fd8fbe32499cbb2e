package org.opensma.platform.query;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Writes a list response row by row, so that a response of any size streams. */
interface ListWriter extends AutoCloseable {

    /** Starts the envelope; {@code count} is null when the client turned counting off. */
    void start(Long count, String collectionKey) throws IOException;

    /**
     * Writes one item: its fields in order, then each related list under its output key.
     */
    void item(String itemName, Map<String, Object> fields, Map<String, RelatedItems> related) throws IOException;

    void end() throws IOException;

    /** Writes the whole response of {@code use_count_only}. */
    void countOnly(long count) throws IOException;

    @Override
    void close() throws IOException;

    /**
     * The related rows of one item for one included relation.
     *
     * @param single whether the relation is written as one object (left out without a row) instead of a list
     */
    record RelatedItems(String itemName, List<Map<String, Object>> rows, boolean single) {
    }
}

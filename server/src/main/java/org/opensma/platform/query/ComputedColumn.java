package org.opensma.platform.query;

import java.util.function.Function;
import org.jooq.Field;
import org.jooq.Table;

/**
 * A field whose value is an SQL expression over its row instead of a column of the table,
 * such as a custom field kept in another table. Both expressions are built for the table
 * (or alias) of the row, so they work wherever the entity appears in a query.
 *
 * @param value  the value filters and sorting compare
 * @param output the value the response shows; the renderer turns it into what the API shows
 */
public record ComputedColumn(Function<Table<?>, Field<?>> value, Function<Table<?>, Field<?>> output) {

    /** A computed field that filters and shows the same expression. */
    public static ComputedColumn of(Function<Table<?>, Field<?>> value) {
        return new ComputedColumn(value, value);
    }
}

package org.opensma.query.memory;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.opensma.query.model.EntityDefinition;
import org.opensma.query.resolve.ResolvedQuery;
import org.opensma.query.resolve.ResolvedSort;

/**
 * Order of rows as the SQL must produce it: each sort key with NULL first when ascending (last
 * when descending), text compared lower-cased, and remaining ties broken by the id column ascending.
 */
public final class RowSorter {

    private RowSorter() {
    }

    /** Returns the order of {@code query}'s rows. */
    public static Comparator<Row> comparator(ResolvedQuery query) {
        return comparator(query.base(), query.sorts());
    }

    /** Returns the order that {@code sorts} give to rows of {@code base}. */
    public static Comparator<Row> comparator(EntityDefinition base, List<ResolvedSort> sorts) {
        Comparator<Row> order = (left, right) -> 0;
        for (ResolvedSort sort : sorts) {
            Comparator<Row> key = Comparator.comparing(row -> sortKey(sort, row), RowSorter::compareNullsFirst);
            order = order.thenComparing(sort.descending() ? key.reversed() : key);
        }
        return order.thenComparing(row -> row.values().get(base.idColumn()), RowSorter::compareIds);
    }

    /**
     * Returns the value a row sorts by. For a related field it is the smallest related value when
     * ascending and the largest when descending, as SQL {@code MIN}/{@code MAX} over the related
     * rows would give, and NULL when no related row has a value.
     */
    private static Comparable<?> sortKey(ResolvedSort sort, Row row) {
        if (sort.relation() == null) {
            return Values.typed(sort.field().type(), row.values().get(sort.field().column()));
        }
        Comparable<?> chosen = null;
        for (Map<String, Object> related : row.relatedRows(sort.relation().name())) {
            Comparable<?> value = Values.typed(sort.field().type(), related.get(sort.field().column()));
            if (value == null) {
                continue;
            }
            int comparison = chosen == null ? 0 : Values.compare(value, chosen);
            if (chosen == null || (sort.descending() ? comparison > 0 : comparison < 0)) {
                chosen = value;
            }
        }
        return chosen;
    }

    private static int compareNullsFirst(Comparable<?> left, Comparable<?> right) {
        if (left == null && right == null) {
            return 0;
        }
        if (left == null) {
            return -1;
        }
        if (right == null) {
            return 1;
        }
        return Values.compare(left, right);
    }

    /** Compares ids numerically when both are numbers, so that a stored id 10 sorts after 9. */
    private static int compareIds(Object left, Object right) {
        if (left instanceof Number && right instanceof Number) {
            return new BigDecimal(left.toString()).compareTo(new BigDecimal(right.toString()));
        }
        return compareNullsFirst(left == null ? null : left.toString(), right == null ? null : right.toString());
    }
}

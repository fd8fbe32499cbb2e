package org.opensma.query.memory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Base row with its related rows.
 *
 * @param values  column name to value, where a missing column and a null value both mean SQL NULL
 * @param related relation name to the related rows, each a map of column name to value. A
 *                missing relation means no related rows
 */
public record Row(Map<String, Object> values, Map<String, List<Map<String, Object>>> related) {

    public Row {
        values = copyRow(values);
        Map<String, List<Map<String, Object>>> relatedCopy = new LinkedHashMap<>();
        related.forEach((relation, rows) -> relatedCopy.put(relation, rows.stream().map(Row::copyRow).toList()));
        related = Collections.unmodifiableMap(relatedCopy);
    }

    /** Creates a row without related rows. */
    public Row(Map<String, Object> values) {
        this(values, Map.of());
    }

    /** Returns the rows of {@code relation}, empty when the row has none. */
    public List<Map<String, Object>> relatedRows(String relation) {
        return related.getOrDefault(relation, List.of());
    }

    /** Copies a column map, keeping null values, which {@link Map#copyOf} rejects. */
    private static Map<String, Object> copyRow(Map<String, Object> row) {
        return Collections.unmodifiableMap(new HashMap<>(row));
    }

    /** Returns a copy of this row with {@code rows} added to {@code relation}, which helps build test data. */
    public Row with(String relation, List<Map<String, Object>> rows) {
        Map<String, List<Map<String, Object>>> copy = new LinkedHashMap<>(related);
        List<Map<String, Object>> merged = new ArrayList<>(relatedRows(relation));
        merged.addAll(rows);
        copy.put(relation, merged);
        return new Row(values, copy);
    }
}

package org.opensma.query.memory;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Three machines covering a value, a NULL and a missing related row for each operator. */
final class MachineRows {

    static final Row PC_ALPHA = new Row(columns(
            "id", 1L, "name", "PC-Alpha", "created", LocalDateTime.of(2020, 1, 1, 8, 0), "ram_total", 1024L,
            "os_name", null, "cpu_speed", 2.5))
            .with("software", List.of(columns("id", 1L, "name", "Word"), columns("id", 2L, "name", "Excel")))
            .with("location", List.of(columns("id", 7L, "name", "HQ")));

    static final Row UNNAMED = new Row(columns(
            "id", 2L, "name", null, "created", null, "ram_total", null, "cpu_speed", null))
            .with("software", List.of(columns("id", 3L, "name", "Office Word")));

    static final Row PC_BETA = new Row(columns(
            "id", 3L, "name", "pc-beta", "created", "2021-06-01 10:00:00", "ram_total", 2048,
            "cpu_speed", new BigDecimal("1.8")));

    static final List<Row> ALL = List.of(PC_ALPHA, UNNAMED, PC_BETA);

    private MachineRows() {
    }

    /** Builds a column map from name-value pairs, allowing null values. */
    static Map<String, Object> columns(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    static Object id(Row row) {
        return row.values().get("id");
    }
}

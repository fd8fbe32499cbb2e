package org.opensma.inventory.persistence;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.List;

/**
 * SQL text for the ingest's largest statements, bound through plain JDBC. An inventory with 800
 * software titles makes statements with thousands of bind values, and building those through
 * jOOQ was a large part of the server's CPU time per inventory in a profile.
 */
final class MultiRowSql {

    private MultiRowSql() {
    }

    /** Returns {@code INSERT INTO table (columns) VALUES (?, ...), ...} for the given number of rows. */
    static String insert(String table, List<String> columns, int rows) {
        String row = "(" + placeholders(columns.size()) + ")";
        StringBuilder sql = new StringBuilder(64 + rows * (row.length() + 1))
                .append("INSERT INTO ").append(table).append(" (").append(String.join(", ", columns))
                .append(") VALUES ").append(row);
        for (int i = 1; i < rows; i++) {
            sql.append(',').append(row);
        }
        return sql.toString();
    }

    /** Returns {@code ?, ?, ...} with the given number of placeholders. */
    static String placeholders(int count) {
        return "?" + ", ?".repeat(Math.max(0, count - 1));
    }

    static void setTimestamp(PreparedStatement statement, int index, LocalDateTime value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP);
        } else {
            statement.setObject(index, value);
        }
    }
}

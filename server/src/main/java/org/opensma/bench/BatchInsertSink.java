package org.opensma.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.List;

/**
 * JDBC batches of one prepared INSERT, committed every {@value #COMMIT_EVERY} rows so that
 * an embedded H2 database does not keep millions of uncommitted rows in its undo log.
 */
final class BatchInsertSink implements BulkSink {

    private static final int BATCH = 1_000;
    private static final int COMMIT_EVERY = 50_000;

    private final Connection connection;
    private final PreparedStatement insert;
    private int pending;
    private int uncommitted;

    BatchInsertSink(Connection connection, String table, List<String> columns) throws SQLException {
        this.connection = connection;
        String marks = String.join(", ", Collections.nCopies(columns.size(), "?"));
        this.insert = connection.prepareStatement(
                "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + marks + ")");
    }

    @Override
    public void row(Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object value = values[i] instanceof LocalDateTime time ? Timestamp.valueOf(time) : values[i];
            insert.setObject(i + 1, value);
        }
        insert.addBatch();
        if (++pending == BATCH) {
            insert.executeBatch();
            uncommitted += pending;
            pending = 0;
            if (uncommitted >= COMMIT_EVERY) {
                connection.commit();
                uncommitted = 0;
            }
        }
    }

    @Override
    public void close() throws SQLException {
        if (pending > 0) {
            insert.executeBatch();
        }
        insert.close();
    }
}

package org.opensma.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Rows of one table written at the speed the database allows. Values are strings,
 * numbers, {@link java.time.LocalDateTime} or null. {@link #close()} sends what is left;
 * the caller commits.
 */
interface BulkSink extends AutoCloseable {

    void row(Object... values) throws SQLException;

    @Override
    void close() throws SQLException;

    /** Returns PostgreSQL's COPY when the connection is PostgreSQL, batched inserts otherwise. */
    static BulkSink open(Connection connection, String table, List<String> columns) throws SQLException {
        if (connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
            return new CopySink(connection, table, columns);
        }
        return new BatchInsertSink(connection, table, columns);
    }
}

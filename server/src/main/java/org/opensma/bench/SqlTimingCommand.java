package org.opensma.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Parses {@code admin sql-timing [--clients N] [--seconds S] [--warmup W] FILE...} and runs the
 * statements of each file straight on the database, as pgbench does on PostgreSQL. It serves H2,
 * which runs inside the server and has no client of its own.
 */
public final class SqlTimingCommand {

    public static final String USAGE = """
              sql-timing [--clients N] [--seconds S] [--warmup W] FILE...
                  Benchmark: runs the statements of each FILE (one per line, all of a file in
                  turn) from N connections for S seconds after W seconds of warm-up, and prints
                  the file name, the average latency in ms and the rate per second.
                  Defaults: 8 clients, 10 s, 2 s. For test databases only.
            """;

    private SqlTimingCommand() {
    }

    /** The average latency and the rate of one timing of a file's statements. */
    record Timing(double latencyMillis, double perSecond) {
    }

    public static int run(DataSource dataSource, List<String> arguments, PrintStream out, PrintStream err) {
        int clients = 8;
        int seconds = 10;
        int warmup = 2;
        List<Path> files = new ArrayList<>();
        try {
            for (int i = 0; i < arguments.size(); i++) {
                String name = arguments.get(i);
                switch (name) {
                    case "--clients" -> clients = positive(name, arguments, ++i);
                    case "--seconds" -> seconds = positive(name, arguments, ++i);
                    case "--warmup" -> warmup = Integer.parseInt(value(name, arguments, ++i));
                    default -> {
                        if (name.startsWith("--")) {
                            throw new IllegalArgumentException("unknown option '" + name + "'");
                        }
                        files.add(Path.of(name));
                    }
                }
            }
            if (files.isEmpty()) {
                throw new IllegalArgumentException("at least one FILE of statements is required");
            }
        } catch (IllegalArgumentException e) {
            err.println("Error: " + e.getMessage() + ". Usage:");
            err.print(USAGE);
            return 1;
        }

        try {
            for (Path file : files) {
                List<String> statements = statements(file);
                time(dataSource, statements, clients, warmup);
                Timing timing = time(dataSource, statements, clients, seconds);
                out.printf(Locale.ROOT, "%s %.3f %.0f%n", fileName(file), timing.latencyMillis(), timing.perSecond());
            }
            return 0;
        } catch (IOException | SQLException | IllegalStateException e) {
            err.println("Error: " + e.getMessage());
            return 1;
        }
    }

    private static List<String> statements(Path file) throws IOException {
        List<String> statements = Files.readAllLines(file).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .map(line -> line.endsWith(";") ? line.substring(0, line.length() - 1) : line)
                .toList();
        if (statements.isEmpty()) {
            throw new IllegalStateException("File " + file + " contains no statement; write one SQL statement per line");
        }
        return statements;
    }

    /**
     * Runs the statements in turn on {@code clients} connections for {@code seconds}. Like
     * pgbench, the average latency is the time of all clients divided by the rounds they ran.
     */
    private static Timing time(DataSource dataSource, List<String> statements, int clients, int seconds)
            throws SQLException {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong rounds = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> workers = new ArrayList<>();
        long started = System.nanoTime();
        try {
            for (int i = 0; i < clients; i++) {
                workers.add(pool.submit(() -> {
                    try (Connection connection = dataSource.getConnection();
                            Statement statement = connection.createStatement()) {
                        while (running.get()) {
                            for (String sql : statements) {
                                statement.execute(sql);
                            }
                            rounds.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            sleep(seconds);
            running.set(false);
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new IllegalStateException("Timing failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while timing statements", e);
        } finally {
            running.set(false);
            pool.shutdownNow();
        }
        double elapsedSeconds = (System.nanoTime() - started) / 1e9;
        long done = Math.max(1, rounds.get());
        return new Timing(clients * elapsedSeconds * 1000 / done, done / elapsedSeconds);
    }

    private static void sleep(int seconds) throws InterruptedException {
        Thread.sleep(seconds * 1000L);
    }

    private static String fileName(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".sql") ? name.substring(0, name.length() - 4) : name;
    }

    private static String value(String option, List<String> arguments, int index) {
        if (index >= arguments.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return arguments.get(index);
    }

    private static int positive(String option, List<String> arguments, int index) {
        int value = Integer.parseInt(value(option, arguments, index));
        if (value < 1) {
            throw new IllegalArgumentException(option + " must be at least 1, not " + value);
        }
        return value;
    }
}

package org.opensma.microbench;

import java.util.concurrent.TimeUnit;

import org.opensma.query.syntax.Query;
import org.opensma.query.syntax.QueryParser;
import org.opensma.query.syntax.RawQuery;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Parsing the query parameters of a list request, which every list route does first. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class QueryLanguageBenchmark {

    private final RawQuery typical = new RawQuery("name eq host-000042", null, "limit 50", null, null, null);

    private final RawQuery busy = new RawQuery(
            "name st web-, os_name co Debian, software.name in (bash;openssl), ram_total ge 4096",
            "name desc, id", "limit 50 offset 100", "machine all, software limited", "false", null);

    @Benchmark
    public Query parseTypical() {
        return QueryParser.parse(typical);
    }

    @Benchmark
    public Query parseBusy() {
        return QueryParser.parse(busy);
    }
}

package io.newswire.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import io.newswire.schema.WireItem;
import io.newswire.streams.enrich.Enricher;
import io.newswire.streams.enrich.Enrichment;
import io.newswire.streams.enrich.EnrichmentSettings;

/**
 * The enrich stage on one normalized item, one thread, average time per item: {@link Enricher#enrich} with the
 * default settings, as every stream thread runs it. Items: {@link BenchItems}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EnrichBenchmark {

    @Param({BenchItems.SEED_IT, BenchItems.EN_4K, BenchItems.EN_10K, BenchItems.ZH_HEADLINE})
    public String item;

    private Enricher enricher;
    private WireItem normalized;

    @Setup
    public void setUp() {
        // Loading the models takes about a second: once per fork, never inside the measurement.
        enricher = Enricher.create(EnrichmentSettings.defaults());
        normalized = BenchItems.normalized(item);
    }

    @Benchmark
    public Enrichment enrich() {
        return enricher.enrich(normalized);
    }
}

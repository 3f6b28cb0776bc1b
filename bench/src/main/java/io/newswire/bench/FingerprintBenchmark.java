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

import io.newswire.schema.DedupSketch;
import io.newswire.schema.EnrichedItem;
import io.newswire.schema.WireItem;
import io.newswire.streams.dedup.Fingerprint;
import io.newswire.streams.dedup.FingerprintSettings;
import io.newswire.streams.dedup.Fingerprinter;
import io.newswire.streams.dedup.Sketcher;

/**
 * Near-duplicate fingerprinting per item, one thread, average time: the MinHash signature of an item's body
 * ({@link Fingerprinter#fingerprint}) and its whole sketch as the topology makes it ({@link Sketcher#sketch}:
 * signature, numbers, names, event keys). Items: {@link BenchItems}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class FingerprintBenchmark {

    @Param({BenchItems.SEED_IT, BenchItems.EN_4K, BenchItems.EN_10K})
    public String item;

    private Fingerprinter fingerprinter;
    private Sketcher sketcher;
    private String text;
    private EnrichedItem enriched;

    @Setup
    public void setUp() {
        fingerprinter = new Fingerprinter(FingerprintSettings.defaults());
        sketcher = new Sketcher(fingerprinter);
        final WireItem normalized = BenchItems.normalized(item);
        text = String.join("\n", normalized.getBody());
        enriched = DedupStateFootprint.enriched(normalized);
    }

    @Benchmark
    public Fingerprint fingerprint() {
        return fingerprinter.fingerprint(text);
    }

    @Benchmark
    public DedupSketch sketch() {
        return sketcher.sketch(enriched, 0L, 0, 0L);
    }
}

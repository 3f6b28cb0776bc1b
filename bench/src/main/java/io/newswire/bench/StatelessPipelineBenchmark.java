package io.newswire.bench;

import java.time.Instant;
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

import io.newswire.schema.EnrichedItem;
import io.newswire.schema.WireItem;
import io.newswire.streams.PipelineConfig;
import io.newswire.streams.enrich.Enricher;
import io.newswire.streams.stage.Normalizer;
import io.newswire.streams.stage.RouteDecider;
import io.newswire.streams.stage.StatelessPipeline;

/**
 * All stateless stages on one raw item (normalize, enrich, route decision, as {@code newswire enrich} runs them),
 * one thread, average time per item; with the default pipeline config. Items: {@link BenchItems}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class StatelessPipelineBenchmark {

    /** A fixed processing time: the output must not depend on when the benchmark runs. */
    private static final Instant AT = Instant.parse("2021-08-21T12:00:00Z");

    @Param({BenchItems.SEED_IT, BenchItems.EN_4K, BenchItems.EN_10K})
    public String item;

    private StatelessPipeline pipeline;
    private WireItem raw;

    @Setup
    public void setUp() {
        final PipelineConfig config = PipelineConfig.defaults();
        pipeline = new StatelessPipeline(new Normalizer(), Enricher.create(config.enrichment()),
                new RouteDecider(config.routes()));
        raw = BenchItems.raw(item);
    }

    @Benchmark
    public EnrichedItem process() {
        return pipeline.process(raw, AT);
    }
}

package io.newswire.bench;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
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
import io.newswire.schema.serde.AvroSerde;
import io.newswire.schema.serde.NewswireSerdes;
import io.newswire.schema.serde.SchemaRegistrySettings;
import io.newswire.streams.PipelineConfig;
import io.newswire.streams.enrich.Enricher;
import io.newswire.streams.stage.Normalizer;
import io.newswire.streams.stage.RouteDecider;
import io.newswire.streams.stage.StatelessPipeline;

/**
 * An EnrichedItem (the value of news.&lt;route&gt;, written once per route an item takes) encoded and decoded by the
 * serde the topology uses, in each framing: {@code single-object} (Avro single-object encoding, the default) and
 * {@code registry} (the Confluent wire format through the registry at {@code -p registry=URL}, which must be running:
 * see bench/scripts/registry-overhead.sh for how to start one). Schemas are registered in the set-up, so what is
 * measured is the per-record cost, not the first registration.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ValueFormatBenchmark {

    private static final Instant AT = Instant.parse("2021-08-21T12:00:00Z");

    @Param({"single-object", "registry"})
    public String format;

    /** The schema registry's base URL, for {@code format=registry}. */
    @Param({"http://localhost:18480"})
    public String registry;

    @Param({BenchItems.EN_4K})
    public String item;

    private String topic;
    private Serializer<EnrichedItem> serializer;
    private Deserializer<EnrichedItem> deserializer;
    private EnrichedItem value;
    private byte[] bytes;

    @Setup
    public void setUp() {
        final NewswireSerdes serdes = switch (format) {
            case "single-object" -> new NewswireSerdes();
            case "registry" -> new NewswireSerdes(SchemaRegistrySettings.at(registry));
            default -> throw new IllegalArgumentException("format is single-object or registry, was " + format);
        };
        final AvroSerde<EnrichedItem> serde = serdes.enrichedItem();
        serializer = serde.serializer();
        deserializer = serde.deserializer();
        final PipelineConfig config = PipelineConfig.defaults();
        value = new StatelessPipeline(new Normalizer(), Enricher.create(config.enrichment()),
            new RouteDecider(config.routes())).process(BenchItems.raw(item), AT);
        // A topic of its own per fork: the registry's subject is registered here, not in the measurement.
        topic = "bench.value-format." + Long.toHexString(System.nanoTime());
        bytes = serializer.serialize(topic, value);
        if (!value.equals(deserializer.deserialize(topic, bytes))) {
            throw new IllegalStateException("the " + format + " round trip changed the item");
        }
    }

    @Benchmark
    public byte[] encode() {
        return serializer.serialize(topic, value);
    }

    @Benchmark
    public EnrichedItem decode() {
        return deserializer.deserialize(topic, bytes);
    }
}

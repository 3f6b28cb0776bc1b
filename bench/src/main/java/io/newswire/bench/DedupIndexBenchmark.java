package io.newswire.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.newswire.producer.parse.JsonlParser;
import io.newswire.producer.parse.ParseException;
import io.newswire.schema.DedupRequest;
import io.newswire.schema.EnrichedItem;
import io.newswire.schema.WireItem;
import io.newswire.schema.serde.NewswireSerdes;
import io.newswire.streams.PipelineConfig;
import io.newswire.streams.dedup.DedupIndex;
import io.newswire.streams.dedup.Fingerprinter;
import io.newswire.streams.dedup.Sketcher;
import io.newswire.streams.enrich.Enricher;
import io.newswire.streams.stage.DedupOutcome;
import io.newswire.streams.stage.Normalizer;
import io.newswire.streams.stage.RouteDecider;
import io.newswire.streams.stage.Staged;
import io.newswire.streams.stage.StatelessPipeline;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The dedup index alone, one thread: how many items a second the one task that decides every item sustains, on
 * RocksDB stores as in the topology, without Kafka (the mock context Kafka ships stands for the task). The items are
 * the dev corpus's ({@code corpus}, default {@code ../shared/corpus/kremlin-en-dev.jsonl} from the repository root),
 * enriched and sketched once in the set-up, as the tasks that read news.raw would send them: {@value #ITEMS} items
 * spread over three partitions, 2 ms of event time apart, so that with the default grace about 250 wait at a time.
 * One operation is one item: its request decoded, kept waiting, compared with the earlier items that share a
 * blocking key, decided, kept and forwarded. Run: {@code ./benchmarks DedupIndexBenchmark -f 1 -wi 2 -i 5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class DedupIndexBenchmark {

    static final int ITEMS = 5_000;
    private static final int PARTITIONS = 3;
    private static final long SPACING_MS = 2;
    private static final Instant START = Instant.parse("2021-08-21T12:00:00Z");

    @Param("../shared/corpus/kremlin-en-dev.jsonl")
    public String corpus;

    private final NewswireSerdes serdes = new NewswireSerdes();
    private final PipelineConfig config = PipelineConfig.defaults();
    private final List<byte[]> requests = new ArrayList<>();
    private final List<byte[]> heartbeats = new ArrayList<>();
    private Path stateDir;
    private MockProcessorContext<String, Staged<DedupOutcome>> context;
    private DedupIndex index;
    private List<StateStore> stores;

    @Setup(Level.Trial)
    public void sketchTheItems() throws IOException, ParseException {
        final Path file = Path.of(corpus);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no corpus at " + file.toAbsolutePath() + ": run from the repository "
                + "root, or give one with -p corpus=PATH (a .jsonl of items)");
        }
        final JsonlParser parser = new JsonlParser(Clock.fixed(START, java.time.ZoneOffset.UTC));
        final StatelessPipeline stages = new StatelessPipeline(new Normalizer(), Enricher.create(config.enrichment()),
            new RouteDecider(config.routes()));
        final Sketcher sketcher = new Sketcher(new Fingerprinter(config.fingerprint()));
        final List<String> lines = Files.readAllLines(file);
        final long[] offsets = new long[PARTITIONS];
        for (int i = 0; i < ITEMS; i++) {
            final WireItem raw = parser.parseLine(file.toString(), i % lines.size() + 1, lines.get(i % lines.size()));
            final WireItem item = i < lines.size() ? raw : WireItem.newBuilder(raw).setId(raw.getId() + "-" + i)
                .build();
            final long eventTime = START.toEpochMilli() + i * SPACING_MS;
            final EnrichedItem enriched = stages.route(stages.enrich(stages.normalize(item),
                Instant.ofEpochMilli(eventTime)));
            final int partition = i % PARTITIONS;
            requests.add(serdes.dedupRequest().encode(DedupRequest.newBuilder()
                .setSourcePartition(partition)
                .setTime(eventTime)
                .setSketch(sketcher.sketch(enriched, eventTime, partition, offsets[partition]++))
                .setItem(ByteBuffer.wrap(serdes.enrichedItem().encode(enriched)))
                .setHeaders(Map.of())
                .build()));
        }
        final long end = START.toEpochMilli() + ITEMS * SPACING_MS + Duration.ofMinutes(1).toMillis();
        for (int partition = 0; partition < PARTITIONS; partition++) {
            heartbeats.add(serdes.dedupRequest().encode(DedupRequest.newBuilder().setSourcePartition(partition)
                .setTime(end).setSketch(null).setItem(null).build()));
        }
    }

    @Setup(Level.Iteration)
    public void freshStores() throws IOException {
        stateDir = Files.createTempDirectory("dedup-index-bench-");
        final java.util.Properties props = new java.util.Properties();
        props.put(org.apache.kafka.streams.StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(org.apache.kafka.streams.StreamsConfig.APPLICATION_ID_CONFIG, "dedup-index-bench");
        props.put(org.apache.kafka.streams.StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(org.apache.kafka.streams.StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        context = new MockProcessorContext<>(props, new org.apache.kafka.streams.processor.TaskId(1, 0),
            stateDir.toFile());
        context.setCurrentSystemTimeMs(START.toEpochMilli());
        stores = List.of(
            Stores.windowStoreBuilder(Stores.persistentWindowStore("dedup-sketches",
                config.dedupWindow().plusHours(2), Duration.ofMillis(1), false), Serdes.Long(), serdes.dedupSketch())
                .withLoggingDisabled().build(),
            Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore("dedup-postings"), Serdes.Bytes(),
                Serdes.ByteArray()).withLoggingDisabled().build(),
            Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore("dedup-pending"), Serdes.Bytes(),
                Serdes.ByteArray()).withLoggingDisabled().build(),
            Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore("dedup-progress"), Serdes.String(),
                Serdes.Long()).withLoggingDisabled().build());
        for (final StateStore store : stores) {
            store.init(context.getStateStoreContext(), store);
            context.addStateStore(store);
        }
        index = new DedupIndex(new DedupIndex.Stores("dedup-sketches", "dedup-postings", "dedup-pending",
            "dedup-progress"), config.dedup(), config.fingerprint(), config.dedupWindow(), PARTITIONS,
            serdes.dedupRequest(), serdes.enrichedItem());
        index.init(context);
    }

    /** Every item through the index, then heartbeats so that the last of them are decided too. */
    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public int decideEveryItem() {
        int forwarded = 0;
        for (int i = 0; i < ITEMS; i++) {
            context.setRecordMetadata("dedup-requests", 0, i);
            index.process(new Record<>("item", requests.get(i), START.toEpochMilli() + i * SPACING_MS));
            if (i % 500 == 499) {
                forwarded += context.forwarded().size();
                context.resetForwards();
            }
        }
        for (final byte[] heartbeat : heartbeats) {
            index.process(new Record<>("heartbeat", heartbeat, START.toEpochMilli()));
        }
        forwarded += context.forwarded().size();
        context.resetForwards();
        if (forwarded != ITEMS) {
            throw new IllegalStateException("the index decided " + forwarded + " of " + ITEMS + " items");
        }
        return forwarded;
    }

    @TearDown(Level.Iteration)
    public void dropStores() throws IOException {
        index.close();
        stores.forEach(StateStore::close);
        try (Stream<Path> paths = Files.walk(stateDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (final UncheckedIOException e) {
            throw e.getCause();
        }
    }
}

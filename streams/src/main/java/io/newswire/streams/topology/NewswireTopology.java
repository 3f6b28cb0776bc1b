package io.newswire.streams.topology;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import io.newswire.schema.DedupDecision;
import io.newswire.schema.DedupRequest;
import io.newswire.schema.EnrichedItem;
import io.newswire.schema.WireItem;
import io.newswire.schema.serde.NewswireSerdes;
import io.newswire.streams.CaughtUp;
import io.newswire.streams.PipelineConfig;
import io.newswire.streams.PipelineMeters;
import io.newswire.streams.dedup.DedupIndex;
import io.newswire.streams.dedup.Fingerprinter;
import io.newswire.streams.dedup.SketchEmitter;
import io.newswire.streams.dedup.Sketcher;
import io.newswire.streams.enrich.Enricher;
import io.newswire.streams.stage.DeadLetterProcessor;
import io.newswire.streams.stage.DedupOutcome;
import io.newswire.streams.stage.Normalizer;
import io.newswire.streams.stage.RouteDecider;
import io.newswire.streams.stage.RouteFanOut;
import io.newswire.streams.stage.RouteTopicExtractor;
import io.newswire.streams.stage.Staged;
import io.newswire.streams.stage.StatelessPipeline;
import io.newswire.streams.stage.TimedProcessor;
import io.newswire.streams.stage.TimedStage;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The newswire topology, a pure function of config, in two sub-topologies:
 * <ol>
 *   <li>news.raw (key item id, value single-object encoded WireItem) → decode → normalize → enrich → route decision →
 *   sketch: each item leaves as one request (its sketch and the item) for the dedup index, and each idle partition
 *   sends heartbeats; one task per partition of news.raw, stateless;</li>
 *   <li>the internal topic {@value #REQUESTS} (one partition) → the dedup index, which decides each item once every
 *   partition has come past its event time plus the grace (new, duplicate, update, translation) → news.&lt;route&gt;
 *   / news.general (EnrichedItem, one copy per route) and news.duplicates (DedupDecision, every decision).</li>
 * </ol>
 * A record that fails any stage goes to news.dlq (DeadLetter). Every node, store and internal topic is named.
 */
public final class NewswireTopology {

    public static final String REQUESTS = "dedup-requests";
    public static final String SKETCH_STORE = "dedup-sketches";
    public static final String POSTINGS_STORE = "dedup-postings";
    public static final String PENDING_STORE = "dedup-pending";
    public static final String PROGRESS_STORE = "dedup-progress";
    /** How long past the window the index keeps sketches, so their postings are swept before Kafka drops them. */
    private static final Duration SKETCH_RETENTION_MARGIN = Duration.ofHours(1);

    private NewswireTopology() {
    }

    /** Builds the topology, loading the enrichment models named by {@code config}. */
    public static Topology build(final PipelineConfig config, final NewswireSerdes serdes) {
        return build(config, serdes, Enricher.create(config.enrichment()));
    }

    /**
     * Builds the topology around an already loaded enricher, for the TopologyTestDriver: every partition counts as
     * read to its end whenever its task is idle ({@link CaughtUp#ALWAYS}). A KafkaStreams instance needs
     * {@link #build(PipelineConfig, NewswireSerdes, Enricher, CaughtUp)} with its consumers' view.
     */
    public static Topology build(final PipelineConfig config, final NewswireSerdes serdes, final Enricher enricher) {
        return build(config, serdes, enricher, CaughtUp.ALWAYS);
    }

    /**
     * Builds the topology around an already loaded enricher (models are costly to load; share them). The index waits
     * for {@code config.partitions()} partitions of news.raw to report: the runner sets it to the topic's real count.
     *
     * @param caughtUp up to when a task has processed all of its news.raw partition: an idle partition's heartbeat
     *                 carries that time ({@link io.newswire.streams.LagAwareClients} for KafkaStreams)
     */
    public static Topology build(final PipelineConfig config, final NewswireSerdes serdes, final Enricher enricher,
                                 final CaughtUp caughtUp) {
        return build(config, serdes, enricher, caughtUp, PipelineMeters.NONE);
    }

    /**
     * Builds the topology as {@link #build(PipelineConfig, NewswireSerdes, Enricher, CaughtUp)} does, telling
     * {@code meters} what passes each stage: items read, enrichment and index times, decisions, routed copies and
     * dead letters.
     */
    public static Topology build(final PipelineConfig config, final NewswireSerdes serdes, final Enricher enricher,
                                 final CaughtUp caughtUp, final PipelineMeters meters) {
        final Properties naming = new Properties();
        naming.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        naming.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        naming.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        naming.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        final StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(naming)));
        addIndexStores(builder, config, serdes);

        final RouteDecider routeDecider = new RouteDecider(config.routes());
        final StatelessPipeline stages = new StatelessPipeline(new Normalizer(), enricher, routeDecider);
        final Sketcher sketcher = new Sketcher(new Fingerprinter(config.fingerprint()));

        final Map<String, KStream<String, Staged<DedupRequest>>> sketched = builder
            .stream(config.topics().raw(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("raw-source"))
            .mapValues(bytes -> {
                meters.itemIn();
                return decode(serdes, bytes);
            }, Named.as("decode"))
            .mapValues(staged -> staged.then("normalize", stages::normalize), Named.as("normalize"))
            .processValues(() -> new TimedStage<WireItem, EnrichedItem>("enrich", (item, eventTime) -> {
                final long start = System.nanoTime();
                try {
                    return stages.enrich(item, eventTime);
                } finally {
                    meters.enriched(System.nanoTime() - start);
                }
            }), Named.as("enrich"))
            .mapValues(staged -> staged.then("route", stages::route), Named.as("route"))
            .process(() -> new SketchEmitter(sketcher, serdes.enrichedItem(), config.dedup(),
                config.topics().raw(), caughtUp), Named.as("dedup-sketch"))
            .split(Named.as("sketched-"))
            .branch((key, staged) -> staged.isFailed(), Branched.as("failed"))
            .defaultBranch(Branched.as("ok"));
        toDeadLetters(sketched.get("sketched-failed"), "early", config, serdes, meters);

        // One partition: every item meets every other in one index, in one order. The requests are small (a sketch
        // and the item), so one task keeps up with many enriching ones; see DEDUP.md for where that stops.
        final Map<String, KStream<String, Staged<DedupOutcome>>> decided = sketched.get("sketched-ok")
            .mapValues(staged -> serdes.dedupRequest().encode(staged.value()), Named.as("dedup-encode"))
            .repartition(Repartitioned.<String, byte[]>as(REQUESTS).withKeySerde(Serdes.String())
                .withValueSerde(Serdes.ByteArray()).withNumberOfPartitions(1))
            .process(() -> new TimedProcessor<>(new DedupIndex(new DedupIndex.Stores(SKETCH_STORE, POSTINGS_STORE,
                    PENDING_STORE, PROGRESS_STORE), config.dedup(), sketcher.settings(), config.dedupWindow(),
                    config.partitions(), serdes.dedupRequest(), serdes.enrichedItem()), meters::indexed),
                Named.as("dedup-index"), SKETCH_STORE, POSTINGS_STORE, PENDING_STORE, PROGRESS_STORE)
            .peek((key, staged) -> {
                if (!staged.isFailed()) {
                    meters.decided(staged.value().decision().getDecision().toString());
                }
            }, Named.as("decision-meter"))
            .split(Named.as("decided-"))
            .branch((key, staged) -> staged.isFailed(), Branched.as("failed"))
            .branch((key, staged) -> staged.value().isDuplicate(), Branched.as("duplicate"))
            .defaultBranch(Branched.as("routed"));

        decided.get("decided-routed")
            .mapValues(staged -> staged.value().item(), Named.as("routed-items"))
            .peek((key, item) -> item.getRoutes().forEach(route -> meters.routed(route.toString())),
                Named.as("route-meter"))
            .process(RouteFanOut::new, Named.as("route-fan-out"))
            .to(new RouteTopicExtractor(config.topics()),
                Produced.with(Serdes.String(), serdes.enrichedItem()).withName("route-sink"));
        toDuplicates(decided.get("decided-duplicate"), "duplicate", config, serdes);
        toDuplicates(decided.get("decided-routed"), "routed", config, serdes);
        toDeadLetters(decided.get("decided-failed"), "dedup", config, serdes, meters);
        return builder.build();
    }

    private static void addIndexStores(final StreamsBuilder builder, final PipelineConfig config,
                                       final NewswireSerdes serdes) {
        final Duration retention = config.dedupWindow().plus(config.dedup().grace()).plus(SKETCH_RETENTION_MARGIN);
        builder.addStateStore(Stores.windowStoreBuilder(
            Stores.persistentWindowStore(SKETCH_STORE, retention, Duration.ofMillis(1), false),
            Serdes.Long(), serdes.dedupSketch()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(POSTINGS_STORE),
            Serdes.Bytes(), Serdes.ByteArray()).withLoggingDisabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PENDING_STORE),
            Serdes.Bytes(), Serdes.ByteArray()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PROGRESS_STORE),
            Serdes.String(), Serdes.Long()).withCachingEnabled());
    }

    private static void toDuplicates(final KStream<String, Staged<DedupOutcome>> duplicates, final String side,
                                     final PipelineConfig config, final NewswireSerdes serdes) {
        duplicates
            .mapValues(staged -> staged.value().decision(), Named.as("duplicate-decisions-" + side))
            .to(config.topics().duplicates(), Produced.<String, DedupDecision>with(Serdes.String(),
                serdes.dedupDecision()).withName("duplicates-sink-" + side));
    }

    private static <T> void toDeadLetters(final KStream<String, Staged<T>> failures, final String side,
                                      final PipelineConfig config, final NewswireSerdes serdes,
                                      final PipelineMeters meters) {
        failures
            .peek((key, staged) -> meters.deadLettered(staged.failure().stage()), Named.as("dead-letter-meter-" + side))
            .processValues(() -> new DeadLetterProcessor<T>(value -> encodeForDeadLetter(serdes, value)),
                Named.as("dead-letter-" + side))
            .to(config.topics().dlq(), Produced.with(Serdes.String(), serdes.deadLetter()).withName("dlq-sink-" + side));
    }

    /** A news.raw record's value as a WireItem, or the failure at stage "deserialize" (kept for the dead letter). */
    public static Staged<WireItem> decode(final NewswireSerdes serdes, final byte[] bytes) {
        if (bytes == null) {
            return Staged.failed("deserialize", new IllegalArgumentException("record has no value"), null);
        }
        try {
            return Staged.ok(serdes.wireItem().decode(bytes), bytes);
        } catch (final RuntimeException e) {
            return Staged.failed("deserialize", e, bytes);
        }
    }

    private static byte[] encodeForDeadLetter(final NewswireSerdes serdes, final Object value) {
        if (value instanceof EnrichedItem) {
            return serdes.enrichedItem().encode((EnrichedItem) value);
        }
        if (value instanceof DedupOutcome outcome) {
            return serdes.enrichedItem().encode(outcome.item());
        }
        if (value instanceof WireItem) {
            return serdes.wireItem().encode((WireItem) value);
        }
        return new byte[0];
    }
}

package io.newswire.streams.topology;

import java.util.Map;
import java.util.Properties;

import io.newswire.schema.DedupDecision;
import io.newswire.schema.DedupMatch;
import io.newswire.schema.DedupProbe;
import io.newswire.schema.EnrichedItem;
import io.newswire.schema.WireItem;
import io.newswire.schema.serde.NewswireSerdes;
import io.newswire.streams.PipelineConfig;
import io.newswire.streams.dedup.BandIndex;
import io.newswire.streams.dedup.DedupDecider;
import io.newswire.streams.dedup.Fingerprinter;
import io.newswire.streams.dedup.ProbeEmitter;
import io.newswire.streams.dedup.Probes;
import io.newswire.streams.dedup.SameIdFilter;
import io.newswire.streams.enrich.Enricher;
import io.newswire.streams.stage.DeadLetterProcessor;
import io.newswire.streams.stage.DedupOutcome;
import io.newswire.streams.stage.Normalizer;
import io.newswire.streams.stage.RouteDecider;
import io.newswire.streams.stage.RouteFanOut;
import io.newswire.streams.stage.RouteTopicExtractor;
import io.newswire.streams.stage.Staged;
import io.newswire.streams.stage.StatelessPipeline;
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
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The newswire topology, a pure function of config: news.raw (key item id, value single-object encoded WireItem)
 * → decode → normalize → enrich → dedup by id (same id: duplicate or update) → probes repartitioned by blocking
 * band (content hash, MinHash LSH bands, event key) → band index → answers repartitioned by item id → decide (new,
 * duplicate, update, translation) → route → news.&lt;route&gt; / news.general (EnrichedItem); every decision →
 * news.duplicates (DedupDecision); a record that fails any stage → news.dlq (DeadLetter). Every node, store and
 * internal topic is named.
 */
public final class NewswireTopology {

    public static final String ID_STORE = "dedup-seen-ids";
    public static final String BAND_STORE = "dedup-bands";
    public static final String PENDING_STORE = "dedup-pending";
    public static final String BAND_REPARTITION = "dedup-by-band";
    public static final String MATCH_REPARTITION = "dedup-matches";

    private NewswireTopology() {
    }

    /** Builds the topology, loading the enrichment models named by {@code config}. */
    public static Topology build(final PipelineConfig config, final NewswireSerdes serdes) {
        return build(config, serdes, Enricher.create(config.enrichment()));
    }

    /** Builds the topology around an already loaded enricher (models are costly to load; share them). */
    public static Topology build(final PipelineConfig config, final NewswireSerdes serdes, final Enricher enricher) {
        final Properties naming = new Properties();
        naming.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        naming.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        naming.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        naming.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        final StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(naming)));
        builder.addStateStore(seenStore(ID_STORE, config));
        builder.addStateStore(Stores.windowStoreBuilder(
            Stores.persistentWindowStore(BAND_STORE, config.dedupWindow().plus(config.dedup().grace()),
                config.dedupWindow(), true),
            Serdes.String(), serdes.dedupProbe()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PENDING_STORE),
            Serdes.String(), serdes.dedupMatch()));

        final RouteDecider routeDecider = new RouteDecider(config.routes());
        final StatelessPipeline stages = new StatelessPipeline(new Normalizer(), enricher, routeDecider);

        final KStream<String, Staged<EnrichedItem>> enriched = builder
            .stream(config.topics().raw(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("raw-source"))
            .mapValues(bytes -> decode(serdes, bytes), Named.as("decode"))
            .mapValues(staged -> staged.then("normalize", stages::normalize), Named.as("normalize"))
            .processValues(() -> new TimedStage<WireItem, EnrichedItem>("enrich", stages::enrich), Named.as("enrich"));

        final Map<String, KStream<String, Staged<DedupOutcome>>> byId = enriched
            .processValues(() -> new SameIdFilter(ID_STORE, config.dedupWindow()), Named.as("dedup-by-id"), ID_STORE)
            .split(Named.as("by-id-"))
            .branch((key, staged) -> staged.isFailed(), Branched.as("failed"))
            .branch((key, staged) -> staged.value().decision() == null, Branched.as("unseen"))
            .branch((key, staged) -> staged.value().isDuplicate(), Branched.as("duplicate"))
            .defaultBranch(Branched.as("update"));

        // Near-duplicates: every item is sent once per blocking band, keyed by the band, so that items sharing a
        // band meet in the task that owns it whatever partition their ids hash to; the bands' answers go back keyed
        // by item id to the task that decides on the item.
        final Probes probes = new Probes(new Fingerprinter(config.fingerprint()));
        final Map<String, KStream<String, Staged<DedupOutcome>>> decided = byId.get("by-id-unseen")
            .process(() -> new ProbeEmitter(probes), Named.as("dedup-probes"))
            .repartition(Repartitioned.<String, DedupProbe>as(BAND_REPARTITION)
                .withKeySerde(Serdes.String()).withValueSerde(serdes.dedupProbe()))
            .process(() -> new BandIndex(BAND_STORE, config.dedupWindow(), config.dedup().maxCandidates()),
                Named.as("dedup-band-index"), BAND_STORE)
            .repartition(Repartitioned.<String, DedupMatch>as(MATCH_REPARTITION)
                .withKeySerde(Serdes.String()).withValueSerde(serdes.dedupMatch()))
            .process(() -> new DedupDecider(PENDING_STORE, config.dedup(), config.dedupWindow()),
                Named.as("dedup-decide"), PENDING_STORE)
            .split(Named.as("decided-"))
            .branch((key, staged) -> staged.isFailed(), Branched.as("failed"))
            .branch((key, staged) -> staged.value().isDuplicate(), Branched.as("duplicate"))
            .defaultBranch(Branched.as("routed"));

        // Sinks are per side of the repartitions, so reading news.raw and deciding on near-duplicates stay
        // separate sub-topologies that scale and recover independently.
        route(byId.get("by-id-update"), "update", stages, config, serdes);
        route(decided.get("decided-routed"), "decided", stages, config, serdes);

        toDuplicates(byId.get("by-id-duplicate"), "by-id-duplicate", config, serdes);
        toDuplicates(byId.get("by-id-update"), "by-id-update", config, serdes);
        toDuplicates(decided.get("decided-duplicate"), "decided-duplicate", config, serdes);
        toDuplicates(decided.get("decided-routed"), "decided-routed", config, serdes);

        toDeadLetters(byId.get("by-id-failed"), "early", config, serdes);
        toDeadLetters(decided.get("decided-failed"), "dedup", config, serdes);

        return builder.build();
    }

    private static void route(final KStream<String, Staged<DedupOutcome>> items, final String side,
                              final StatelessPipeline stages, final PipelineConfig config, final NewswireSerdes serdes) {
        final Map<String, KStream<String, Staged<EnrichedItem>>> routed = items
            .mapValues(staged -> staged.then("route", outcome -> stages.route(outcome.item())), Named.as("route-" + side))
            .split(Named.as("routed-" + side + "-"))
            .branch((key, staged) -> staged.isFailed(), Branched.as("failed"))
            .defaultBranch(Branched.as("ok"));
        routed.get("routed-" + side + "-ok")
            .mapValues(Staged::value, Named.as("routed-items-" + side))
            .process(RouteFanOut::new, Named.as("route-fan-out-" + side))
            .to(new RouteTopicExtractor(config.topics()),
                Produced.with(Serdes.String(), serdes.enrichedItem()).withName("route-sink-" + side));
        toDeadLetters(routed.get("routed-" + side + "-failed"), "route-" + side, config, serdes);
    }

    private static void toDuplicates(final KStream<String, Staged<DedupOutcome>> duplicates, final String side,
                                     final PipelineConfig config, final NewswireSerdes serdes) {
        duplicates
            .mapValues(staged -> staged.value().decision(), Named.as("duplicate-decisions-" + side))
            .to(config.topics().duplicates(), Produced.<String, DedupDecision>with(Serdes.String(),
                serdes.dedupDecision()).withName("duplicates-sink-" + side));
    }

    private static <T> void toDeadLetters(final KStream<String, Staged<T>> failures, final String side,
                                      final PipelineConfig config, final NewswireSerdes serdes) {
        failures
            .processValues(() -> new DeadLetterProcessor<T>(value -> encodeForDeadLetter(serdes, value)),
                Named.as("dead-letter-" + side))
            .to(config.topics().dlq(), Produced.with(Serdes.String(), serdes.deadLetter()).withName("dlq-sink-" + side));
    }

    private static Staged<WireItem> decode(final NewswireSerdes serdes, final byte[] bytes) {
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
        if (value instanceof DedupOutcome) {
            return serdes.enrichedItem().encode(((DedupOutcome) value).item());
        }
        if (value instanceof WireItem) {
            return serdes.wireItem().encode((WireItem) value);
        }
        return new byte[0];
    }

    private static StoreBuilder<WindowStore<String, String>> seenStore(final String name,
                                                                       final PipelineConfig config) {
        return Stores.windowStoreBuilder(
            Stores.persistentWindowStore(name, config.dedupWindow(), config.dedupWindow(), true),
            Serdes.String(), Serdes.String());
    }
}

package io.newswire.streams.topology;

import java.util.Map;
import java.util.Properties;

import io.newswire.schema.DedupDecision;
import io.newswire.schema.EnrichedItem;
import io.newswire.schema.WireItem;
import io.newswire.schema.serde.NewswireSerdes;
import io.newswire.streams.PipelineConfig;
import io.newswire.streams.enrich.Enricher;
import io.newswire.streams.stage.DeadLetterProcessor;
import io.newswire.streams.stage.DedupOutcome;
import io.newswire.streams.stage.ExactDuplicateFilter;
import io.newswire.streams.stage.Normalizer;
import io.newswire.streams.stage.RouteDecider;
import io.newswire.streams.stage.RouteFanOut;
import io.newswire.streams.stage.RouteTopicExtractor;
import io.newswire.streams.stage.Staged;
import io.newswire.streams.stage.StatelessPipeline;
import io.newswire.streams.stage.TimedStage;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
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
 * → decode → normalize → enrich → dedup by id → repartition by content hash → dedup by content → route →
 * news.&lt;route&gt; / news.general (EnrichedItem); duplicates' decisions → news.duplicates (DedupDecision); a record
 * that fails any stage → news.dlq (DeadLetter). Every node, store and internal topic is named.
 */
public final class NewswireTopology {

    public static final String ID_STORE = "dedup-seen-ids";
    public static final String CONTENT_STORE = "dedup-seen-content";
    public static final String CONTENT_REPARTITION = "dedup-by-content";

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
        builder.addStateStore(seenStore(CONTENT_STORE, config));

        final RouteDecider routeDecider = new RouteDecider(config.routes());
        final StatelessPipeline stages = new StatelessPipeline(new Normalizer(), enricher, routeDecider);

        final KStream<String, Staged<EnrichedItem>> enriched = builder
            .stream(config.topics().raw(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("raw-source"))
            .mapValues(bytes -> decode(serdes, bytes), Named.as("decode"))
            .mapValues(staged -> staged.then("normalize", stages::normalize), Named.as("normalize"))
            .processValues(() -> new TimedStage<WireItem, EnrichedItem>("enrich", stages::enrich), Named.as("enrich"));

        final Map<String, KStream<String, Staged<DedupOutcome>>> byId = enriched
            .processValues(() -> new ExactDuplicateFilter(ID_STORE, config.dedupWindow(), EnrichedItem::getId, "id"),
                Named.as("dedup-by-id"), ID_STORE)
            .split(Named.as("by-id-"))
            .branch((key, staged) -> staged.isFailed(), Branched.as("failed"))
            .branch((key, staged) -> staged.value().isDuplicate(), Branched.as("duplicate"))
            .defaultBranch(Branched.as("new"));

        final Map<String, KStream<String, Staged<DedupOutcome>>> byContent = byId.get("by-id-new")
            .map((id, staged) -> KeyValue.pair(staged.value().item().getContentHash(),
                staged.value().item()), Named.as("key-by-content"))
            .repartition(Repartitioned.<String, EnrichedItem>as(CONTENT_REPARTITION)
                .withKeySerde(Serdes.String()).withValueSerde(serdes.enrichedItem()))
            .mapValues(item -> Staged.ok(item, null), Named.as("content-staged"))
            .processValues(() -> new ExactDuplicateFilter(CONTENT_STORE, config.dedupWindow(),
                EnrichedItem::getContentHash, "normalized content"), Named.as("dedup-by-content"), CONTENT_STORE)
            .split(Named.as("by-content-"))
            .branch((key, staged) -> staged.isFailed(), Branched.as("failed"))
            .branch((key, staged) -> staged.value().isDuplicate(), Branched.as("duplicate"))
            .defaultBranch(Branched.as("new"));

        final Map<String, KStream<String, Staged<EnrichedItem>>> routed = byContent.get("by-content-new")
            .selectKey((hash, staged) -> staged.value().item().getId(), Named.as("key-by-id"))
            .mapValues(staged -> staged.then("route", outcome -> stages.route(outcome.item())), Named.as("route"))
            .split(Named.as("routed-"))
            .branch((key, staged) -> staged.isFailed(), Branched.as("failed"))
            .defaultBranch(Branched.as("ok"));

        routed.get("routed-ok")
            .mapValues(Staged::value, Named.as("routed-items"))
            .process(RouteFanOut::new, Named.as("route-fan-out"))
            .to(new RouteTopicExtractor(config.topics()),
                Produced.with(Serdes.String(), serdes.enrichedItem()).withName("route-sink"));

        // Sinks are per side of the repartition, so reading news.raw and deciding on content stay two
        // sub-topologies that scale and recover independently.
        toDuplicates(byId.get("by-id-duplicate"), "by-id", config, serdes);
        toDuplicates(byContent.get("by-content-duplicate")
            .selectKey((hash, staged) -> staged.value().item().getId(), Named.as("duplicate-key-by-id")),
            "by-content", config, serdes);

        toDeadLetters(byId.get("by-id-failed"), "early", config, serdes);
        toDeadLetters(byContent.get("by-content-failed"), "dedup", config, serdes);
        toDeadLetters(routed.get("routed-failed"), "route", config, serdes);

        return builder.build();
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
            Stores.persistentWindowStore(name, config.dedupWindow(), config.dedupWindow(), false),
            Serdes.String(), Serdes.String());
    }
}

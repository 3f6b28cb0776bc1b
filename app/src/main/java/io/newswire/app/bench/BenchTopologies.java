package io.newswire.app.bench;

import java.util.Map;
import java.util.Properties;

import io.newswire.schema.EnrichedItem;
import io.newswire.schema.WireItem;
import io.newswire.schema.serde.NewswireSerdes;
import io.newswire.streams.CaughtUp;
import io.newswire.streams.PipelineConfig;
import io.newswire.streams.enrich.Enricher;
import io.newswire.streams.stage.DeadLetterProcessor;
import io.newswire.streams.stage.Normalizer;
import io.newswire.streams.stage.RouteDecider;
import io.newswire.streams.stage.RouteFanOut;
import io.newswire.streams.stage.RouteTopicExtractor;
import io.newswire.streams.stage.Staged;
import io.newswire.streams.stage.StatelessPipeline;
import io.newswire.streams.stage.TimedStage;
import io.newswire.streams.topology.NewswireTopology;
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

/**
 * The topology of each bench phase, pure functions of the run's names like {@link NewswireTopology#build}: input
 * {@code <run>.raw} (key item id, value single-object encoded WireItem); the pass-through copies the bytes to
 * {@code <run>.out}; the stateless topology runs the stateless stages as the real one does and writes EnrichedItems
 * to the route topics and {@code <run>.general}, failures as DeadLetters to {@code <run>.dlq}; the whole phase is
 * {@link NewswireTopology#build} itself. Every node is named.
 */
public final class BenchTopologies {

    private BenchTopologies() {
    }

    /**
     * The topology of {@code names.phase()}, around an already loaded enricher (unused by the pass-through).
     *
     * @param caughtUp the consumers' and the broker's view of each partition, which the whole pipeline's idle
     *                 heartbeats need
     */
    public static Topology of(final RunNames names, final NewswireSerdes serdes, final Enricher enricher,
                              final CaughtUp caughtUp) {
        return switch (names.phase()) {
            case PASSTHROUGH -> passThrough(names);
            case STATELESS -> stateless(names.config(), serdes, enricher);
            case WHOLE -> NewswireTopology.build(names.config(), serdes, enricher, caughtUp);
        };
    }

    /** Input to output, bytes untouched: the floor every newswire topology stands on. */
    static Topology passThrough(final RunNames names) {
        final StreamsBuilder builder = builder(names.applicationId());
        builder.stream(names.input(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("raw-source"))
            .to(names.passThroughOutput(), Produced.with(Serdes.String(), Serdes.ByteArray())
                .withName("pass-through-sink"));
        return builder.build();
    }

    /**
     * The stateless stages of the real topology with the same stage classes and the same order, without dedup: every
     * item is routed as the first of its story.
     */
    static Topology stateless(final PipelineConfig config, final NewswireSerdes serdes, final Enricher enricher) {
        final StreamsBuilder builder = builder(config.applicationId());
        final StatelessPipeline stages = new StatelessPipeline(new Normalizer(), enricher,
            new RouteDecider(config.routes()));
        final Map<String, KStream<String, Staged<EnrichedItem>>> routed = builder
            .stream(config.topics().raw(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("raw-source"))
            .mapValues(bytes -> NewswireTopology.decode(serdes, bytes), Named.as("decode"))
            .mapValues(staged -> staged.then("normalize", stages::normalize), Named.as("normalize"))
            .processValues(() -> new TimedStage<WireItem, EnrichedItem>("enrich", stages::enrich), Named.as("enrich"))
            .mapValues(staged -> staged.then("route", item -> asOwnStory(stages.route(item))), Named.as("route"))
            .split(Named.as("routed-"))
            .branch((key, staged) -> staged.isFailed(), Branched.as("failed"))
            .defaultBranch(Branched.as("ok"));
        routed.get("routed-ok")
            .mapValues(Staged::value, Named.as("routed-items"))
            .process(RouteFanOut::new, Named.as("route-fan-out"))
            .to(new RouteTopicExtractor(config.topics()),
                Produced.with(Serdes.String(), serdes.enrichedItem()).withName("route-sink"));
        routed.get("routed-failed")
            .processValues(() -> new DeadLetterProcessor<EnrichedItem>(value -> encode(serdes, value)),
                Named.as("dead-letter"))
            .to(config.topics().dlq(), Produced.with(Serdes.String(), serdes.deadLetter()).withName("dlq-sink"));
        return builder.build();
    }

    /** Named as the real topology is named: explicit internal names enforced, processing errors handled globally. */
    private static StreamsBuilder builder(final String applicationId) {
        final Properties naming = new Properties();
        naming.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        naming.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        naming.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        naming.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        return new StreamsBuilder(new TopologyConfig(new StreamsConfig(naming)));
    }

    /** A new item's story is its own id, as the dedup stage decides for an item it has not seen before. */
    private static EnrichedItem asOwnStory(final EnrichedItem item) {
        return EnrichedItem.newBuilder(item).setStoryId(item.getId()).setDuplicateOf(null).build();
    }

    private static byte[] encode(final NewswireSerdes serdes, final Object value) {
        if (value instanceof EnrichedItem item) {
            return serdes.enrichedItem().encode(item);
        }
        if (value instanceof WireItem item) {
            return serdes.wireItem().encode(item);
        }
        return new byte[0];
    }
}

package io.newswire.streams.stage;

import static io.newswire.streams.testing.WireItems.SECURITY;
import static io.newswire.streams.testing.WireItems.aWireItem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.newswire.schema.EnrichedItem;
import io.newswire.schema.WireItem;
import io.newswire.schema.serde.NewswireSerdes;
import io.newswire.streams.PipelineConfig;
import io.newswire.streams.dedup.DedupSettings;
import io.newswire.streams.StreamsRunner;
import io.newswire.streams.enrich.Enricher;
import io.newswire.streams.testing.WireItems;
import io.newswire.streams.topology.NewswireTopology;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newswire enrich} runs StatelessPipeline; the topology runs the same stages as nodes. They must agree. */
class StatelessPipelineTest {

    private static final Instant START = Instant.parse("2021-08-21T10:00:00Z");
    private static Enricher enricher;

    private final NewswireSerdes serdes = new NewswireSerdes();
    private final PipelineConfig config = PipelineConfig.defaults().withApplicationId("stateless-pipeline-test")
        .withDedup(DedupSettings.defaults().withGrace(java.time.Duration.ZERO)).withPartitions(1);
    private StatelessPipeline stateless;
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> raw;

    @TempDir
    private Path stateDir;

    @BeforeAll
    static void loadModels() {
        enricher = Enricher.create(PipelineConfig.defaults().enrichment());
    }

    @BeforeEach
    void startDriver() {
        stateless = new StatelessPipeline(new Normalizer(), enricher, new RouteDecider(config.routes()));
        final Properties props = StreamsRunner.streamsProperties(config, new Properties());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(NewswireTopology.build(config, serdes, enricher), props, START);
        raw = driver.createInputTopic(config.topics().raw(), Serdes.String().serializer(),
            Serdes.ByteArray().serializer(), START, Duration.ZERO);
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldGiveASecurityItemTheFieldsTheTopologyGivesIt() {
        final WireItem item = aWireItem().withId("sec-1").titled("Security Council meeting").about(SECURITY).build();
        final Instant timestamp = START.plusSeconds(42);

        final EnrichedItem expected = stateless.process(item, timestamp);

        assertThat(expected.getRoutes()).containsExactly("security");
        assertThat(routedCopies(item, timestamp)).containsExactly(Map.entry("news.security", List.of(expected)));
    }

    @Test
    void shouldGiveTheSeedTranscriptTheFieldsTheTopologyGivesIt() {
        final WireItem seed = WireItems.theSeedTranscript();
        final Instant timestamp = START.plusMillis(1_234);

        final EnrichedItem expected = stateless.process(seed, timestamp);

        assertThat(expected.getLanguage()).isEqualTo("it");
        assertThat(expected.getSpeakers()).containsExactly("Vladimir Putin", "Kassym-Zhomart Tokayev");
        assertThat(expected.getRoutes()).isNotEmpty();
        assertThat(routedCopies(seed, timestamp)).isEqualTo(oneCopyPerRoute(expected));
    }

    @Test
    void shouldNormalizeADirtyItemAsTheTopologyDoes() {
        final WireItem dirty = aWireItem().withId("dirty-1").titled("  Security\u00A0Council  meeting")
            .about(List.of("The Defence\u200B Minister reported  on the combat readiness of the Armed Forces.", " ",
                "The Security Council discussed \u202Bmeasures\u202C against terrorism."))
            .build();
        final Instant timestamp = START.plusSeconds(7);

        final EnrichedItem expected = stateless.process(dirty, timestamp);

        assertThat(expected.getRepairs()).anyMatch(repair -> repair.startsWith("normalize:"));
        assertThat(routedCopies(dirty, timestamp)).isEqualTo(oneCopyPerRoute(expected));
    }

    @Test
    void shouldStampEnrichedAtWithTheRecordTimestampInBoth() {
        final WireItem item = aWireItem().withId("sec-2").titled("Security Council meeting").about(SECURITY).build();
        final Instant timestamp = Instant.parse("2021-08-22T06:30:00.125Z");

        final List<EnrichedItem> copies = routedCopies(item, timestamp).get("news.security");

        assertThat(copies).extracting(EnrichedItem::getEnrichedAt).containsExactly(timestamp);
        assertThat(stateless.process(item, timestamp).getEnrichedAt()).isEqualTo(timestamp);
    }

    /** Pipes {@code item} with {@code timestamp}; what each output topic got, for those that got something. */
    private Map<String, List<EnrichedItem>> routedCopies(final WireItem item, final Instant timestamp) {
        raw.pipeInput(item.getId(), serdes.wireItem().encode(item), timestamp);
        final Map<String, List<EnrichedItem>> copies = new LinkedHashMap<>();
        final List<String> routeTopics = new ArrayList<>();
        config.routes().keySet().forEach(route -> routeTopics.add(config.topics().route(route)));
        routeTopics.add(config.topics().general());
        for (final String topic : routeTopics) {
            final List<EnrichedItem> values = driver.createOutputTopic(topic, Serdes.String().deserializer(),
                serdes.enrichedItem().deserializer()).readValuesToList();
            if (!values.isEmpty()) {
                copies.put(topic, values);
            }
        }
        assertThat(driver.createOutputTopic(config.topics().duplicates(), Serdes.String().deserializer(),
            serdes.dedupDecision().deserializer()).readValuesToList()).as("only 'new' decisions on news.duplicates")
            .extracting(io.newswire.schema.DedupDecision::getDecision).containsOnly("new");
        assertThat(driver.createOutputTopic(config.topics().dlq(), Serdes.String().deserializer(),
            serdes.deadLetter().deserializer()).readValuesToList()).as("nothing on news.dlq").isEmpty();
        return copies;
    }

    private Map<String, List<EnrichedItem>> oneCopyPerRoute(final EnrichedItem item) {
        final RouteTopicExtractor topics = new RouteTopicExtractor(config.topics());
        final Map<String, List<EnrichedItem>> copies = new LinkedHashMap<>();
        item.getRoutes().forEach(route -> copies.put(topics.topicOf(route), List.of(item)));
        return copies;
    }
}

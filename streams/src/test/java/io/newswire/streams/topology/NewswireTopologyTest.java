package io.newswire.streams.topology;

import static io.newswire.streams.testing.WireItems.NOTHING;
import static io.newswire.streams.testing.WireItems.SECURITY;
import static io.newswire.streams.testing.WireItems.TRADE;
import static io.newswire.streams.testing.WireItems.aWireItem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.newswire.schema.DeadLetter;
import io.newswire.schema.DedupDecision;
import io.newswire.schema.EnrichedItem;
import io.newswire.schema.WireItem;
import io.newswire.schema.serde.NewswireSerdes;
import io.newswire.streams.PipelineConfig;
import io.newswire.streams.StreamsRunner;
import io.newswire.streams.dedup.DedupSettings;
import io.newswire.streams.enrich.Enricher;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewswireTopologyTest {

    private static final Instant START = Instant.parse("2021-08-21T10:00:00Z");
    private static Enricher enricher;

    private final NewswireSerdes serdes = new NewswireSerdes();
    /**
     * No grace: an item is decided as soon as its partition has come to its event time (grace is tested in
     * DedupTopologyTest). One partition: the test driver has one, and the index waits for every partition.
     */
    private final PipelineConfig config = PipelineConfig.defaults().withDedupWindow(Duration.ofDays(1))
        .withDedup(DedupSettings.defaults().withGrace(Duration.ZERO)).withPartitions(1);
    @TempDir
    Path stateDir;
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> raw;
    private TestOutputTopic<String, EnrichedItem> security;
    private TestOutputTopic<String, EnrichedItem> trade;
    private TestOutputTopic<String, EnrichedItem> general;
    private TestOutputTopic<String, DedupDecision> duplicates;
    private TestOutputTopic<String, DeadLetter> dlq;

    @BeforeAll
    static void loadModels() {
        enricher = Enricher.create(PipelineConfig.defaults().enrichment());
    }

    @BeforeEach
    void startDriver() {
        final Topology topology = NewswireTopology.build(config, serdes, enricher);
        final Properties props = StreamsRunner.streamsProperties(config, new Properties());
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        driver = new TopologyTestDriver(topology, props, START);
        raw = driver.createInputTopic(config.topics().raw(), Serdes.String().serializer(),
            Serdes.ByteArray().serializer(), START, Duration.ofSeconds(1));
        security = output(config.topics().route("security"));
        trade = output(config.topics().route("trade"));
        general = output(config.topics().general());
        duplicates = driver.createOutputTopic(config.topics().duplicates(), Serdes.String().deserializer(),
            serdes.dedupDecision().deserializer());
        dlq = driver.createOutputTopic(config.topics().dlq(), Serdes.String().deserializer(),
            serdes.deadLetter().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldRouteASecurityItemToTheSecurityTopicOnly() {
        send(aWireItem().withId("sec-1").titled("Security Council meeting").about(SECURITY).build());

        final List<KeyValue<String, EnrichedItem>> routed = security.readKeyValuesToList();
        assertThat(routed).extracting(kv -> kv.key).containsExactly("sec-1");
        assertThat(routed.get(0).value.getRoutes()).containsExactly("security");
        assertThat(routed.get(0).value.getStoryId()).isEqualTo("sec-1");
        assertThat(routed.get(0).value.getLanguage()).isEqualTo("en");
        assertThat(trade.isEmpty()).isTrue();
        assertThat(general.isEmpty()).isTrue();
        assertThat(duplicates.readValue().getDecision()).isEqualTo("new");
        assertThat(duplicates.isEmpty()).isTrue();
    }

    @Test
    void shouldRouteATradeItemToTheTradeTopic() {
        send(aWireItem().withId("trade-1").titled("Trade talks").about(TRADE).build());

        assertThat(keys(trade)).containsExactly("trade-1");
        assertThat(security.isEmpty()).isTrue();
    }

    @Test
    void shouldRouteAnItemAboutBothToBothTopics() {
        final List<String> both = new ArrayList<>(SECURITY);
        both.addAll(TRADE);
        send(aWireItem().withId("both-1").titled("Security and trade").about(both).build());

        final EnrichedItem inSecurity = security.readValue();
        final EnrichedItem inTrade = trade.readValue();
        assertThat(inSecurity.getId()).isEqualTo("both-1");
        assertThat(inTrade).isEqualTo(inSecurity);
        assertThat(inSecurity.getRoutes()).contains("security", "trade");
        assertThat(security.isEmpty()).isTrue();
    }

    @Test
    void shouldRouteAnItemMatchingNoRouteToGeneral() {
        send(aWireItem().withId("weather").titled("A mild Tuesday").about(NOTHING).build());

        final EnrichedItem item = general.readValue();
        assertThat(item.getRoutes()).containsExactly("general");
        assertThat(security.isEmpty()).isTrue();
        assertThat(trade.isEmpty()).isTrue();
    }

    @Test
    void shouldDropACopyUnderAnotherIdAndRecordTheDecision() {
        send(aWireItem().withId("first").titled("Trade talks").about(TRADE).build());
        send(aWireItem().withId("copy").titled("Trade  talks").about(TRADE).build());

        assertThat(keys(trade)).containsExactly("first");
        final Map<String, DedupDecision> decisions = decisions();
        assertThat(decisions.get("first").getDecision()).isEqualTo("new");
        final DedupDecision decision = decisions.get("copy");
        assertThat(decision.getDecision()).isEqualTo("duplicate");
        assertThat(decision.getDuplicateOf()).isEqualTo("first");
        assertThat(decision.getStoryId()).isEqualTo("first");
        assertThat(decision.getSimilarity()).isEqualTo(1.0);
        assertThat(decision.getReason()).contains("the same text as first");
        assertThat(decisions).hasSize(2);
    }

    @Test
    void shouldDropTheSameIdSentAgain() {
        final WireItem item = aWireItem().withId("again").titled("Trade talks").about(TRADE).build();
        send(item);
        send(item);

        assertThat(keys(trade)).containsExactly("again");
        final List<DedupDecision> decisions = duplicates.readValuesToList();
        assertThat(decisions).extracting(DedupDecision::getDecision).containsExactly("new", "duplicate");
        assertThat(decisions.get(1).getDuplicateOf()).isEqualTo("again");
        assertThat(decisions.get(1).getReason()).contains("same id");
        assertThat(waiting()).as("nothing left waiting in the index").isZero();
    }

    @Test
    void shouldRouteTheSameIdWithChangedTextAgainAsAnUpdate() {
        send(aWireItem().withId("story").titled("Trade talks").about(TRADE).build());
        send(aWireItem().withId("story").titled("Trade talks").about(List.of(TRADE.get(0) + " Corrected figures: 42."))
            .build());

        final List<KeyValue<String, EnrichedItem>> routed = trade.readKeyValuesToList();
        assertThat(routed).extracting(kv -> kv.key).containsExactly("story", "story");
        assertThat(routed.get(1).value.getDuplicateOf()).isEqualTo("story");
        final List<DedupDecision> decisions = duplicates.readValuesToList();
        assertThat(decisions).extracting(DedupDecision::getDecision).containsExactly("new", "update");
        assertThat(decisions.get(1).getReason()).contains("changed content");
    }

    @Test
    void shouldRouteACopyAgainOnceTheWindowHasPassed() {
        send(aWireItem().withId("first").titled("Trade talks").about(TRADE).build());
        raw.advanceTime(config.dedupWindow().plusHours(1));
        send(aWireItem().withId("much-later").titled("Trade talks").about(TRADE).build());

        assertThat(keys(trade)).containsExactly("first", "much-later");
        assertThat(decisions().values()).extracting(DedupDecision::getDecision).containsOnly("new");
    }

    @Test
    void shouldDeadLetterAPoisonRecordAndKeepProcessingTheNextOne() {
        final byte[] poison = "{\"not\": \"avro\"}".getBytes(StandardCharsets.UTF_8);
        raw.pipeInput("poison", poison);
        send(aWireItem().withId("after-poison").titled("Trade talks").about(TRADE).build());

        final KeyValue<String, DeadLetter> dead = dlq.readKeyValue();
        assertThat(dead.key).isEqualTo("poison");
        assertThat(dead.value.getStage()).isEqualTo("deserialize");
        assertThat(dead.value.getError()).contains("cannot decode WireItem");
        assertThat(dead.value.getTopic()).isEqualTo(config.topics().raw());
        assertThat(dead.value.getOffset()).isZero();
        assertThat(bytes(dead.value)).isEqualTo(poison);
        assertThat(keys(trade)).containsExactly("after-poison");
        assertThat(dlq.isEmpty()).isTrue();
    }

    @Test
    void shouldDeadLetterARecordWithoutAValue() {
        raw.pipeInput("tombstone", null);

        final DeadLetter dead = dlq.readValue();
        assertThat(dead.getStage()).isEqualTo("deserialize");
        assertThat(dead.getError()).contains("no value");
    }

    @Test
    void shouldNameEveryNodeAndStore() {
        final TopologyDescription description = NewswireTopology.build(config, serdes, enricher).describe();
        final List<String> names = new ArrayList<>();
        description.subtopologies().forEach(sub -> sub.nodes().forEach(node -> names.add(node.name())));

        assertThat(names).noneMatch(name -> name.startsWith("KSTREAM-") || name.startsWith("KTABLE-"));
        assertThat(names).contains("raw-source", "decode", "normalize", "enrich", "route", "dedup-sketch",
            "dedup-encode", "dedup-index", "route-fan-out", "route-sink", "duplicates-sink-duplicate",
            "duplicates-sink-routed", "dead-letter-early", "dlq-sink-early", "dead-letter-dedup", "dlq-sink-dedup");
        assertThat(description.subtopologies()).as("reading news.raw, and the dedup index").hasSize(2);
        assertThat(description.toString()).contains(NewswireTopology.SKETCH_STORE, NewswireTopology.POSTINGS_STORE,
            NewswireTopology.PENDING_STORE, NewswireTopology.PROGRESS_STORE,
            NewswireTopology.REQUESTS + "-repartition");
    }

    private Map<String, DedupDecision> decisions() {
        final Map<String, DedupDecision> decisions = new java.util.LinkedHashMap<>();
        duplicates.readKeyValuesToList().forEach(kv -> decisions.put(kv.key, kv.value));
        return decisions;
    }

    private void send(final WireItem item) {
        raw.pipeInput(item.getId(), serdes.wireItem().encode(item));
    }

    private static List<String> keys(final TestOutputTopic<String, EnrichedItem> topic) {
        final List<String> keys = new ArrayList<>();
        topic.readKeyValuesToList().forEach(kv -> keys.add(kv.key));
        return keys;
    }

    private TestOutputTopic<String, EnrichedItem> output(final String topic) {
        return driver.createOutputTopic(topic, Serdes.String().deserializer(), serdes.enrichedItem().deserializer());
    }

    private long waiting() {
        final org.apache.kafka.streams.state.KeyValueStore<Object, Object> pending =
            driver.getKeyValueStore(NewswireTopology.PENDING_STORE);
        return pending.approximateNumEntries();
    }

    private static byte[] bytes(final DeadLetter deadLetter) {
        final java.nio.ByteBuffer buffer = deadLetter.getOriginal().duplicate();
        final byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}

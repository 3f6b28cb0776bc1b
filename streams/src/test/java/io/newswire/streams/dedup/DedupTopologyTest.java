package io.newswire.streams.dedup;

import static io.newswire.streams.testing.WireItems.aWireItem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswire.schema.DedupDecision;
import io.newswire.schema.EnrichedItem;
import io.newswire.schema.WireItem;
import io.newswire.schema.header.SentAt;
import io.newswire.schema.serde.NewswireSerdes;
import io.newswire.streams.PipelineConfig;
import io.newswire.streams.StreamsRunner;
import io.newswire.streams.enrich.Enricher;
import io.newswire.streams.testing.WireItems;
import io.newswire.streams.topology.NewswireTopology;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Near-duplicates, updates and translations through the real topology (TopologyTestDriver): what is routed, what
 * each decision says, and that a late earlier item still wins within the grace period.
 */
class DedupTopologyTest {

    private static final Instant START = Instant.parse("2021-08-21T10:00:00Z");
    private static final NewswireSerdes SERDES = new NewswireSerdes();
    private static Enricher enricher;
    private static WireItem seedEnglish;
    private static WireItem seedItalian;

    @TempDir
    Path stateDir;
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> raw;

    @BeforeAll
    static void load() throws IOException {
        enricher = Enricher.create(PipelineConfig.defaults().enrichment());
        final Map<String, WireItem> seeds = readItems("seed-translations.jsonl");
        seedEnglish = seeds.get("seed-en");
        seedItalian = seeds.get("seed-it");
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    private void start(final Duration grace) {
        final PipelineConfig config = PipelineConfig.defaults().withDedupWindow(Duration.ofDays(7))
            .withDedup(DedupSettings.defaults().withGrace(grace)).withPartitions(1);
        final Properties props = StreamsRunner.streamsProperties(config, new Properties());
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve("s" + System.nanoTime()).toString());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        driver = new TopologyTestDriver(NewswireTopology.build(config, SERDES, enricher), props, START);
        raw = driver.createInputTopic(config.topics().raw(), Serdes.String().serializer(),
            Serdes.ByteArray().serializer(), START, Duration.ofSeconds(1));
    }

    @Test
    void shouldDropARewriteWithANewTitleAndAParagraphLessAsADuplicate() {
        start(Duration.ZERO);
        final List<String> body = new ArrayList<>(seedItalian.getBody());
        body.remove(3);
        send(seedItalian);
        send(WireItem.newBuilder(seedItalian).setId("rewrite").setTitle("Putin riceve Tokayev al Cremlino")
            .setBody(body).setContentHash("rewrite-hash").build());

        final Map<String, DedupDecision> decisions = decisions();
        assertThat(decisions.get("seed-it").getDecision()).isEqualTo("new");
        assertThat(decisions.get("rewrite").getDecision()).isEqualTo("duplicate");
        assertThat(decisions.get("rewrite").getDuplicateOf()).isEqualTo("seed-it");
        assertThat(decisions.get("rewrite").getSimilarity()).isBetween(0.8, 0.99);
        assertThat(routedIds()).containsExactly("seed-it");
    }

    @Test
    void shouldRouteACorrectionWithNewFiguresAsAnUpdateOfTheFirst() {
        start(Duration.ZERO);
        final List<String> body = new ArrayList<>(seedItalian.getBody());
        body.set(2, body.get(2) + " Il volume degli scambi ha raggiunto 21,5 miliardi di dollari.");
        send(seedItalian);
        send(WireItem.newBuilder(seedItalian).setId("corrected").setBody(body).setContentHash("corrected-hash")
            .build());

        final DedupDecision update = decisions().get("corrected");
        assertThat(update.getDecision()).isEqualTo("update");
        assertThat(update.getDuplicateOf()).isEqualTo("seed-it");
        assertThat(update.getStoryId()).isEqualTo("seed-it");
        assertThat(update.getReason()).contains("new figures");
        assertThat(routedIds()).containsExactly("seed-it", "corrected");
    }

    @Test
    void shouldLinkTheItalianSeedToItsEnglishRenderingAsATranslationAndRouteBoth() {
        start(Duration.ZERO);
        send(seedEnglish);
        send(seedItalian);

        final Map<String, DedupDecision> decisions = decisions();
        assertThat(decisions.get("seed-en").getDecision()).isEqualTo("new");
        final DedupDecision translation = decisions.get("seed-it");
        assertThat(translation.getDecision()).as(translation.toString()).isEqualTo("translation");
        assertThat(translation.getStoryId()).isEqualTo("seed-en");
        assertThat(translation.getReason()).contains("same dateline date");
        final Map<String, EnrichedItem> routed = routedItems();
        assertThat(routed).containsOnlyKeys("seed-en", "seed-it");
        assertThat(routed.values()).extracting(EnrichedItem::getStoryId).containsOnly("seed-en");
    }

    @Test
    void shouldNotLinkUnrelatedItemsOfTheSameDay() {
        start(Duration.ZERO);
        send(seedItalian);
        send(aWireItem().withId("other").titled("Security Council meeting").about(WireItems.SECURITY).build());

        assertThat(decisions().values()).extracting(DedupDecision::getDecision).containsOnly("new");
    }

    @Test
    void shouldMakeTheEarlierItemTheOriginalWhenItArrivesLateWithinTheGrace() {
        start(Duration.ofSeconds(30));
        final WireItem copy = WireItem.newBuilder(seedItalian).setId("copy").build();
        // The copy happened 5 s after the original but arrives first.
        raw.pipeInput(copy.getId(), SERDES.wireItem().encode(copy), START.plusSeconds(5));
        raw.pipeInput(seedItalian.getId(), SERDES.wireItem().encode(seedItalian), START);
        assertThat(decisions()).as("nothing is decided within the grace period").isEmpty();

        raw.pipeInput("later", SERDES.wireItem().encode(aWireItem().withId("later").titled("Trade talks")
            .about(WireItems.TRADE).build()), START.plusSeconds(60));
        driver.advanceWallClockTime(Duration.ofSeconds(1));

        final Map<String, DedupDecision> decisions = decisions();
        assertThat(decisions.get("seed-it").getDecision()).isEqualTo("new");
        assertThat(decisions.get("copy").getDecision()).isEqualTo("duplicate");
        assertThat(decisions.get("copy").getDuplicateOf()).isEqualTo("seed-it");
    }

    @Test
    void shouldMakeTheItemSentFirstTheOriginalWhenTheBrokerAppendedItsCopyFirst() {
        start(Duration.ofMillis(500));
        final WireItem copy = WireItem.newBuilder(seedItalian).setId("copy").build();
        // One producer sent the original, then the copy, to two partitions; the copy's batch was appended first.
        raw.pipeInput(new TestRecord<>(copy.getId(), SERDES.wireItem().encode(copy), sentAt(START.plusMillis(3)),
            START.plusMillis(10)));
        raw.pipeInput(new TestRecord<>(seedItalian.getId(), SERDES.wireItem().encode(seedItalian),
            sentAt(START.plusMillis(2)), START.plusMillis(12)));
        quiet();

        final Map<String, DedupDecision> decisions = decisions();
        assertThat(decisions.get("seed-it").getDecision()).isEqualTo("new");
        assertThat(decisions.get("copy").getDecision()).isEqualTo("duplicate");
        assertThat(decisions.get("copy").getDuplicateOf()).isEqualTo("seed-it");
    }

    @Test
    void shouldMakeTheItemAppendedFirstTheOriginalWhenNoSendTimeSaysOtherwise() {
        start(Duration.ofMillis(500));
        final WireItem copy = WireItem.newBuilder(seedItalian).setId("copy").build();
        raw.pipeInput(copy.getId(), SERDES.wireItem().encode(copy), START.plusMillis(10));
        raw.pipeInput(seedItalian.getId(), SERDES.wireItem().encode(seedItalian), START.plusMillis(12));
        quiet();

        final Map<String, DedupDecision> decisions = decisions();
        assertThat(decisions.get("copy").getDecision()).isEqualTo("new");
        assertThat(decisions.get("seed-it").getDuplicateOf()).isEqualTo("copy");
    }

    /** A tick that finds the record read since the last, then one that finds the partition idle: a heartbeat. */
    private void quiet() {
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        driver.advanceWallClockTime(Duration.ofSeconds(1));
    }

    private static Headers sentAt(final Instant sent) {
        final Headers headers = new RecordHeaders();
        SentAt.write(headers, sent.toEpochMilli() * 1_000L);
        return headers;
    }

    @Test
    void shouldDecideAfterTheGraceInWallClockTimeWhenTheStreamGoesQuiet() {
        start(Duration.ofSeconds(30));
        send(seedItalian);
        driver.advanceWallClockTime(Duration.ofSeconds(10));
        assertThat(decisions()).isEmpty();

        driver.advanceWallClockTime(Duration.ofSeconds(25));
        assertThat(decisions().get("seed-it").getDecision()).isEqualTo("new");
    }

    @Test
    void shouldGiveTheSameDecisionsWhenTheSameInputIsReplayed() {
        final List<Map<String, String>> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            start(Duration.ZERO);
            send(seedEnglish);
            send(seedItalian);
            send(WireItem.newBuilder(seedItalian).setId("copy").build());
            final Map<String, String> summary = new LinkedHashMap<>();
            decisions().forEach((id, d) -> summary.put(id, d.getDecision() + " " + d.getDuplicateOf() + " "
                + d.getStoryId() + " " + d.getSimilarity()));
            runs.add(summary);
            driver.close();
            driver = null;
        }
        assertThat(runs.get(1)).isEqualTo(runs.get(0)).hasSize(3);
    }

    @Test
    void shouldTreatAnItemOlderThanTheWindowAsNewWithoutComparingIt() {
        start(Duration.ZERO);
        send(seedItalian);
        raw.pipeInput("fresh", SERDES.wireItem().encode(aWireItem().withId("fresh").titled("Trade talks")
            .about(WireItems.TRADE).build()), START.plus(Duration.ofDays(30)));
        final WireItem old = WireItem.newBuilder(seedItalian).setId("old-copy").build();
        raw.pipeInput(old.getId(), SERDES.wireItem().encode(old), START.minus(Duration.ofDays(1)));

        final Map<String, DedupDecision> decisions = decisions();
        assertThat(decisions.get("old-copy").getDecision()).isEqualTo("new");
        assertThat(routedIds()).contains("old-copy");
    }

    private void send(final WireItem item) {
        raw.pipeInput(item.getId(), SERDES.wireItem().encode(item));
    }

    private Map<String, DedupDecision> decisions() {
        final Map<String, DedupDecision> decisions = new LinkedHashMap<>();
        driver.createOutputTopic("news.duplicates", Serdes.String().deserializer(),
            SERDES.dedupDecision().deserializer()).readKeyValuesToList().forEach(kv -> decisions.put(kv.key, kv.value));
        return decisions;
    }

    private Map<String, EnrichedItem> routedItems() {
        final Map<String, EnrichedItem> routed = new LinkedHashMap<>();
        for (final String topic : driver.producedTopicNames()) {
            if (topic.startsWith("news.") && !topic.equals("news.duplicates") && !topic.equals("news.dlq")
                && !topic.equals("news.raw")) {
                final TestOutputTopic<String, EnrichedItem> out = driver.createOutputTopic(topic,
                    Serdes.String().deserializer(), SERDES.enrichedItem().deserializer());
                out.readKeyValuesToList().forEach(kv -> routed.put(kv.key, kv.value));
            }
        }
        return routed;
    }

    private List<String> routedIds() {
        return new ArrayList<>(routedItems().keySet());
    }

    private static Map<String, WireItem> readItems(final String resource) throws IOException {
        final Map<String, WireItem> items = new LinkedHashMap<>();
        final ObjectMapper json = new ObjectMapper();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
            DedupTopologyTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                final JsonNode node = json.readTree(line);
                final WireItems item = aWireItem().withId(node.get("id").asText()).titled(node.get("title").asText())
                    .datelined(node.get("place").asText(), node.get("date").asText());
                node.get("paragraphs").forEach(p -> item.paragraph(p.asText()));
                items.put(node.get("id").asText(), item.build());
            }
        }
        return items;
    }
}

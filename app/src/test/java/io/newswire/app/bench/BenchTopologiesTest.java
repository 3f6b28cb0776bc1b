package io.newswire.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;

import io.newswire.producer.parse.TranscriptParser;
import io.newswire.schema.DeadLetter;
import io.newswire.schema.EnrichedItem;
import io.newswire.schema.WireItem;
import io.newswire.schema.serde.NewswireSerdes;
import io.newswire.streams.CaughtUp;
import io.newswire.streams.PipelineConfig;
import io.newswire.streams.StreamsRunner;
import io.newswire.streams.enrich.Enricher;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench's own topologies on a TopologyTestDriver: what they write, what they do not, and their node names. */
class BenchTopologiesTest {

    private static final Instant START = Instant.parse("2021-08-21T10:00:00Z");
    private static Enricher enricher;
    private static WireItem seed;

    private final NewswireSerdes serdes = new NewswireSerdes();
    private final RunNames stateless = RunNames.of("t", BenchPhase.STATELESS, "", PipelineConfig.defaults(), 3);
    private final RunNames passThrough = RunNames.of("t", BenchPhase.PASSTHROUGH, "", PipelineConfig.defaults(), 3);

    @TempDir
    Path stateDir;

    @BeforeAll
    static void loadModelsAndTheSeed() throws IOException {
        enricher = Enricher.create(PipelineConfig.defaults().enrichment());
        try (InputStream in = BenchTopologiesTest.class.getResourceAsStream(
            "/samples/kremlin-2021-08-21-putin-tokayev.it.txt")) {
            seed = new TranscriptParser(Clock.fixed(START, ZoneOffset.UTC)).parse("seed.it.txt",
                new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (final io.newswire.producer.parse.ParseException e) {
            throw new IllegalStateException("the bundled seed transcript no longer parses", e);
        }
    }

    @Test
    void shouldCopyTheBytesOfTheInputToTheOutputInThePassThrough() {
        final byte[] value = serdes.wireItem().encode(seed);

        try (TopologyTestDriver driver = driver(BenchTopologies.of(passThrough, serdes, null, CaughtUp.ALWAYS),
            passThrough)) {
            input(driver, passThrough).pipeInput(seed.getId(), value);
            final TestOutputTopic<String, byte[]> out = driver.createOutputTopic(passThrough.passThroughOutput(),
                Serdes.String().deserializer(), Serdes.ByteArray().deserializer());

            assertThat(out.readKeyValuesToList()).singleElement().satisfies(record -> {
                assertThat(record.key).isEqualTo(seed.getId());
                assertThat(record.value).isEqualTo(value);
            });
        }
    }

    @Test
    void shouldRouteTheSeedToSecurityAndTradeAsItsOwnStoryAndNotToGeneral() {
        try (TopologyTestDriver driver = driver(BenchTopologies.of(stateless, serdes, enricher, CaughtUp.ALWAYS),
            stateless)) {
            input(driver, stateless).pipeInput(seed.getId(), serdes.wireItem().encode(seed));

            for (final String route : List.of("security", "trade")) {
                assertThat(items(driver, stateless.config().topics().route(route)).readValuesToList())
                    .as(route).singleElement().satisfies(item -> {
                        assertThat(item.getId()).isEqualTo(seed.getId());
                        assertThat(item.getRoutes()).contains("security", "trade");
                        assertThat(item.getStoryId()).isEqualTo(seed.getId());
                    });
            }
            assertThat(items(driver, stateless.config().topics().general()).isEmpty()).isTrue();
            assertThat(deadLetters(driver).isEmpty()).isTrue();
        }
    }

    @Test
    void shouldDeadLetterBytesThatAreNotAWireItemAtStageDeserialize() {
        try (TopologyTestDriver driver = driver(BenchTopologies.of(stateless, serdes, enricher, CaughtUp.ALWAYS),
            stateless)) {
            input(driver, stateless).pipeInput("garbage", new byte[] {1, 2, 3});

            assertThat(deadLetters(driver).readValuesToList()).singleElement().satisfies(deadLetter -> {
                assertThat(deadLetter.getStage()).isEqualTo("deserialize");
                assertThat(deadLetter.getOriginal().array()).containsExactly(1, 2, 3);
            });
            assertThat(items(driver, stateless.config().topics().general()).isEmpty()).isTrue();
        }
    }

    @Test
    void shouldNameEveryNodeOfTheBenchTopologies() {
        for (final RunNames names : List.of(passThrough, stateless)) {
            final String description = BenchTopologies.of(names, serdes, enricher, CaughtUp.ALWAYS).describe().toString();

            assertThat(description).as(names.phase().label()).doesNotContain("KSTREAM-").contains("raw-source");
        }
        assertThat(BenchTopologies.of(stateless, serdes, enricher, CaughtUp.ALWAYS).describe().toString())
            .contains("decode", "normalize", "enrich", "route", "route-fan-out", "route-sink", "dead-letter",
                "dlq-sink");
    }

    private TopologyTestDriver driver(final Topology topology, final RunNames names) {
        final Properties props = StreamsRunner.streamsProperties(names.config(), new Properties());
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        return new TopologyTestDriver(topology, props, START);
    }

    private static TestInputTopic<String, byte[]> input(final TopologyTestDriver driver, final RunNames names) {
        return driver.createInputTopic(names.input(), Serdes.String().serializer(), Serdes.ByteArray().serializer(),
            START, Duration.ofSeconds(1));
    }

    private TestOutputTopic<String, EnrichedItem> items(final TopologyTestDriver driver, final String topic) {
        return driver.createOutputTopic(topic, Serdes.String().deserializer(), serdes.enrichedItem().deserializer());
    }

    private TestOutputTopic<String, DeadLetter> deadLetters(final TopologyTestDriver driver) {
        return driver.createOutputTopic(stateless.config().topics().dlq(), Serdes.String().deserializer(),
            serdes.deadLetter().deserializer());
    }
}

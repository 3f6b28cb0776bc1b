package io.newswire.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.newswire.app.Console;
import io.newswire.broker.testing.SharedKafka;
import io.newswire.producer.source.InputScanner;
import io.newswire.schema.DedupDecision;
import io.newswire.schema.serde.NewswireSerdes;
import io.newswire.streams.PipelineConfig;
import io.newswire.streams.StreamsRunner;
import io.newswire.streams.enrich.Enricher;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dedup decisions are a function of news.raw alone, on a real broker: the same items give the same decision,
 * original and story whether news.raw has 4 partitions read by 2 threads or 1 partition read by 1 thread, and after
 * an instance is stopped mid-way, its local state lost, and a new one takes over from the changelogs. The items are
 * labelled pairs of the eval set plus the seed transcript with its Russian and English renderings, which must end in
 * one story.
 */
class DedupDeterminismIT {

    private static final NewswireSerdes SERDES = new NewswireSerdes();
    private static final Duration WAIT = Duration.ofMinutes(2);

    @TempDir
    static Path temp;

    private static Enricher enricher;
    private static PipelineConfig first;
    private static Map<String, String> firstDecisions;
    private static int items;

    /** One run through `run`'s own path (publish, topology, outputs) on 4 partitions and 2 threads. */
    @BeforeAll
    static void runOnFourPartitionsWithTwoThreads() throws IOException {
        final Path input = temp.resolve("in");
        Files.createDirectories(input);
        final List<String> lines = evalLines(140);
        lines.add(evalLine("seed-en"));
        Files.write(input.resolve("items.jsonl"), lines, StandardCharsets.UTF_8);
        for (final String seed : List.of("kremlin-2021-08-21-putin-tokayev.it.txt",
            "kremlin-2021-08-21-putin-tokayev.ru.txt")) {
            try (InputStream in = DedupDeterminismIT.class.getResourceAsStream("/samples/" + seed)) {
                Files.write(input.resolve(seed), in.readAllBytes());
            }
        }
        items = lines.size() + 2;
        first = PipelineConfig.fromProperties(TestInputs.isolatedTopics()).withPartitions(4);
        enricher = Enricher.create(first.enrichment());
        final RunReport report = new PipelineRun(first, kafka(2), quiet(), temp.resolve("state-first"), null,
            InputScanner.DEFAULT_MAX_ITEM_BYTES).run(List.of(input), WAIT, java.util.concurrent.CompletableFuture
            .completedFuture(enricher));
        assertThat(report.complete()).as(report.accounting().violations().toString()).isTrue();
        firstDecisions = decisions(first);
        assertThat(firstDecisions).hasSize(items);
    }

    @Test
    void shouldPutTheSeedAndItsRussianAndEnglishRenderingsInOneStory() {
        final String english = firstDecisions.entrySet().stream().filter(entry -> entry.getKey().startsWith("seed-en@"))
            .map(Map.Entry::getValue).findFirst().orElseThrow();
        final String story = english.substring(english.indexOf(" story ") + " story ".length());
        final List<String> inStory = firstDecisions.values().stream()
            .filter(decision -> decision.endsWith(" story " + story)).toList();

        // Whichever of the three came first (the English line ends a file published before the two transcripts, but
        // a record that waits in the producer longer than a quarter of the grace gets the append time less that
        // quarter as its event time, so on a loaded machine a transcript can come first) starts the story, and the
        // other two are its translations.
        assertThat(inStory).as("the English, Italian and Russian renderings in the story of %s: %s", english,
            firstDecisions).hasSize(3);
        assertThat(inStory.stream().filter(decision -> decision.startsWith("new")).count()).as(inStory.toString())
            .isEqualTo(1);
        assertThat(inStory.stream().filter(decision -> decision.startsWith("translation")).count())
            .as(inStory.toString()).isEqualTo(2);
    }

    @Test
    void shouldDecideTheSameOnOnePartitionReadByOneThread() {
        final PipelineConfig single = PipelineConfig.fromProperties(TestInputs.isolatedTopics()).withPartitions(1);
        copyRaw(first.topics().raw(), single.topics().raw());
        runOver(single, 1, temp.resolve("state-single"), 0);

        assertThat(decisions(single)).isEqualTo(firstDecisions);
    }

    @Test
    void shouldDecideTheSameAfterAnInstanceStoppedMidWayLostItsState() {
        final PipelineConfig again = PipelineConfig.fromProperties(TestInputs.isolatedTopics())
            .withPartitions(4).withApplicationId("determinism-restart-" + System.nanoTime());
        final PipelineConfig overFirstRaw = new PipelineConfig(again.applicationId(), new io.newswire.schema.config
            .TopicNames(first.topics().raw(), again.topics().routePrefix(), again.topics().general(),
            again.topics().duplicates(), again.topics().dlq()), again.routes(), again.dedupWindow(), 4,
            again.replicationFactor(), again.enrichment(), again.dedup(), again.fingerprint());
        runOver(overFirstRaw, 2, temp.resolve("state-restart"), items / 2);

        assertThat(decisions(overFirstRaw)).isEqualTo(firstDecisions);
    }

    /**
     * Runs the topology of {@code config} over its (already filled) news.raw until every item is decided; with
     * {@code stopAfter} > 0, stops the instance once that many are decided, deletes its state folder, and starts a
     * new one, which restores from the changelogs and rebuilds its postings.
     */
    private static void runOver(final PipelineConfig config, final int threads, final Path stateDir,
                                final int stopAfter) {
        PipelineRun.createTopics(kafka(threads), config, quiet());
        StreamsRunner streams = start(config, threads, stateDir);
        try {
            if (stopAfter > 0) {
                final StreamsRunner before = streams;
                Awaitility.await().atMost(WAIT).until(() -> decided(before, config) >= stopAfter);
                streams.close(Duration.ofSeconds(30));
                deleteFolder(stateDir);
                streams = start(config, threads, stateDir);
            }
            final StreamsRunner running = streams;
            Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(500))
                .until(() -> decided(running, config) >= items);
        } finally {
            streams.close(Duration.ofSeconds(30));
        }
    }

    private static StreamsRunner start(final PipelineConfig config, final int threads, final Path stateDir) {
        final Properties props = kafka(threads);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        final StreamsRunner streams = new StreamsRunner(config, props, SERDES, enricher);
        streams.start();
        return streams;
    }

    /** Copies news.raw record by record, with keys, values, headers and timestamps, into a new topic. */
    private static void copyRaw(final String from, final String to) {
        final List<ConsumerRecord<byte[], byte[]>> records = readAll(from);
        try (Admin admin = Admin.create(kafka(1))) {
            admin.createTopics(List.of(new NewTopic(to, Optional.of(1), Optional.empty()))).all()
                .get(30, TimeUnit.SECONDS);
        } catch (final Exception e) {
            throw new IllegalStateException("cannot create " + to, e);
        }
        final Properties props = kafka(1);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
            new ByteArraySerializer())) {
            // Event time order, as one partition would hold the items had they been published to it.
            records.stream().sorted(Comparator.comparingLong(ConsumerRecord<byte[], byte[]>::timestamp)
                    .thenComparingInt(ConsumerRecord::partition).thenComparingLong(ConsumerRecord::offset))
                .forEach(record -> producer.send(new ProducerRecord<>(to, 0, record.timestamp(), record.key(),
                    record.value(), record.headers())));
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(final String topic) {
        final Properties props = kafka(1);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
            final List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            final Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            final List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            return records;
        }
    }

    /** How many items are decided so far; fails at once when the instance stopped. */
    private static long decided(final StreamsRunner streams, final PipelineConfig config) {
        if (streams.state() == KafkaStreams.State.ERROR || streams.state() == KafkaStreams.State.NOT_RUNNING) {
            throw new IllegalStateException("the topology stopped: " + streams.state());
        }
        return decisions(config).size();
    }

    /** Every decision on the run's news.duplicates: "id@event time" → "decision of original story story". */
    private static Map<String, String> decisions(final PipelineConfig config) {
        final Map<String, String> decisions = new TreeMap<>();
        for (final ConsumerRecord<byte[], byte[]> record : readAll(config.topics().duplicates())) {
            final DedupDecision decision = SERDES.dedupDecision().decode(record.value());
            decisions.merge(decision.getId() + "@" + decision.getDecidedAt().toEpochMilli(),
                decision.getDecision() + " of " + decision.getDuplicateOf() + " story " + decision.getStoryId(),
                (a, b) -> a + " AND AGAIN " + b);
        }
        return decisions;
    }

    private static List<String> evalLines(final int count) throws IOException {
        try (InputStream in = DedupDeterminismIT.class.getResourceAsStream("/eval/dedup/items.jsonl")) {
            return new ArrayList<>(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                .filter(line -> !line.isBlank() && !line.contains("\"seed-")).limit(count).toList());
        }
    }

    private static String evalLine(final String id) throws IOException {
        try (InputStream in = DedupDeterminismIT.class.getResourceAsStream("/eval/dedup/items.jsonl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                .filter(line -> line.contains("\"id\":\"" + id + "\"") || line.contains("\"id\": \"" + id + "\""))
                .findFirst().orElseThrow();
        }
    }

    private static Properties kafka(final int threads) {
        final Properties kafka = new Properties();
        kafka.setProperty("bootstrap.servers", SharedKafka.bootstrapServers());
        kafka.setProperty("num.stream.threads", Integer.toString(threads));
        return kafka;
    }

    private static Console quiet() {
        return new Console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false);
    }

    private static void deleteFolder(final Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (final IOException e) {
            throw new java.io.UncheckedIOException("cannot delete " + dir, e);
        }
    }
}

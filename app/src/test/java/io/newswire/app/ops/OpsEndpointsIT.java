package io.newswire.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.newswire.app.Console;
import io.newswire.app.cli.CapturedRun;
import io.newswire.app.pipeline.PipelineRun;
import io.newswire.app.pipeline.TestInputs;
import io.newswire.broker.testing.SharedKafka;
import io.newswire.producer.parse.JsonlParser;
import io.newswire.producer.publish.WirePublisher;
import io.newswire.producer.source.RejectReason;
import io.newswire.producer.source.Rejection;
import io.newswire.schema.WireItem;
import io.newswire.schema.serde.NewswireSerdes;
import io.newswire.streams.PipelineConfig;
import io.newswire.streams.StreamsRunner;
import io.newswire.streams.enrich.Enricher;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ops endpoints of a real topology on the shared broker, asked over HTTP as Prometheus, a browser or a load
 * balancer would: lag in records and seconds against the records' real timestamps, STOP, REWIND, WARN and recovery,
 * health, the scrape against {@code /lag} and {@code newswire lag --json}, and the metric names the shipped dashboard
 * and alert rules use. Waits are on conditions; the only timed bound is the one the issue sets (STOP within two
 * refresh intervals).
 */
class OpsEndpointsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final NewswireSerdes SERDES = new NewswireSerdes();
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Console CONSOLE = new Console(System.out, System.err, false);
    private static Enricher enricher;
    private static List<WireItem> items;

    @TempDir
    Path temp;

    @BeforeAll
    static void load() throws Exception {
        enricher = Enricher.create(PipelineConfig.defaults().enrichment());
        items = new ArrayList<>();
        final JsonlParser parser = new JsonlParser(Clock.systemUTC());
        try (InputStream in = OpsEndpointsIT.class.getResourceAsStream("/samples/kremlin-en-samples.jsonl")) {
            final String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            // As many items as the tests need, under ids of their own (copies are decided duplicates: also fine).
            for (int i = 0; items.size() < 16; i++) {
                final WireItem item = parser.parseLine("kremlin-en-samples.jsonl", i % lines.length + 1,
                    lines[i % lines.length]);
                items.add(WireItem.newBuilder(item).setId(item.getId() + "-" + i).build());
            }
        }
    }

    @Test
    void shouldMeasureAStoppedPipelineSayStopThenRewindAndServeWhatTheDashboardAndRulesUse() throws Exception {
        final Properties settings = TestInputs.isolatedTopics();
        final PipelineConfig config = withTopics(settings);
        final Properties kafka = kafka();
        final OpsSettings opsSettings = new OpsSettings(0, Duration.ofSeconds(1), Duration.ofSeconds(4), 1,
            Duration.ofSeconds(1), Duration.ofSeconds(5));
        final Map<TopicPartition, Map<Long, Long>> timestamps = new HashMap<>();
        try (Ops ops = Ops.start("it", 0, opsSettings, CONSOLE).withLag(kafka, config, List.of())) {
            final OpsProbe probe = new OpsProbe(ops.port());
            StreamsRunner streams = start(config, kafka, ops);

            // Items through the whole topology, one reject and one undecodable record: every counter has a value.
            try (WirePublisher publisher = WirePublisher.connect(SharedKafka.bootstrapServers(), "ops-it",
                config.topics(), Map.of())) {
                ops.bindPublisher(publisher);
                for (int i = 0; i < 6; i++) {
                    publisher.publish(items.get(i));
                }
                publisher.reject(Rejection.ofLine("bad.jsonl", null, 1, RejectReason.INVALID_JSON, "not JSON",
                    "{oops".getBytes(StandardCharsets.UTF_8)));
                publisher.flush();
            }
            try (KafkaProducer<String, byte[]> producer = producer()) {
                producer.send(new ProducerRecord<>(config.topics().raw(), "garbage", new byte[] {9, 9, 9})).get();
                // One item on each partition, so the group has an offset on each.
                for (int partition = 0; partition < 3; partition++) {
                    final WireItem item = items.get(6 + partition);
                    producer.send(new ProducerRecord<>(config.topics().raw(), partition, item.getId(),
                        SERDES.wireItem().encode(item))).get();
                }
            }
            Awaitility.await().atMost(WAIT).until(() -> count(ops, "newswire.decisions") >= 9
                && count(ops, "newswire.dead.letters") >= 1);
            Awaitility.await().atMost(WAIT).until(() -> inputRows(probe.lag(), config).size() == 3
                && lagOf(inputRows(probe.lag(), config)) == 0);
            Awaitility.await().atMost(WAIT).until(() -> probe.get("/health/ready").statusCode() == 200);
            assertThat(probe.get("/health/live").statusCode()).isEqualTo(200);
            metricNamesOfTheShippedFilesAreScraped(probe);

            // Stopped: the members leave; records published now wait, and are reported STOP at the next reading.
            streams.close(Duration.ofSeconds(30));
            final int waiting = 5;
            final long lastAck;
            try (KafkaProducer<String, byte[]> producer = producer()) {
                for (int i = 0; i < waiting; i++) {
                    final WireItem item = items.get(9 + i);
                    final RecordMetadata sent = producer.send(new ProducerRecord<>(config.topics().raw(),
                        item.getId(), SERDES.wireItem().encode(item))).get();
                    timestamps.computeIfAbsent(new TopicPartition(sent.topic(), sent.partition()),
                        partition -> new HashMap<>()).put(sent.offset(), sent.timestamp());
                    // Timestamps 150 ms apart at least, so taking the wrong record shows.
                    Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(10))
                        .until(() -> System.currentTimeMillis() >= sent.timestamp() + 150);
                }
                lastAck = System.currentTimeMillis();
            }
            final long[] stopReadAt = new long[1];
            Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> {
                final List<JsonNode> rows = inputRows(probe.lag(), config);
                final boolean stopped = lagOf(rows) == waiting && rows.stream()
                    .filter(row -> row.get("lag_records").asLong() > 0)
                    .allMatch(row -> "STOP".equals(row.get("status").asText()));
                if (stopped) {
                    stopReadAt[0] = rows.get(0).get("read_at").asLong();
                }
                return stopped;
            });
            final long toStop = System.currentTimeMillis() - lastAck;
            System.out.printf("STOP shown %d ms after the last record was acknowledged, by the reading started %d ms "
                + "after it (refresh %d ms)%n", toStop, stopReadAt[0] - lastAck, opsSettings.refresh().toMillis());
            // The reading that says STOP starts within the next refresh interval; its own duration (~0.1 s, more on
            // a loaded machine) is the reader's, not the judge's, so the bound is on when it started.
            assertThat(stopReadAt[0] - lastAck).as("STOP within two refresh intervals").isLessThanOrEqualTo(
                2 * opsSettings.refresh().toMillis());
            assertThat(probe.get("/health/ready").statusCode()).as("not ready while stopped").isEqualTo(503);

            // Lag in seconds, against the acknowledged timestamps of the first record not consumed.
            final JsonNode reading = probe.lag();
            for (final JsonNode row : inputRows(reading, config)) {
                if (row.get("lag_records").asLong() == 0) {
                    continue;
                }
                final TopicPartition partition = new TopicPartition(row.get("topic").asText(),
                    row.get("partition").asInt());
                final Long first = timestamps.get(partition).get(row.get("committed").asLong());
                assertThat(first).as("the first waiting record of " + partition + " is one published now").isNotNull();
                final double truth = (row.get("read_at").asLong() - first) / 1000.0;
                assertThat(row.get("lag_seconds").asDouble()).as(partition.toString()).isCloseTo(truth, within(0.25));
                assertThat(row.get("lag_records").asLong()).isEqualTo(timestamps.get(partition).size());
            }

            // The scrape is the same reading as /lag, and as a new reading by the command line.
            scrapeEqualsLag(probe, config);
            final Path file = temp.resolve("newswire.properties");
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                settings.store(writer, "isolated topics of OpsEndpointsIT");
            }
            final CapturedRun cli = CapturedRun.newswire("lag", "--json", "--bootstrap-servers",
                SharedKafka.bootstrapServers(), "--config", file.toString());
            assertThat(cli.exitCode()).as(cli.toString()).isZero();
            final Map<String, Double> scraped = samples(probe.scrape(), "kafka_consumergroup_group_lag");
            for (final JsonNode row : JSON.readTree(cli.out())) {
                if ("input".equals(row.get("stage").asText())) {
                    assertThat(scraped.get(key(row))).as("scrape vs newswire lag --json, " + key(row))
                        .isEqualTo(row.get("lag_records").asDouble());
                }
            }

            // Started again: lag back to 0, OK, ready.
            streams = start(config, kafka, ops);
            Awaitility.await().atMost(WAIT).until(() -> {
                final List<JsonNode> rows = inputRows(probe.lag(), config);
                return lagOf(rows) == 0 && rows.stream().allMatch(row -> "OK".equals(row.get("status").asText()));
            });
            Awaitility.await().atMost(WAIT).until(() -> probe.get("/health/ready").statusCode() == 200);

            // Set back by an operator: REWIND.
            streams.close(Duration.ofSeconds(30));
            final Map<TopicPartition, OffsetAndMetadata> rewind = new HashMap<>();
            for (int partition = 0; partition < 3; partition++) {
                rewind.put(new TopicPartition(config.topics().raw(), partition), new OffsetAndMetadata(0));
            }
            try (Admin admin = Admin.create(kafka)) {
                Awaitility.await().atMost(WAIT).ignoreExceptions().until(() -> {
                    admin.alterConsumerGroupOffsets(config.applicationId(), rewind).all().get();
                    return true;
                });
            }
            Awaitility.await().atMost(WAIT).until(() -> inputRows(probe.lag(), config).stream()
                .anyMatch(row -> "REWIND".equals(row.get("status").asText())));
            final String page = probe.get("/status").body();
            assertThat(page).contains("REWIND").contains(config.topics().raw()).doesNotContain("<script");
        }
    }

    @Test
    void shouldStayOkThroughSeveralWindowsOfAnIdleExactlyOncePipelineWhateverTheMarkers() throws Exception {
        final Properties settings = TestInputs.isolatedTopics();
        final PipelineConfig config = withTopics(settings);
        final Properties kafka = kafka();
        final OpsSettings opsSettings = new OpsSettings(0, Duration.ofMillis(250), Duration.ofSeconds(1), 1,
            Duration.ofSeconds(10), Duration.ofSeconds(30));
        try (Ops ops = Ops.start("it", 0, opsSettings, CONSOLE).withLag(kafka, config, List.of())) {
            final OpsProbe probe = new OpsProbe(ops.port());
            final StreamsRunner streams = start(config, kafka, ops);
            try (KafkaProducer<String, byte[]> producer = producer()) {
                for (int i = 0; i < 3; i++) {
                    producer.send(new ProducerRecord<>(config.topics().raw(), items.get(i).getId(),
                        SERDES.wireItem().encode(items.get(i)))).get();
                }
            }
            Awaitility.await().atMost(WAIT).until(() -> count(ops, "newswire.decisions") >= 3);
            // A reader of news.duplicates that commits "last record + 1", as most do: the commit marker after the
            // last transaction stays ahead of it.
            final String desk = "desk-" + config.applicationId();
            try (KafkaConsumer<String, String> reader = consumer(desk)) {
                reader.subscribe(List.of(config.topics().duplicates()));
                int read = 0;
                final long deadline = System.nanoTime() + WAIT.toNanos();
                while (read < 3 && System.nanoTime() < deadline) {
                    for (final ConsumerRecord<String, String> record : reader.poll(Duration.ofMillis(200))) {
                        read++;
                        reader.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1)));
                    }
                }
                assertThat(read).isEqualTo(3);
            }
            // Readings from now on: the desk has read everything and left.
            final long idleFrom = System.currentTimeMillis();
            final long until = idleFrom + 4 * opsSettings.window().toMillis();
            final long[] lastRead = {0};
            final int[] readings = {0};
            final boolean[] markerAhead = {false};
            // Every reading through four windows (and at least 12 of them), each judged as it comes.
            Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> {
                final LagMonitor.Snapshot snapshot = ops.lag().snapshot();
                if (snapshot.readAt() != lastRead[0] && snapshot.readAt() >= idleFrom) {
                    lastRead[0] = snapshot.readAt();
                    readings[0]++;
                    for (final LagJudge.Judged row : snapshot.rows()) {
                        assertThat(row.status()).as(row.lag().toString()).isEqualTo(LagStatus.OK);
                        if (row.lag().group().equals(desk)) {
                            assertThat(row.lag().lagRecords()).as("markers are not lag").isZero();
                            markerAhead[0] |= row.lag().logEnd() > row.lag().committed();
                        }
                    }
                }
                return System.currentTimeMillis() >= until && readings[0] >= 12;
            });
            assertThat(markerAhead[0]).as("the desk's committed offset is behind a commit marker").isTrue();
            final Map<String, Double> statuses = samples(probe.scrape(), "newswire_lag_status");
            assertThat(statuses.keySet()).isNotEmpty().allMatch(key -> key.endsWith("|OK"));
            streams.close(Duration.ofSeconds(30));
        }
    }

    @Test
    void shouldWarnWhileADownstreamReaderFallsBehindAndKeepReportingItOnceItStops() throws Exception {
        final Properties settings = TestInputs.isolatedTopics();
        final PipelineConfig config = PipelineConfig.fromProperties(settings);
        final Properties kafka = kafka();
        final String topic = config.topics().route("security");
        try (Admin admin = Admin.create(kafka)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        final OpsSettings opsSettings = new OpsSettings(0, Duration.ofMillis(250), Duration.ofMillis(1500), 1,
            Duration.ofMillis(200), Duration.ofSeconds(30));
        final String desk = "slow-desk-" + config.applicationId();
        final ScheduledExecutorService publisher = Executors.newSingleThreadScheduledExecutor();
        final AtomicInteger sent = new AtomicInteger();
        try (KafkaProducer<String, byte[]> producer = producer();
             Ops ops = Ops.start("it", 0, opsSettings, CONSOLE).withLag(kafka, config, List.of(desk))) {
            final OpsProbe probe = new OpsProbe(ops.port());
            // 40 records a second, until the publisher is shut down (before the producer closes).
            publisher.scheduleAtFixedRate(() -> producer.send(new ProducerRecord<>(topic, "k" + sent.get(),
                new byte[] {(byte) sent.getAndIncrement()})), 0, 25, TimeUnit.MILLISECONDS);
            try {
                throttledReaderWarnsThenStops(probe, desk, topic);
            } finally {
                publisher.shutdownNow();
                assertThat(publisher.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            }
        }
    }

    private static void throttledReaderWarnsThenStops(final OpsProbe probe, final String desk, final String topic) {
        // Throttled: one record every 100 ms, committed each time, while 40 a second arrive.
        try (KafkaConsumer<String, String> reader = consumer(desk)) {
            reader.subscribe(List.of(topic));
            final long deadline = System.nanoTime() + WAIT.toNanos();
            boolean warned = false;
            while (!warned && System.nanoTime() < deadline) {
                for (final ConsumerRecord<String, String> record : reader.poll(Duration.ofMillis(100))) {
                    reader.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
                        new OffsetAndMetadata(record.offset() + 1)));
                }
                warned = rowsOf(probe.lag(), desk).stream()
                    .anyMatch(row -> "WARN".equals(row.get("status").asText()));
            }
            assertThat(warned).as("WARN while the reader falls behind").isTrue();
        }
        // Stopped (closed, left the group): still reported, STOP, with lag growing from the live log end.
        Awaitility.await().atMost(WAIT).until(() -> rowsOf(probe.lag(), desk).stream()
            .anyMatch(row -> "STOP".equals(row.get("status").asText())));
        final long before = rowsOf(probe.lag(), desk).get(0).get("lag_records").asLong();
        Awaitility.await().atMost(WAIT).until(() -> rowsOf(probe.lag(), desk).get(0).get("lag_records").asLong()
            > before + 20);
        assertThat(rowsOf(probe.lag(), desk).get(0).get("group_active").asBoolean()).isFalse();
    }

    @Test
    void shouldShowTheStatusPageInARealBrowserWithoutAnythingFromOutside() throws Exception {
        final Optional<String> chromium = Stream.of("chromium", "chromium-browser", "google-chrome")
            .filter(OpsEndpointsIT::onPath).findFirst();
        Assumptions.assumeTrue(chromium.isPresent(),
            "no chromium on the PATH: Debian's chromium is what .ci/run installs to look at /status in a browser");
        final Properties settings = TestInputs.isolatedTopics();
        final PipelineConfig config = withTopics(settings);
        final Properties kafka = kafka();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (int i = 0; i < 4; i++) {
                producer.send(new ProducerRecord<>(config.topics().raw(), 0, "k" + i, new byte[] {1})).get();
            }
        }
        try (Admin admin = Admin.create(kafka)) {
            admin.alterConsumerGroupOffsets(config.applicationId(),
                Map.of(new TopicPartition(config.topics().raw(), 0), new OffsetAndMetadata(1))).all().get();
        }
        final OpsSettings opsSettings = new OpsSettings(0, Duration.ofMillis(500), Duration.ofSeconds(5), 1,
            Duration.ofSeconds(1), Duration.ofSeconds(5));
        try (Ops ops = Ops.start("it", 0, opsSettings, CONSOLE).withLag(kafka, config, List.of())) {
            Awaitility.await().atMost(WAIT).until(() -> ops.lag().snapshot().rows().size() == 1);
            final String url = "http://localhost:" + ops.port() + "/status";
            final Path png = temp.resolve("status.png");
            final Process shot = new ProcessBuilder(chromium.get(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--hide-scrollbars", "--window-size=1400,1000", "--screenshot=" + png, url)
                .redirectErrorStream(true).redirectOutput(temp.resolve("chromium.log").toFile()).start();
            assertThat(shot.waitFor(90, TimeUnit.SECONDS)).as("chromium finished").isTrue();
            final byte[] image = Files.readAllBytes(png);
            assertThat(image.length).as("a screenshot with content").isGreaterThan(10_000);
            assertThat(new String(image, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
            final Process dom = new ProcessBuilder(chromium.get(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--dump-dom", url).redirectError(temp.resolve("chromium-dom.log").toFile()).start();
            final String rendered = new String(dom.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(dom.waitFor(90, TimeUnit.SECONDS)).isTrue();
            assertThat(rendered).as("the page as the browser built it")
                .contains("badge big STOP").contains("Stages, in flow order").contains("<svg")
                .contains(config.topics().raw());
            final String source = new OpsProbe(ops.port()).get("/status").body();
            assertThat(source).as("self-contained: no script, no external file or font")
                .doesNotContain("<script").doesNotContain("src=").doesNotContain("href=\"http")
                .doesNotContain("@import").doesNotContain("url(");
        }
    }

    private static boolean onPath(final String command) {
        for (final String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    /** Every metric name in the shipped alert rules and Grafana dashboard is served by a real scrape. */
    private static void metricNamesOfTheShippedFilesAreScraped(final OpsProbe probe) throws IOException {
        final Path root = Path.of("..").toAbsolutePath().normalize();
        final Set<String> used = new TreeSet<>();
        final Pattern name = Pattern.compile("\\b((?:newswire|kafka|jvm|process)_[a-z0-9_]+)\\b");
        for (final Path file : List.of(root.resolve("ops/prometheus/newswire-rules.yml"),
            root.resolve("ops/grafana/dashboards/newswire.json"))) {
            final Matcher matcher = name.matcher(Files.readString(file));
            while (matcher.find()) {
                used.add(matcher.group(1));
            }
        }
        assertThat(used).as("metric names in the rules and the dashboard").hasSizeGreaterThan(10);
        // Rates need two readings of a partition: wait for them rather than for a fixed time.
        final Set<String> served = new TreeSet<>();
        Awaitility.await().atMost(WAIT).until(() -> {
            served.clear();
            probe.scrape().forEach(sample -> served.add(sample.name()));
            return served.containsAll(used);
        });
        assertThat(served).as("names in a real scrape").containsAll(used);
    }

    private static void scrapeEqualsLag(final OpsProbe probe, final PipelineConfig config) {
        Awaitility.await().atMost(WAIT).until(() -> {
            final JsonNode before = probe.lag();
            final List<OpsProbe.Sample> scrape = probe.scrape();
            final double scrapedReadAt = scrape.stream()
                .filter(sample -> sample.name().equals("newswire_lag_reading_timestamp_seconds"))
                .mapToDouble(OpsProbe.Sample::value).findFirst().orElse(-1);
            if (before.size() == 0 || Math.round(scrapedReadAt * 1000) != before.get(0).get("read_at").asLong()) {
                return false;  // the scrape is rendered just after each reading: ask again
            }
            final Map<String, Double> lag = samples(scrape, "kafka_consumergroup_group_lag");
            final Map<String, Double> seconds = samples(scrape, "kafka_consumergroup_group_lag_seconds");
            final Map<String, Double> offsets = samples(scrape, "kafka_consumergroup_group_offset");
            for (final JsonNode row : before) {
                assertThat(lag.get(key(row))).as(key(row)).isEqualTo(row.get("lag_records").asDouble());
                assertThat(seconds.get(key(row))).as(key(row)).isEqualTo(row.get("lag_seconds").asDouble());
                assertThat(offsets.get(key(row))).as(key(row)).isEqualTo(row.get("committed").asDouble());
            }
            return true;
        });
    }

    /** Samples of one family by "group|topic|partition|stage" (and "|status" for the status). */
    private static Map<String, Double> samples(final List<OpsProbe.Sample> scrape, final String family) {
        final Map<String, Double> values = new HashMap<>();
        for (final OpsProbe.Sample sample : scrape) {
            if (sample.name().equals(family)) {
                final Map<String, String> labels = sample.labels();
                values.put(labels.get("group") + "|" + labels.get("topic") + "|" + labels.get("partition") + "|"
                    + labels.get("stage") + (labels.containsKey("status") ? "|" + labels.get("status") : ""),
                    sample.value());
            }
        }
        return values;
    }

    private static String key(final JsonNode row) {
        return row.get("group").asText() + "|" + row.get("topic").asText() + "|" + row.get("partition").asInt() + "|"
            + row.get("stage").asText();
    }

    private static List<JsonNode> inputRows(final JsonNode reading, final PipelineConfig config) {
        final List<JsonNode> rows = new ArrayList<>();
        reading.forEach(row -> {
            if (row.get("group").asText().equals(config.applicationId())
                && row.get("topic").asText().equals(config.topics().raw())) {
                rows.add(row);
            }
        });
        return rows;
    }

    private static List<JsonNode> rowsOf(final JsonNode reading, final String group) {
        final List<JsonNode> rows = new ArrayList<>();
        reading.forEach(row -> {
            if (row.get("group").asText().equals(group)) {
                rows.add(row);
            }
        });
        return rows;
    }

    private static long lagOf(final List<JsonNode> rows) {
        return rows.stream().mapToLong(row -> row.get("lag_records").asLong()).sum();
    }

    private static double count(final Ops ops, final String name) {
        return ops.metrics().registry().find(name).counters().stream().mapToDouble(Counter::count).sum();
    }

    private StreamsRunner start(final PipelineConfig config, final Properties kafka, final Ops ops) {
        final Properties props = new Properties();
        props.putAll(kafka);
        props.put(StreamsConfig.STATE_DIR_CONFIG, temp.resolve("state").toString());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "1");
        final StreamsRunner streams = new StreamsRunner(config, props, SERDES, enricher, ops.meters());
        ops.bindStreams(streams.streams(), config);
        streams.start();
        Awaitility.await().atMost(WAIT).until(() -> streams.state() == KafkaStreams.State.RUNNING);
        return streams;
    }

    /** The pipeline config of {@code settings}, its topics created on the shared broker. */
    private static PipelineConfig withTopics(final Properties settings) {
        final PipelineConfig config = PipelineConfig.fromProperties(settings);
        PipelineRun.createTopics(kafka(), config, CONSOLE);
        return config;
    }

    private static Properties kafka() {
        final Properties kafka = new Properties();
        kafka.setProperty("bootstrap.servers", SharedKafka.bootstrapServers());
        return kafka;
    }

    private static KafkaProducer<String, byte[]> producer() {
        final Properties props = kafka();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    private static KafkaConsumer<String, String> consumer(final String group) {
        final Properties props = kafka();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }
}

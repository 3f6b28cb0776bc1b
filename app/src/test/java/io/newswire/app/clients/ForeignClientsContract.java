package io.newswire.app.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.newswire.app.cli.CapturedRun;
import io.newswire.app.pipeline.TestInputs;
import io.newswire.broker.testing.SharedKafka;
import io.newswire.schema.DeadLetter;
import io.newswire.schema.DedupDecision;
import io.newswire.schema.EnrichedItem;
import io.newswire.schema.serde.ReleasedSchemas;
import io.newswire.streams.NewswireConfigDef;
import io.newswire.streams.PipelineConfig;
import org.apache.avro.SchemaNormalization;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link ForeignClientsIT} (single-object values, the default) and {@link ForeignClientsRegistryIT} (registry
 * mode, the Confluent wire format) check, each on a pipeline run of its own.
 *
 * <p>Clients that are not newswire's read a pipeline run's output topics read_committed: Debian's {@code kcat}
 * (librdkafka) and a Python consumer on Debian's {@code python3-confluent-kafka} and {@code python3-avro}
 * ({@code clients/python/newswire_consume.py}), which decodes every value with the published {@code .avsc} files.
 * Each must see every record a Java read_committed consumer sees, and the Python one decode all of them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ForeignClientsContract {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    /**
     * The CRC-64-AVRO fingerprints of the published schemas (current and released) of the output topics' records, as
     * kcat's pack format {@code >Q} prints the 8 header bytes that hold one (little-endian on the wire).
     */
    private static final Set<String> PUBLISHED_FINGERPRINTS = Stream.of(
            Stream.of(EnrichedItem.getClassSchema(), DedupDecision.getClassSchema(), DeadLetter.getClassSchema()),
            Stream.of("EnrichedItem", "DedupDecision", "DeadLetter").flatMap(name -> ReleasedSchemas.of(name).stream()))
        .flatMap(schemas -> schemas)
        .map(schema -> Long.toUnsignedString(Long.reverseBytes(SchemaNormalization.parsingFingerprint64(schema))))
        .collect(Collectors.toUnmodifiableSet());
    private Properties settings;
    private PipelineConfig config;
    private Map<String, Integer> javaCounts;

    private Path temp;

    /** The registry's base URL in registry mode, or null for single-object values. */
    abstract String registryUrl();

    @BeforeAll
    void runThePipeline(@TempDir final Path dir) throws IOException {
        temp = dir;
        settings = TestInputs.isolatedTopics();
        if (registryUrl() != null) {
            settings.setProperty(NewswireConfigDef.SCHEMA_REGISTRY_URL, registryUrl());
        }
        config = PipelineConfig.fromProperties(settings);
        final Path file = temp.resolve("newswire.properties");
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            settings.store(writer, "isolated topics of ForeignClientsIT");
        }
        final TestInputs inputs = TestInputs.anInputFolder(temp.resolve("in")).withSeed().withCorpusItems(5)
            .withCopyOfFirstCorpusItem().withBrokenLine().build();
        final CapturedRun run = CapturedRun.newswire("run", "--bootstrap-servers", SharedKafka.bootstrapServers(),
            "--config", file.toString(), "--http-port", "-1", "--input", inputs.dir().toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        javaCounts = new TreeMap<>();
        for (final String topic : topics()) {
            javaCounts.put(topic, readCommitted(topic).size());
        }
        assertThat(javaCounts.get(config.topics().dlq())).as("the broken line's dead letter").isPositive();
        assertThat(javaCounts.get(config.topics().duplicates())).as("a decision per item").isPositive();
        assertThat(javaCounts.get(config.topics().route("security"))).as("security items").isPositive();
    }

    /** Every output topic of the run: each route's, news.general, news.duplicates and news.dlq. */
    private List<String> topics() {
        return config.outputTopics();
    }

    @Test
    void pythonShouldDecodeEveryRecordWithThePublishedSchemas() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(PYTHON) && exec(List.of(PYTHON.toString(), "-c",
                "import confluent_kafka, avro")).exitCode == 0,
            "Debian's python3-confluent-kafka and python3-avro are not installed (.ci/run installs them)");
        // One consumer process reads every topic, one after the other.
        final List<String> command = new ArrayList<>(List.of(PYTHON.toString(),
            ROOT.resolve("clients/python/newswire_consume.py").toString(), "--bootstrap-servers",
            SharedKafka.bootstrapServers(), "--schemas", ROOT.resolve("schemas/src/main/avro").toString(), "--count"));
        topics().forEach(topic -> command.addAll(List.of("--topic", topic)));
        if (registryUrl() != null) {
            command.addAll(List.of("--registry", registryUrl() + "/apis/ccompat/v7"));
        }
        final Result python = exec(command);
        assertThat(python.exitCode).as(python.output).isZero();
        for (final String topic : topics()) {
            final int records = javaCounts.get(topic);
            System.out.printf("python %s %s: %s (Java read_committed: %d)%n", mode(), topic,
                python.output.lines().filter(line -> line.endsWith(" topic=" + topic)).findFirst().orElse("nothing"),
                records);
            assertThat(python.output.lines()).as(topic)
                .contains("records=" + records + " decoded=" + records + " failed=0 topic=" + topic);
        }
    }

    @Test
    void kcatShouldReadEveryRecordWithItsKeyAndHeaders() throws Exception {
        Assumptions.assumeTrue(exec(List.of("sh", "-c", "command -v kcat")).exitCode == 0,
            "Debian's kcat is not installed (.ci/run installs it)");
        // One kcat per topic (it reads one topic at a time), all started at once.
        final Map<String, Started> started = new TreeMap<>();
        for (final String topic : topics()) {
            // Debian's kcat has no Avro deserializer (built without libserdes); its pack-format deserializer reads
            // the framing, printing the fields one after the other: in registry mode the magic byte and the schema id
            // ("0" then the id), single-object the marker C3 01 and the fingerprint's 8 bytes ("195", "1", a number).
            started.put(topic, start(List.of("kcat", "-C", "-b", SharedKafka.bootstrapServers(),
                "-t", topic, "-X", "isolation.level=read_committed", "-o", "beginning", "-e", "-q", "-s",
                registryUrl() == null ? "value=>BBQ" : "value=>bI", "-f", "%k\\t%h\\t%s\\n")));
        }
        for (final String topic : topics()) {
            final Result kcat = started.get(topic).result();
            assertThat(kcat.exitCode).as(kcat.output).isZero();
            final List<String> lines = kcat.output.lines().filter(line -> !line.isBlank()).toList();
            System.out.printf("kcat %s %s: %d records (Java read_committed: %d)%n", mode(), topic, lines.size(),
                javaCounts.get(topic));
            assertThat(lines).as(topic).hasSize(javaCounts.get(topic));
            for (final String line : lines) {
                final String[] fields = line.split("\t", -1);
                assertThat(fields[0]).as("a key: " + line).isNotEmpty();
                assertThat(fields[1]).as("the trace header: " + line).contains("newswire.trace=");
                if (topic.equals(config.topics().route("security"))) {
                    assertThat(fields[1]).as("the route header").contains("newswire.route=security");
                }
                if (registryUrl() != null) {
                    assertThat(fields[2]).as("magic byte 0 then a schema id: " + line).matches("0[0-9]+");
                    assertThat(schemaExists(fields[2].substring(1))).as("schema id " + fields[2].substring(1)
                        + " in the registry").isTrue();
                } else {
                    assertThat(fields[2]).as("marker C3 01 then a fingerprint: " + line).startsWith("1951");
                    assertThat(fields[2].substring(4)).as("the fingerprint of a published schema: " + line)
                        .isIn(PUBLISHED_FINGERPRINTS);
                }
            }
        }
    }

    /** The pipeline's config of this run (its isolated topic names). */
    PipelineConfig config() {
        return config;
    }

    private String mode() {
        return registryUrl() == null ? "single-object" : "registry";
    }

    private boolean schemaExists(final String id) throws IOException, InterruptedException {
        final java.net.http.HttpResponse<Void> response = java.net.http.HttpClient.newHttpClient().send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(registryUrl() + "/apis/ccompat/v7/schemas/ids/"
                + id)).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        return response.statusCode() == 200;
    }

    /** Every record of {@code topic}, as a Java read_committed consumer sees it. */
    static List<ConsumerRecord<byte[], byte[]>> readCommitted(final String topic) {
        final Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
            final List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            final Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            final List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))
                && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private record Result(int exitCode, String output) {
    }

    private Result exec(final List<String> command) throws IOException, InterruptedException {
        return start(command).result();
    }

    private Started start(final List<String> command) throws IOException {
        final Path out = Files.createTempFile(temp, "out", ".txt");
        return new Started(command, new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile())
            .start(), out);
    }

    /** A command started, its output going to a file. */
    private record Started(List<String> command, Process process, Path out) {

        Result result() throws IOException, InterruptedException {
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "timed out: " + String.join(" ", command));
            }
            return new Result(process.exitValue(), Files.readString(out));
        }
    }
}

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
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.newswire.app.cli.CapturedRun;
import io.newswire.app.pipeline.TestInputs;
import io.newswire.broker.testing.SharedKafka;
import io.newswire.streams.PipelineConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that are not newswire's read a pipeline run's output topics read_committed: Debian's {@code kcat}
 * (librdkafka) and a Python consumer on Debian's {@code python3-confluent-kafka} and {@code python3-avro}
 * ({@code clients/python/newswire_consume.py}), which decodes every value with the published {@code .avsc} files.
 * Each must see every record a Java read_committed consumer sees, and the Python one decode all of them.
 */
class ForeignClientsIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static Properties settings;
    private static PipelineConfig config;
    private static Map<String, Integer> javaCounts;

    @TempDir
    static Path temp;

    @BeforeAll
    static void runThePipeline() throws IOException {
        settings = TestInputs.isolatedTopics();
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
            javaCounts.put(topic, readCommitted(topic));
        }
        assertThat(javaCounts.get(config.topics().dlq())).as("the broken line's dead letter").isPositive();
        assertThat(javaCounts.get(config.topics().duplicates())).as("a decision per item").isPositive();
        assertThat(javaCounts.get(config.topics().route("security"))).as("security items").isPositive();
    }

    private static List<String> topics() {
        return List.of(config.topics().route("security"), config.topics().duplicates(), config.topics().dlq());
    }

    @Test
    void pythonShouldDecodeEveryRecordWithThePublishedSchemas() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(PYTHON) && exec(List.of(PYTHON.toString(), "-c",
                "import confluent_kafka, avro")).exitCode == 0,
            "Debian's python3-confluent-kafka and python3-avro are not installed (.ci/run installs them)");
        for (final String topic : topics()) {
            final Result python = exec(List.of(PYTHON.toString(),
                ROOT.resolve("clients/python/newswire_consume.py").toString(), "--bootstrap-servers",
                SharedKafka.bootstrapServers(), "--topic", topic, "--schemas",
                ROOT.resolve("schemas/src/main/avro").toString(), "--count"));
            assertThat(python.exitCode).as(python.output).isZero();
            final int records = javaCounts.get(topic);
            System.out.printf("python %s: %s (Java read_committed: %d)%n", topic, python.output.strip(), records);
            assertThat(python.output).as(topic).contains("records=" + records + " decoded=" + records + " failed=0");
        }
    }

    @Test
    void kcatShouldReadEveryRecordWithItsKeyAndHeaders() throws Exception {
        Assumptions.assumeTrue(exec(List.of("sh", "-c", "command -v kcat")).exitCode == 0,
            "Debian's kcat is not installed (.ci/run installs it)");
        for (final String topic : topics()) {
            final Result kcat = exec(List.of("kcat", "-C", "-b", SharedKafka.bootstrapServers(), "-t", topic,
                "-X", "isolation.level=read_committed", "-o", "beginning", "-e", "-q", "-f", "%k\\t%h\\t%S\\n"));
            assertThat(kcat.exitCode).as(kcat.output).isZero();
            final List<String> lines = kcat.output.lines().filter(line -> !line.isBlank()).toList();
            System.out.printf("kcat %s: %d records (Java read_committed: %d)%n", topic, lines.size(),
                javaCounts.get(topic));
            assertThat(lines).as(topic).hasSize(javaCounts.get(topic));
            for (final String line : lines) {
                final String[] fields = line.split("\t", -1);
                assertThat(fields[0]).as("a key: " + line).isNotEmpty();
                assertThat(fields[1]).as("the trace header: " + line).contains("newswire.trace=");
                if (topic.equals(config.topics().route("security"))) {
                    assertThat(fields[1]).as("the route header").contains("newswire.route=security");
                }
            }
        }
    }

    private static int readCommitted(final String topic) {
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
            return records.size();
        }
    }

    private record Result(int exitCode, String output) {
    }

    private static Result exec(final List<String> command) throws IOException, InterruptedException {
        final Path out = Files.createTempFile(temp, "out", ".txt");
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile())
            .start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(-1, "timed out: " + String.join(" ", command));
        }
        return new Result(process.exitValue(), Files.readString(out));
    }
}

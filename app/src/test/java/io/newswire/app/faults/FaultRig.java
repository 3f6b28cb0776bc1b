package io.newswire.app.faults;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.newswire.app.Console;
import io.newswire.app.pipeline.Accounting;
import io.newswire.app.pipeline.OutputCollector;
import io.newswire.app.pipeline.PipelineRun;
import io.newswire.schema.serde.NewswireSerdes;
import io.newswire.streams.PipelineConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * What the fault tests share: a pipeline config on its own topics, its config file for child processes, and two
 * views of progress on the output topics — how many records are committed (to see the topology move, stall and
 * recover) and how many inputs are accounted for (to know when a run is over).
 */
final class FaultRig implements AutoCloseable {

    private final Properties kafka = new Properties();
    private final PipelineConfig config;
    private final Path configFile;
    private final Admin admin;
    private final OutputCollector collector;

    /**
     * @param settings the pipeline's {@code newswire.*} settings and any Kafka settings for the child processes
     */
    FaultRig(final String bootstrapServers, final Properties settings, final Path dir) throws IOException {
        kafka.setProperty("bootstrap.servers", bootstrapServers);
        config = PipelineConfig.fromProperties(settings);
        configFile = dir.resolve("newswire.properties");
        try (Writer writer = Files.newBufferedWriter(configFile, StandardCharsets.UTF_8)) {
            settings.store(writer, "a fault test's pipeline");
        }
        final Properties adminProps = new Properties();
        adminProps.putAll(kafka);
        // The broker may be down for a while in a bounce test: fail a call fast and ask again.
        adminProps.setProperty("default.api.timeout.ms", "15000");
        adminProps.setProperty("request.timeout.ms", "5000");
        PipelineRun.createTopics(kafka, config, new Console(System.out, System.err, false));
        admin = Admin.create(adminProps);
        collector = new OutputCollector(kafka, config, new NewswireSerdes());
        collector.seek(Map.of());
    }

    PipelineConfig config() {
        return config;
    }

    Path configFile() {
        return configFile;
    }

    /** A config file like {@link #configFile()} with {@code overrides} on top, for one instance of several. */
    Path configFile(final String name, final Properties overrides) throws IOException {
        final Properties settings = new Properties();
        try (java.io.Reader reader = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
            settings.load(reader);
        }
        settings.putAll(overrides);
        final Path file = configFile.resolveSibling(name + ".properties");
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            settings.store(writer, "instance " + name);
        }
        return file;
    }

    Properties kafka() {
        final Properties copy = new Properties();
        copy.putAll(kafka);
        return copy;
    }

    /** Records committed on the output topics so far (their last stable offsets, summed); -1 if Kafka is away. */
    long committedOutputs() {
        try {
            final Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(config.outputTopics()).allTopicNames().get(10, TimeUnit.SECONDS).values()
                .forEach(topic -> topic.partitions().forEach(partition ->
                    latest.put(new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest())));
            return admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                .get(10, TimeUnit.SECONDS).values().stream().mapToLong(info -> info.offset()).sum();
        } catch (final Exception e) {
            return -1;
        }
    }

    /** Inputs of run {@code runId} accounted for on the outputs (read_committed), reading what came since last. */
    int accounted(final String runId) {
        try {
            collector.poll(Duration.ofMillis(200));
        } catch (final RuntimeException e) {
            return Accounting.of(runId, collector.records(), config).accounted();
        }
        return Accounting.of(runId, collector.records(), config).accounted();
    }

    /**
     * Inputs of run {@code runId} dead-lettered so far (read_committed): the verifier counts a dead letter as
     * accounted for, so a test whose inputs are all valid asks this to see that none was sent there by a fault.
     */
    long deadLetters(final String runId) {
        accounted(runId);
        return Accounting.of(runId, collector.records(), config).count(Accounting.Outcome.DEAD_LETTER);
    }

    /** The Kafka Streams settings a child topology gets on top of the pipeline's, as a config file's lines. */
    static Properties childSettings(final Properties pipeline, final Path stateDir) {
        final Properties settings = new Properties();
        settings.putAll(pipeline);
        settings.setProperty("state.dir", stateDir.toString());
        settings.setProperty("num.stream.threads", "1");
        return settings;
    }

    /**
     * Where a child process of a fault test writes its output: kept under target/fault-logs after the test (a temporary
     * folder would go with it), so that a failure in CI can be read afterwards.
     */
    static Path logFile(final Class<?> test, final String process) {
        try {
            final Path dir = Files.createDirectories(Path.of("target", "fault-logs"));
            return dir.resolve(test.getSimpleName() + "-" + process + "-" + System.currentTimeMillis() + ".log");
        } catch (final IOException e) {
            throw new java.io.UncheckedIOException("cannot create target/fault-logs", e);
        }
    }

    static List<String> streamsArgs(final String bootstrapServers, final Path configFile) {
        return List.of("streams", "--bootstrap-servers", bootstrapServers, "--config", configFile.toString(),
            "--http-port", "-1");
    }

    @Override
    public void close() {
        collector.close();
        admin.close(Duration.ofSeconds(5));
    }
}

package io.newswire.app.cli;

import static io.newswire.app.cli.CapturedRun.newswire;
import static io.newswire.app.pipeline.TestInputs.anInputFolder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.newswire.app.Console;
import io.newswire.app.Settings;
import io.newswire.app.pipeline.CollectedRecord;
import io.newswire.app.pipeline.KafkaTarget;
import io.newswire.app.pipeline.OutputCollector;
import io.newswire.app.pipeline.TestInputs;
import io.newswire.app.security.PipelineAcls;
import io.newswire.broker.LocalSecurity;
import io.newswire.broker.SecurityMode;
import io.newswire.schema.serde.NewswireSerdes;
import io.newswire.streams.PipelineConfig;
import io.newswire.streams.StreamsRunner;
import io.newswire.streams.enrich.Enricher;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline on a SASL_SSL (SCRAM-SHA-512) embedded broker with the StandardAuthorizer, each part as its own
 * principal under exactly the ACLs {@code newswire acls} prints: nothing lost, and no password in anything printed.
 */
class SecuredPipelineIT {

    @TempDir
    static Path data;

    private static KafkaTarget kafka;
    private static LocalSecurity security;

    @BeforeAll
    static void startSecuredBroker() {
        security = LocalSecurity.prepare(data.resolve("security"), SecurityMode.SASL_SSL);
        kafka = KafkaTarget.embedded(data.resolve("kafka"), 0, security, Console.system());
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void shouldRunThePipelineUnderExactlyThePrintedAclsAndPrintNoSecret(@TempDir final Path temp) throws Exception {
        final ByteArrayOutputStream everything = new ByteArrayOutputStream();
        final PrintStream originalOut = System.out;
        final PrintStream originalErr = System.err;
        final List<CapturedRun> runs = new ArrayList<>();
        System.setOut(new PrintStream(new Tee(everything, originalOut), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(everything, originalErr), true, StandardCharsets.UTF_8));
        try {
            final Map<String, Path> clientConfigs = security.writeClientConfigs(kafka.bootstrapServers());
            assertThat(clientConfigs.keySet()).containsExactlyElementsOf(LocalSecurity.CLIENTS);
            for (final Path file : clientConfigs.values()) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            }
            final Properties pipeline = TestInputs.isolatedTopics();
            pipeline.setProperty("newswire.topic.partitions", "2");
            final PipelineConfig config = PipelineConfig.fromProperties(pipeline);
            final Path admin = merged(temp, clientConfigs.get(LocalSecurity.ADMIN), pipeline);
            final Path streams = merged(temp, clientConfigs.get(LocalSecurity.STREAMS), pipeline);
            final Path producer = merged(temp, clientConfigs.get(LocalSecurity.PRODUCER), pipeline);
            final Path reader = merged(temp, clientConfigs.get(LocalSecurity.READER), pipeline);

            final CapturedRun print = record(runs, newswire("acls", "--print", "--config", admin.toString()));
            final List<PipelineAcls.Entry> expected = PipelineAcls.of(config, PipelineAcls.Principals.LOCAL);
            assertThat(print.exitCode()).as(print.toString()).isZero();
            assertThat(print.outLines()).hasSize(expected.size() + 1);
            final CapturedRun apply = record(runs, newswire("acls", "--apply", "--config", admin.toString()));
            assertThat(apply.exitCode()).as(apply.toString()).isZero();
            assertThat(record(runs, newswire("acls", "--apply", "--config", admin.toString())).exitCode())
                .as("applying again changes nothing").isZero();
            assertThat(aclsOf(Set.of("User:newswire-streams", "User:newswire-producer", "User:newswire-reader")))
                .containsExactlyInAnyOrderElementsOf(expected.stream().map(PipelineAcls.Entry::binding).toList());

            final Properties streamsKafka = Settings.load(streams, Map.of(), Map.of()).kafka();
            streamsKafka.setProperty("state.dir", temp.resolve("state").toString());
            try (StreamsRunner topology = new StreamsRunner(config, streamsKafka, new NewswireSerdes(),
                Enricher.create(config.enrichment()))) {
                topology.start();
                await().atMost(Duration.ofSeconds(60)).until(() -> topology.state() == KafkaStreams.State.RUNNING);

                final TestInputs inputs = anInputFolder(temp.resolve("in")).withSeed().withCorpusItems(3)
                    .withCopyOfFirstCorpusItem().withBrokenLine().build();
                final CapturedRun produce = record(runs, newswire("produce", "--input", inputs.dir().toString(),
                    "--config", producer.toString()));
                assertThat(produce.exitCode()).as(produce.toString()).isZero();
                assertThat(produce.out()).contains(inputs.items() + " items published").contains("1 line rejected");

                final Properties readerKafka = Settings.load(reader, Map.of(), Map.of()).kafka();
                try (OutputCollector collector = new OutputCollector(readerKafka, config, new NewswireSerdes())) {
                    collector.seek(Map.of());
                    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ZERO).until(() -> {
                        collector.poll(Duration.ofMillis(200));
                        return decisions(collector, config).size() >= inputs.items();
                    });
                    collector.poll(Duration.ofMillis(500));
                    final List<String> decided = decisions(collector, config);
                    assertThat(decided).as("one dedup decision per published item, none lost or doubled")
                        .hasSize(inputs.items()).doesNotHaveDuplicates();
                    assertThat(collector.records()).filteredOn(record -> record.topic().equals(config.topics().dlq()))
                        .as("the producer's dead letter of the broken line").hasSize(1);
                }
                final CapturedRun tail = record(runs, newswire("tail", "--topic", config.topics().duplicates(),
                    "--from-beginning", "--max", Integer.toString(inputs.items()), "--idle", "20s",
                    "--config", reader.toString()));
                assertThat(tail.exitCode()).as(tail.toString()).isZero();
                assertThat(tail.outLines()).hasSize(inputs.items());
                assertReaderGroupCommits(readerKafka, config);
                assertThat(topology.state()).isEqualTo(KafkaStreams.State.RUNNING);
            }
            final CapturedRun lag = record(runs, newswire("lag", "--config", streams.toString()));
            assertThat(lag.exitCode()).as(lag.toString()).isZero();
        } finally {
            System.out.flush();
            System.err.flush();
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        final String printed = everything.toString(StandardCharsets.UTF_8)
            + runs.stream().map(CapturedRun::toString).collect(Collectors.joining("\n"));
        assertThat(printed).contains("acls").contains("items published");
        for (final String secret : security.secrets()) {
            assertThat(printed).as("a generated password or keystore password was printed").doesNotContain(secret);
        }
    }

    /** A downstream reader commits its offsets in its own group, as its READ on the group allows. */
    private static void assertReaderGroupCommits(final Properties readerKafka, final PipelineConfig config) {
        final Properties props = new Properties();
        props.putAll(readerKafka);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, PipelineAcls.Principals.LOCAL.readerGroup());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
            new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(config.topics().duplicates()));
            await().atMost(Duration.ofSeconds(30)).until(() -> !consumer.poll(Duration.ofMillis(200)).isEmpty());
            consumer.commitSync(Duration.ofSeconds(10));
        }
    }

    private static List<String> decisions(final OutputCollector collector, final PipelineConfig config) {
        return collector.records().stream().filter(record -> record.topic().equals(config.topics().duplicates()))
            .map(CollectedRecord::key).toList();
    }

    static Set<AclBinding> aclsOf(final Set<String> principals) throws Exception {
        try (Admin admin = Admin.create(kafka.clientProperties(new Properties()))) {
            return admin.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS).stream()
                .filter(binding -> principals.contains(binding.entry().principal()))
                .collect(Collectors.toCollection(HashSet::new));
        }
    }

    /** One --config file: a principal's client config and the pipeline's settings. */
    static Path merged(final Path folder, final Path clientConfig, final Properties pipeline) throws IOException {
        final Properties all = new Properties();
        try (var in = Files.newBufferedReader(clientConfig, StandardCharsets.UTF_8)) {
            all.load(in);
        }
        all.putAll(pipeline);
        final Path file = folder.resolve("with-pipeline-" + clientConfig.getFileName());
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            all.store(writer, null);
        }
        return file;
    }

    private static CapturedRun record(final List<CapturedRun> runs, final CapturedRun run) {
        runs.add(run);
        return run;
    }

    /** Writes to the capture and passes on to the console. */
    private static final class Tee extends java.io.OutputStream {
        private final java.io.OutputStream capture;
        private final java.io.OutputStream console;

        Tee(final java.io.OutputStream capture, final java.io.OutputStream console) {
            this.capture = capture;
            this.console = console;
        }

        @Override
        public synchronized void write(final int b) throws IOException {
            capture.write(b);
            console.write(b);
        }

        @Override
        public synchronized void write(final byte[] bytes, final int offset, final int length) throws IOException {
            capture.write(bytes, offset, length);
            console.write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            console.flush();
        }
    }
}

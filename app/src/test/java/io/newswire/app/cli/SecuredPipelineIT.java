package io.newswire.app.cli;

import static io.newswire.app.cli.CapturedRun.newswire;
import static io.newswire.app.pipeline.TestInputs.anInputFolder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.newswire.app.Console;
import io.newswire.app.Settings;
import io.newswire.app.pipeline.CollectedRecord;
import io.newswire.app.pipeline.KafkaTarget;
import io.newswire.app.pipeline.OutputCollector;
import io.newswire.app.pipeline.PipelineRun;
import io.newswire.app.pipeline.TestInputs;
import io.newswire.app.security.PipelineAcls;
import io.newswire.broker.LocalSecurity;
import io.newswire.broker.SecurityMode;
import io.newswire.producer.parse.JsonlParser;
import io.newswire.schema.WireItem;
import io.newswire.schema.serde.NewswireSerdes;
import io.newswire.streams.AuthorizationFailures;
import io.newswire.streams.PipelineConfig;
import io.newswire.streams.StreamsRunner;
import io.newswire.streams.enrich.Enricher;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
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

            // run's own clients (admin, topology, publisher, collector, lag) take the settings too; as the admin here.
            final Path runAsAdmin = merged(temp, clientConfigs.get(LocalSecurity.ADMIN), TestInputs.isolatedTopics());
            final TestInputs one = anInputFolder(temp.resolve("one")).withCorpusItems(1).build();
            final CapturedRun whole = record(runs, newswire("run", "--input", one.dir().toString(),
                "--bootstrap-servers", kafka.bootstrapServers(), "--config", runAsAdmin.toString(), "--http-port", "-1"));
            assertThat(whole.exitCode()).as(whole.toString()).isZero();
            assertThat(whole.out()).contains("all accounted for");
            record(runs, newswire("broker", "--help"));
            record(runs, newswire("acls", "--help"));
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

    /**
     * Each of the topology's ACLs removed in turn, each case with its own principal, application id and topics (so
     * that all run at once on this broker) and one input record that needs what is missing: the topology stops within
     * seconds, names what it may not use, and no output becomes visible to read_committed. A control case with every
     * ACL shows the same input does come out.
     */
    @Test
    void shouldFailFastNamingTheMissingAclAndCommitNothing(@TempDir final Path temp) throws Exception {
        final String run = "a" + UUID.randomUUID().toString().substring(0, 6);
        final List<AclCase> cases = new ArrayList<>();
        final PipelineConfig routed = PipelineConfig.fromProperties(caseSettings(run + "-0", true));
        final List<PipelineAcls.Entry> template = topologyAcls(routed, "User:" + run + "-0");
        for (int i = 0; i <= template.size(); i++) {
            final String id = run + "-" + i;
            final boolean control = i == template.size();
            final PipelineAcls.Entry templateEntry = control ? null : template.get(i);
            final boolean general = templateEntry != null
                && templateEntry.binding().pattern().name().equals(routed.topics().general());
            if (templateEntry != null && templateEntry.binding().entry().operation()
                == AclOperation.DELETE) {
                continue;
            }
            // news.general is written only by an item that matches no route: that case gets a route matching nothing.
            final PipelineConfig config = PipelineConfig.fromProperties(caseSettings(id, !general));
            final List<PipelineAcls.Entry> entries = topologyAcls(config, "User:" + id);
            final PipelineAcls.Entry removed = control ? null : entries.get(i);
            cases.add(new AclCase(id, config, entries, removed));
        }
        final Properties adminKafka = kafka.clientProperties(new Properties());
        final Map<String, String> passwords = new HashMap<>();
        try (Admin admin = Admin.create(adminKafka)) {
            final List<UserScramCredentialAlteration> users = new ArrayList<>();
            for (final AclCase aclCase : cases) {
                final String password = UUID.randomUUID().toString();
                passwords.put(aclCase.id(), password);
                users.add(new UserScramCredentialUpsertion(aclCase.id(),
                    new ScramCredentialInfo(
                        ScramMechanism.SCRAM_SHA_512, 4096), password));
                PipelineRun.createTopics(adminKafka, aclCase.config(), Console.system());
                admin.createAcls(aclCase.granted()).all().get(30, TimeUnit.SECONDS);
            }
            admin.alterUserScramCredentials(users).all().get(30, TimeUnit.SECONDS);
        }
        publishInputs(adminKafka, cases);
        final AclCase last = cases.get(cases.size() - 1);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            try (Admin user = Admin.create(userKafka(last.id(), passwords.get(last.id())))) {
                return !user.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
            }
        });

        final Enricher enricher = Enricher.create(routed.enrichment());
        final List<StreamsRunner> runners = new ArrayList<>();
        final Map<AclCase, Long> started = new HashMap<>();
        final Map<AclCase, Throwable> failedAtStart = new HashMap<>();
        final Map<AclCase, StreamsRunner> runnerOf = new HashMap<>();
        final Map<AclCase, Long> failedAfterMillis = new ConcurrentHashMap<>();
        try {
            for (final AclCase aclCase : cases) {
                final Properties caseKafka = userKafka(aclCase.id(), passwords.get(aclCase.id()));
                caseKafka.setProperty("state.dir", temp.resolve(aclCase.id()).toString());
                caseKafka.setProperty("num.stream.threads", "1");
                started.put(aclCase, System.nanoTime());
                try {
                    final StreamsRunner runner = new StreamsRunner(aclCase.config(), caseKafka, new NewswireSerdes(),
                        enricher);
                    runners.add(runner);
                    runnerOf.put(aclCase, runner);
                    runner.start();
                } catch (final RuntimeException e) {
                    failedAtStart.put(aclCase, e);
                    failedAfterMillis.put(aclCase,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started.get(aclCase)));
                }
            }
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
                runnerOf.forEach((aclCase, runner) -> {
                    if (!failedAfterMillis.containsKey(aclCase) && (runner.state() == KafkaStreams.State.ERROR
                        || runner.state() == KafkaStreams.State.PENDING_ERROR)) {
                        failedAfterMillis.put(aclCase,
                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started.get(aclCase)));
                    }
                });
                return failedAfterMillis.size() == cases.size() - 1;
            });
            final AclCase control = cases.get(cases.size() - 1);
            assertThat(committedOutputs(adminKafka, control.config(), Duration.ofSeconds(30), 1))
                .as("with every ACL the same input comes out").isNotEmpty();
            assertThat(runnerOf.get(control).state()).isEqualTo(KafkaStreams.State.RUNNING);
            for (final AclCase aclCase : cases.subList(0, cases.size() - 1)) {
                final Throwable failure = failedAtStart.containsKey(aclCase) ? failedAtStart.get(aclCase)
                    : runnerOf.get(aclCase).failure().orElse(null);
                final String explanation = failure == null ? null
                    : AuthorizationFailures.explain(failure, aclCase.config());
                System.out.printf("without %-45s the topology failed after %5d ms: %s%n",
                    aclCase.removed().describe(), failedAfterMillis.get(aclCase), explanation);
                assertThat(explanation).as("without %s: %s", aclCase.removed().describe(), failure).isNotNull()
                    .contains(expectedName(aclCase));
                assertThat(failedAfterMillis.get(aclCase)).as("fails fast without %s", aclCase.removed().describe())
                    .isLessThan(30_000L);
                assertThat(committedOutputs(adminKafka, aclCase.config(), Duration.ofMillis(500), 0))
                    .as("nothing committed without %s", aclCase.removed().describe()).isEmpty();
            }
        } finally {
            runners.forEach(runner -> runner.close(Duration.ofSeconds(5)));
        }
    }

    /** The producer's and the reader's ACLs removed in turn: the command fails at once, naming the topic or group. */
    @Test
    void shouldRefuseProducerAndReaderWithoutEachOfTheirAcls(@TempDir final Path temp) throws Exception {
        final String id = "p" + UUID.randomUUID().toString().substring(0, 6);
        final PipelineConfig config = PipelineConfig.fromProperties(caseSettings(id, true));
        final Properties pipeline = caseSettings(id, true);
        final Properties adminKafka = kafka.clientProperties(new Properties());
        PipelineRun.createTopics(adminKafka, config, Console.system());
        final TestInputs inputs = anInputFolder(temp.resolve("in")).withCorpusItems(1).withBrokenLine().build();
        final List<PipelineAcls.Entry> all = PipelineAcls.of(config, new PipelineAcls.Principals("User:nobody",
            "User:" + id + "-producer", "User:" + id + "-reader", id + "-readers"));
        final List<PipelineAcls.Entry> producerAcls = all.stream()
            .filter(entry -> entry.role() == PipelineAcls.Role.PRODUCER).toList();
        final List<PipelineAcls.Entry> readerAcls = all.stream()
            .filter(entry -> entry.role() == PipelineAcls.Role.READER).toList();
        final Map<String, String> passwords = addUsers(List.of(id + "-producer", id + "-reader"));
        final Path producer = withPipeline(temp, userKafka(id + "-producer", passwords.get(id + "-producer")),
            pipeline, "producer");
        final Path reader = withPipeline(temp, userKafka(id + "-reader", passwords.get(id + "-reader")), pipeline,
            "reader");

        for (final PipelineAcls.Entry removed : producerAcls) {
            grantOnly(producerAcls, removed);
            final long start = System.nanoTime();
            final CapturedRun produce = newswire("produce", "--input", inputs.dir().toString(), "--config",
                producer.toString());
            final long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            System.out.printf("without %-45s produce exited %d after %5d ms: %s%n", removed.describe(),
                produce.exitCode(), millis, lastLine(produce));
            assertThat(produce.exitCode()).as(produce.toString()).isNotZero();
            assertThat(produce.toString()).contains(removed.binding().pattern().name());
            assertThat(millis).isLessThan(30_000L);
        }
        grantOnly(producerAcls, null);
        final CapturedRun produced = newswire("produce", "--input", inputs.dir().toString(), "--config",
            producer.toString());
        assertThat(produced.exitCode()).as(produced.toString()).isZero();

        for (final PipelineAcls.Entry removed : readerAcls) {
            grantOnly(readerAcls, removed);
            final long start = System.nanoTime();
            final String failure = readAsGroup(reader, config, id + "-readers");
            final long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            System.out.printf("without %-45s the reader failed after %5d ms: %s%n", removed.describe(), millis,
                failure);
            assertThat(failure).as("without %s", removed.describe()).isNotNull()
                .contains(removed.binding().pattern().name());
            assertThat(millis).isLessThan(30_000L);
        }
        grantOnly(readerAcls, null);
        assertThat(readAsGroup(reader, config, id + "-readers")).as("with every reader ACL").isNull();
    }

    /**
     * Refused, quickly and plainly: a wrong password (and the command's message does not repeat it), and a client
     * that speaks plaintext to the TLS port.
     */
    @Test
    void shouldRefuseAWrongPasswordAndAPlaintextClient(@TempDir final Path temp) throws Exception {
        final String wrongPassword = "wrong-" + UUID.randomUUID();
        final Path wrong = withPipeline(temp, userKafka(LocalSecurity.ADMIN, wrongPassword), new Properties(),
            "wrong-password");
        final long start = System.nanoTime();
        final CapturedRun tail = newswire("tail", "--topic", "news.raw", "--idle", "5s", "--config", wrong.toString());
        final long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        System.out.printf("wrong password: exit %d after %d ms: %s%n", tail.exitCode(), millis, lastLine(tail));
        assertThat(tail.exitCode()).as(tail.toString()).isNotZero();
        assertThat(tail.err()).contains("Authentication failed").contains("invalid credentials");
        assertThat(tail.toString()).doesNotContain(wrongPassword);
        assertThat(millis).isLessThan(15_000L);

        final Properties plaintext = new Properties();
        plaintext.setProperty("bootstrap.servers", kafka.bootstrapServers());
        assertRefusedQuickly(plaintext, "plaintext client on the SASL_SSL port");
    }

    /** A client that cannot get in: its admin call fails within seconds instead of hanging. */
    static String assertRefusedQuickly(final Properties client, final String what) {
        final Properties props = new Properties();
        props.putAll(client);
        props.setProperty("request.timeout.ms", "3000");
        props.setProperty("default.api.timeout.ms", "5000");
        props.setProperty("socket.connection.setup.timeout.ms", "2000");
        final long start = System.nanoTime();
        try (Admin admin = Admin.create(props)) {
            final Throwable failure = catchThrowable(() ->
                admin.describeCluster().nodes().get(10, TimeUnit.SECONDS));
            final long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            System.out.printf("%s: refused after %d ms: %s%n", what, millis, failure);
            assertThat(failure).as(what).isNotNull();
            assertThat(millis).as(what).isLessThan(10_000L);
            return String.valueOf(failure);
        }
    }

    private static Map<String, String> addUsers(final List<String> names) throws Exception {
        final Map<String, String> passwords = new HashMap<>();
        try (Admin admin = Admin.create(kafka.clientProperties(new Properties()))) {
            final List<UserScramCredentialAlteration> users = new ArrayList<>();
            for (final String name : names) {
                final String password = UUID.randomUUID().toString();
                passwords.put(name, password);
                users.add(new UserScramCredentialUpsertion(name,
                    new ScramCredentialInfo(
                        ScramMechanism.SCRAM_SHA_512, 4096), password));
            }
            admin.alterUserScramCredentials(users).all().get(30, TimeUnit.SECONDS);
        }
        final String last = names.get(names.size() - 1);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            try (Admin user = Admin.create(userKafka(last, passwords.get(last)))) {
                return !user.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
            }
        });
        return passwords;
    }

    /** Leaves exactly {@code acls} but {@code removed} (null: all of them) on the cluster for their principal. */
    private static void grantOnly(final List<PipelineAcls.Entry> acls, final PipelineAcls.Entry removed)
        throws Exception {
        try (Admin admin = Admin.create(kafka.clientProperties(new Properties()))) {
            admin.deleteAcls(acls.stream().map(entry -> entry.binding().toFilter()).toList()).all()
                .get(30, TimeUnit.SECONDS);
            admin.createAcls(acls.stream().filter(entry -> entry != removed).map(PipelineAcls.Entry::binding)
                .toList()).all().get(30, TimeUnit.SECONDS);
        }
        final String principal = acls.get(0).principal();
        final long expected = acls.stream().filter(entry -> entry != removed).count();
        await().atMost(Duration.ofSeconds(30)).until(() -> aclsOf(Set.of(principal)).size() == expected);
    }

    /** Reads the outputs in {@code group} and commits, as a downstream reader; the failure's message, or null. */
    private static String readAsGroup(final Path readerConfig, final PipelineConfig config, final String group) {
        final Properties props = Settings.load(readerConfig, Map.of(), Map.of()).kafka();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
            new ByteArrayDeserializer())) {
            consumer.subscribe(config.outputTopics());
            final long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            boolean read = false;
            while (!read && System.nanoTime() < deadline) {
                read = !consumer.poll(Duration.ofMillis(200)).isEmpty();
            }
            consumer.commitSync(Duration.ofSeconds(10));
            return read ? null : "nothing read within 20 s";
        } catch (final KafkaException e) {
            return e.toString();
        }
    }

    private static Path withPipeline(final Path folder, final Properties client, final Properties pipeline,
                                     final String name) throws IOException {
        final Properties all = new Properties();
        all.putAll(client);
        all.putAll(pipeline);
        final Path file = folder.resolve(name + ".properties");
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            all.store(writer, null);
        }
        return file;
    }

    private static String lastLine(final CapturedRun run) {
        final String[] lines = (run.out() + "\n" + run.err()).strip().split("\\R");
        return lines[lines.length - 1];
    }

    /** The name the failure must mention: the topic, group or transactional id prefix the removed ACL was on. */
    private static String expectedName(final AclCase aclCase) {
        final var pattern = aclCase.removed().binding().pattern();
        return switch (pattern.resourceType()) {
            case TRANSACTIONAL_ID -> "transactional ids " + pattern.name();
            case GROUP -> "group " + pattern.name();
            default -> pattern.name();
        };
    }

    private record AclCase(String id, PipelineConfig config, List<PipelineAcls.Entry> entries,
                           PipelineAcls.Entry removed) {

        List<AclBinding> granted() {
            return entries.stream().filter(entry -> entry != removed).map(PipelineAcls.Entry::binding).toList();
        }

        /** A dead letter needs a record that cannot be decoded; everything else one good item. */
        boolean needsPoison() {
            return removed != null && removed.binding().pattern().name().equals(config.topics().dlq());
        }
    }

    private static List<PipelineAcls.Entry> topologyAcls(final PipelineConfig config, final String principal) {
        return PipelineAcls.of(config, new PipelineAcls.Principals(principal, "User:nobody", "User:nobody", "none"))
            .stream().filter(entry -> entry.role() == PipelineAcls.Role.TOPOLOGY).toList();
    }

    private static Properties caseSettings(final String id, final boolean routed) {
        final Properties props = new Properties();
        props.setProperty("newswire.application.id", id);
        props.setProperty("newswire.topic.raw", id + ".raw");
        props.setProperty("newswire.topic.route.prefix", id + ".");
        props.setProperty("newswire.topic.general", id + ".general");
        props.setProperty("newswire.topic.duplicates", id + ".duplicates");
        props.setProperty("newswire.topic.dlq", id + ".dlq");
        props.setProperty("newswire.topic.partitions", "1");
        if (routed) {
            props.setProperty("newswire.routes.any", String.join(",", PipelineConfig.DEFAULT_ROUTES));
        } else {
            props.setProperty("newswire.routes.none", "no-such-topic");
        }
        return props;
    }

    private static void publishInputs(final Properties adminKafka, final List<AclCase> cases) throws Exception {
        final String line = new String(SecuredPipelineIT.class.getResourceAsStream("/samples/kremlin-en-samples.jsonl")
            .readAllBytes(), StandardCharsets.UTF_8).split("\n")[0];
        final WireItem item = new JsonlParser(Clock.systemUTC())
            .parseLine("kremlin-en-samples.jsonl", 1, line);
        final NewswireSerdes serdes = new NewswireSerdes();
        try (var producer = new KafkaProducer<>(adminKafka,
            new StringSerializer(),
            new ByteArraySerializer())) {
            for (final AclCase aclCase : cases) {
                final String raw = aclCase.config().topics().raw();
                final byte[] value = aclCase.needsPoison() ? "not an Avro record".getBytes(StandardCharsets.UTF_8)
                    : serdes.wireItem().serializer().serialize(raw, item);
                producer.send(new ProducerRecord<>(raw, item.getId(), value))
                    .get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** What read_committed sees on every output of {@code config}, waiting up to {@code wait} for {@code atLeast}. */
    private static List<String> committedOutputs(final Properties adminKafka, final PipelineConfig config,
                                                 final Duration wait, final int atLeast) {
        final Properties props = new Properties();
        props.putAll(adminKafka);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        final List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
            new ByteArrayDeserializer())) {
            final List<TopicPartition> partitions = config.outputTopics().stream()
                .map(topic -> new TopicPartition(topic, 0)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            final long deadline = System.nanoTime() + wait.toNanos();
            do {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> seen.add(record.topic()));
            } while (System.nanoTime() < deadline && (atLeast == 0 || seen.size() < atLeast));
        }
        return seen;
    }

    private static Properties userKafka(final String user, final String password) {
        final Properties props = kafka.clientProperties(new Properties());
        props.setProperty("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"" + user + "\" password=\"" + password + "\";");
        return props;
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
    private static final class Tee extends OutputStream {
        private final OutputStream capture;
        private final OutputStream console;

        Tee(final OutputStream capture, final OutputStream console) {
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

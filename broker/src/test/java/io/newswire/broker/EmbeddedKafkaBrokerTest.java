package io.newswire.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import kafka.server.KafkaConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** One broker for the tests that only need a running one: starting it costs seconds. */
    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.builder().build().start();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void shouldDeliverCommittedTransactionToReadCommittedConsumer() throws Exception {
        final String topic = "tx.committed";
        broker.createTopics(Map.of(topic, 1));

        try (KafkaProducer<String, String> producer = transactionalProducer("tx-commit")) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "a", "first"));
            producer.send(new ProducerRecord<>(topic, "b", "second"));
            producer.send(new ProducerRecord<>(topic, "c", "third"));
            producer.commitTransaction();
        }

        assertThat(readToEnd(broker, topic, "read_committed", 3)).containsExactly("first", "second", "third");
    }

    @Test
    void shouldHideAbortedTransactionFromReadCommittedConsumer() throws Exception {
        final String topic = "tx.aborted";
        broker.createTopics(Map.of(topic, 1));

        try (KafkaProducer<String, String> producer = transactionalProducer("tx-abort")) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "a", "aborted-1"));
            producer.send(new ProducerRecord<>(topic, "b", "aborted-2"));
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "c", "committed"));
            producer.commitTransaction();
        }

        assertThat(readToEnd(broker, topic, "read_committed", 1)).containsExactly("committed");
        // The aborted records did reach the log: read_committed filtered them, they were not lost on the way.
        assertThat(readToEnd(broker, topic, "read_uncommitted", 3))
            .containsExactly("aborted-1", "aborted-2", "committed");
    }

    @Test
    void shouldCreateTopicsAndAcceptExistingOnes() throws Exception {
        broker.createTopics(Map.of("news.raw", 3, "news.general", 2));
        broker.createTopics(Map.of("news.raw", 5));

        try (Admin admin = admin(broker)) {
            final Map<String, TopicDescription> topics =
                admin.describeTopics(List.of("news.raw", "news.general")).allTopicNames().get();
            assertThat(topics.get("news.raw").partitions()).hasSize(3);
            assertThat(topics.get("news.general").partitions()).hasSize(2);
        }
    }

    @Test
    void shouldKeepTopicsAndRecordsAcrossRestartOnSameStorageDirectory(@TempDir final Path storage)
        throws Exception {
        final String clusterId;
        try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.builder().storageDirectory(storage).build().start()) {
            clusterId = first.clusterId();
            first.createTopics(Map.of("news.kept", 2));
            try (KafkaProducer<String, String> producer = producer(first)) {
                producer.send(new ProducerRecord<>("news.kept", 0, "k1", "before restart 1")).get();
                producer.send(new ProducerRecord<>("news.kept", 1, "k2", "before restart 2")).get();
            }
        }
        assertThat(storage.resolve("meta.properties")).exists();

        try (EmbeddedKafkaBroker second = EmbeddedKafkaBroker.builder().storageDirectory(storage).build().start()) {
            assertThat(second.clusterId()).isEqualTo(clusterId);
            try (Admin admin = admin(second)) {
                assertThat(admin.describeTopics(List.of("news.kept")).allTopicNames().get()
                    .get("news.kept").partitions()).hasSize(2);
            }
            assertThat(readToEnd(second, "news.kept", "read_committed", 2))
                .containsExactlyInAnyOrder("before restart 1", "before restart 2");
        }
    }

    @Test
    void shouldRemoveItsTemporaryStorageDirectoryOnClose() {
        final EmbeddedKafkaBroker temporary = EmbeddedKafkaBroker.builder().build().start();
        final Path storage = temporary.storageDirectory();
        assertThat(storage.resolve("meta.properties")).exists();

        temporary.close();
        temporary.close();

        assertThat(storage).doesNotExist();
        assertThatThrownBy(temporary::bootstrapServers).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldRefuseStorageDirectoryOfBrokerRunningInThisJvm() {
        final EmbeddedKafkaBroker second =
            EmbeddedKafkaBroker.builder().storageDirectory(broker.storageDirectory()).build();

        assertThatThrownBy(second::start)
            .isInstanceOf(BrokerStartException.class)
            .hasMessageContaining(broker.storageDirectory().toString())
            .hasMessageContaining("in use")
            .hasMessageContaining("choose another storage directory");
        assertThat(broker.storageDirectory()).exists();
    }

    @Test
    void shouldRefuseStorageDirectoryLockedByAnotherProcess(@TempDir final Path storage) throws Exception {
        final Process holder = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", testClassesDirectory().toString(),
            StorageLockHolder.class.getName(), storage.toString())
            .redirectErrorStream(true)
            .start();
        try (BufferedReader output = new BufferedReader(
            new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(output.readLine()).isEqualTo(StorageLockHolder.LOCKED);

            assertThatThrownBy(() -> EmbeddedKafkaBroker.builder().storageDirectory(storage).build().start())
                .isInstanceOf(BrokerStartException.class)
                .hasMessageContaining(storage.toRealPath().toString())
                .hasMessageContaining("in use by another process");
        } finally {
            holder.destroy();
            holder.waitFor();
        }
    }

    @Test
    void shouldRefuseBrokerPortInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("localhost"))) {
            final EmbeddedKafkaBroker clashing = EmbeddedKafkaBroker.builder().port(taken.getLocalPort()).build();

            assertThatThrownBy(clashing::start)
                .isInstanceOf(BrokerStartException.class)
                .hasMessageContaining("port " + taken.getLocalPort())
                .hasMessageContaining("already in use");
        }
    }

    @Test
    void shouldRefuseStorageDirectoryFormattedForAnotherNode(@TempDir final Path storage) throws Exception {
        formatAsKafkaStorageTool(storage, 7, Uuid.randomUuid().toString());

        assertThatThrownBy(() -> EmbeddedKafkaBroker.builder().storageDirectory(storage).build().start())
            .isInstanceOf(BrokerStartException.class)
            .hasMessageContaining(storage.toRealPath().toString())
            .hasMessageContaining("node.id 7")
            .hasMessageContaining("Use another storage directory, or delete");
    }

    @Test
    void shouldRefuseStorageDirectoryFormattedForAnotherCluster(@TempDir final Path storage) throws Exception {
        final String otherCluster = Uuid.randomUuid().toString();
        formatAsKafkaStorageTool(storage, 1, otherCluster);

        assertThatThrownBy(() -> EmbeddedKafkaBroker.builder().storageDirectory(storage)
            .clusterId(Uuid.randomUuid().toString()).build().start())
            .isInstanceOf(BrokerStartException.class)
            .hasMessageContaining("belongs to cluster " + otherCluster);
    }

    @Test
    void shouldRefuseNonEmptyDirectoryThatIsNotKafkaStorage(@TempDir final Path storage) throws Exception {
        Files.writeString(storage.resolve("notes.txt"), "not Kafka's");

        assertThatThrownBy(() -> EmbeddedKafkaBroker.builder().storageDirectory(storage).build().start())
            .isInstanceOf(BrokerStartException.class)
            .hasMessageContaining("is not empty and is not a Kafka storage directory");
        assertThat(storage.resolve("meta.properties")).doesNotExist();
    }

    @Test
    void shouldRejectInvalidBrokerPropertyBeforeFormatting(@TempDir final Path storage) {
        final EmbeddedKafkaBroker misconfigured = EmbeddedKafkaBroker.builder()
            .storageDirectory(storage)
            .brokerProperty("log.retention.hours", "a week")
            .build();

        assertThatThrownBy(misconfigured::start)
            .isInstanceOf(BrokerStartException.class)
            .hasMessageContaining("log.retention.hours");
        assertThat(storage).isEmptyDirectory();
    }

    @Test
    void shouldRefuseBrokerPropertiesItManagesItself() {
        assertThatThrownBy(() -> EmbeddedKafkaBroker.builder().brokerProperty("log.dirs", "/var/kafka"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("storageDirectory(Path)");
    }

    @Test
    void shouldOnlySetConfigurationKeysKafkaKnows() {
        final Map<String, String> properties = EmbeddedKafkaBroker.builder()
            .brokerProperty("log.retention.hours", "1")
            .build()
            .serverProperties(Path.of("/tmp/kafka"), 9092, 9093);

        // Kafka ignores unknown keys with a warning, so a misspelt default would silently not apply.
        final Set<String> known = KafkaConfig.configDef().names();
        assertThat(known).containsAll(properties.keySet());
        assertThat(properties).containsEntry("log.retention.hours", "1");
    }

    private static KafkaProducer<String, String> transactionalProducer(final String transactionalId) {
        return new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
            ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId,
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
            new StringSerializer(), new StringSerializer());
    }

    private static KafkaProducer<String, String> producer(final EmbeddedKafkaBroker target) {
        return new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrapServers(),
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
            new StringSerializer(), new StringSerializer());
    }

    private static Admin admin(final EmbeddedKafkaBroker target) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrapServers()));
    }

    /**
     * Reads every partition from the beginning until at least {@code expected} values arrived and the consumer
     * stands at the end offsets (the last stable offsets for read_committed), so nothing unread remains.
     */
    private static List<String> readToEnd(final EmbeddedKafkaBroker source, final String topic,
                                          final String isolationLevel, final int expected) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, source.bootstrapServers(),
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel,
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
            new StringDeserializer(), new StringDeserializer())) {
            final List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            final List<String> values = new ArrayList<>();
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(consumed -> values.add(consumed.value()));
                return values.size() >= expected && atEnd(consumer, partitions);
            });
            return values;
        }
    }

    private static boolean atEnd(final KafkaConsumer<String, String> consumer,
                                 final List<TopicPartition> partitions) {
        final Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        return partitions.stream().allMatch(partition -> consumer.position(partition) >= ends.get(partition));
    }

    /** What `kafka-storage.sh format` does for a combined node, with a node and cluster id of our choosing. */
    private static void formatAsKafkaStorageTool(final Path storage, final int nodeId, final String clusterId)
        throws Exception {
        new Formatter()
            .setPrintStream(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8))
            .setNodeId(nodeId)
            .setClusterId(clusterId)
            .setDirectories(List.of(storage.toString()))
            .setMetadataLogDirectory(storage.toString())
            .setControllerListenerName("CONTROLLER")
            .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
            .setHasDynamicQuorum(false)
            .setWriteBootstrapSnapshot(true)
            .run();
    }

    private static Path testClassesDirectory() throws URISyntaxException {
        return Path.of(StorageLockHolder.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}

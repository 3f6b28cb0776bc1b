package io.newswire.app.registry;

import static io.newswire.app.cli.CapturedRun.newswire;
import static io.newswire.app.pipeline.TestInputs.anInputFolder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.apicurio.registry.serde.Legacy4ByteIdHandler;
import io.apicurio.registry.serde.SerdeConfig;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerdeConfig;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.newswire.app.cli.CapturedRun;
import io.newswire.app.pipeline.DeliveryReport;
import io.newswire.app.pipeline.DeliveryVerifier;
import io.newswire.app.pipeline.OutputCollector;
import io.newswire.app.pipeline.TestInputs;
import io.newswire.broker.testing.SharedKafka;
import io.newswire.schema.EnrichedItem;
import io.newswire.schema.serde.NewswireSerdes;
import io.newswire.schema.serde.WireFormat;
import io.newswire.streams.NewswireConfigDef;
import io.newswire.streams.PipelineConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema registry mode against a real Apicurio Registry ({@link SharedRegistry}) and the shared broker, through the
 * command line as a user runs it: a whole run in registry mode, and a cluster switched from single-object encoding to
 * registry mode under one application id, losing and doubling nothing.
 */
class RegistryModeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VERIFIED = Pattern.compile("verified on the topics: inputs=(\\d+) lost=0 "
        + "duplicated=0 aborted_visible=n/a open_txn_partitions=0 out_of_order=0");

    @TempDir
    Path temp;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldWriteEveryPublishedTopicInTheConfluentFormatWithBackwardSubjects() throws Exception {
        final Properties settings = TestInputs.isolatedTopics();
        settings.setProperty(NewswireConfigDef.SCHEMA_REGISTRY_URL, SharedRegistry.url());
        final PipelineConfig config = PipelineConfig.fromProperties(settings);
        final TestInputs inputs = anInputFolder(temp.resolve("in")).withSeed().withCorpusItems(3)
            .withCopyOfFirstCorpusItem().withBrokenLine().build();

        final CapturedRun run = run(settings, inputs);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(VERIFIED.matcher(run.out()).find()).as(run.out()).isTrue();
        final Map<String, List<byte[]>> values = readAll(config);
        final List<String> written = values.entrySet().stream().filter(topic -> !topic.getValue().isEmpty())
            .map(Map.Entry::getKey).toList();
        assertThat(written).as("topics with records")
            .contains(config.topics().raw(), config.topics().duplicates(), config.topics().dlq());
        final Set<Long> ids = new HashSet<>();
        values.forEach((topic, records) -> records.forEach(value -> {
            assertThat(WireFormat.of(value)).as("a value on " + topic).isEqualTo(WireFormat.CONFLUENT);
            ids.add(WireFormat.confluentSchemaId(value));
        }));
        for (final long id : ids) {
            final JsonNode schema = ccompat("/schemas/ids/" + id);
            assertThat(schema.get("schema").asText()).as("schema id " + id).contains("io.newswire.schema");
        }
        // Every output topic's subject, those of topics no record went to included: the topology registers them
        // when it starts (StreamsRunner.registerOutputSchemas), the producer news.raw's with its first record.
        final List<String> registered = new ArrayList<>(config.outputTopics());
        registered.add(config.topics().raw());
        assertThat(registered).as("a topic without records, whose subject only the start registers")
            .hasSizeGreaterThan(written.size()).containsAll(written);
        final JsonNode subjects = ccompat("/subjects");
        for (final String topic : registered) {
            assertThat(subjects.toString()).as("subjects").contains("\"" + topic + "-value\"");
            assertThat(ccompat("/config/" + topic + "-value").get("compatibilityLevel").asText())
                .as(topic + "-value").isEqualTo("BACKWARD");
        }
        assertDecodedByNewswire(config, values);
        assertTheSameAsApicuriosOwnSerde(values);
        assertRefusedWhateverNewswireRemembers(config, values);
    }

    @Test
    void shouldSwitchATopologyFromSingleObjectToRegistryModeLosingAndDoublingNothing() throws Exception {
        final Properties singleObject = TestInputs.isolatedTopics();
        final TestInputs before = anInputFolder(temp.resolve("before")).withSeed().withCorpusItems(2).build();
        final CapturedRun first = run(singleObject, before);
        assertThat(first.exitCode()).as(first.toString()).isZero();

        final Properties registryMode = new Properties();
        registryMode.putAll(singleObject);
        registryMode.setProperty(NewswireConfigDef.SCHEMA_REGISTRY_URL, SharedRegistry.url());
        // The first two corpus items again (duplicates of what single-object mode wrote) and two new ones.
        final TestInputs after = anInputFolder(temp.resolve("after")).withCorpusItems(4).withBrokenLine().build();
        final CapturedRun second = run(registryMode, after);
        assertThat(second.exitCode()).as(second.toString()).isZero();

        final PipelineConfig config = PipelineConfig.fromProperties(registryMode);
        final Properties kafka = new Properties();
        kafka.setProperty("bootstrap.servers", SharedKafka.bootstrapServers());
        final DeliveryReport report = new DeliveryVerifier(kafka, config, null).verify(null, Duration.ofSeconds(30));
        assertThat(report.holds()).as(report.line() + " " + report.examples()).isTrue();
        assertThat(report.inputs()).as(report.line()).isEqualTo(before.items() + before.rejects() + after.items() + after.rejects());

        final Map<String, List<byte[]>> values = readAll(config);
        final List<byte[]> everything = values.values().stream().flatMap(List::stream).toList();
        assertThat(everything).extracting(WireFormat::of)
            .contains(WireFormat.SINGLE_OBJECT, WireFormat.CONFLUENT).doesNotContain(WireFormat.UNKNOWN);
        assertThat(values.get(config.topics().duplicates())).extracting(WireFormat::of)
            .as("decisions of both runs").contains(WireFormat.SINGLE_OBJECT, WireFormat.CONFLUENT);
        assertDecodedByNewswire(config, values);

        final Path configFile = configFile(registryMode);
        final CapturedRun tail = newswire("tail", "--topic", config.topics().duplicates(), "--from-beginning",
            "--max", String.valueOf(values.get(config.topics().duplicates()).size()), "--idle", "10s",
            "--bootstrap-servers", SharedKafka.bootstrapServers(), "--config", configFile.toString());
        assertThat(tail.exitCode()).as(tail.toString()).isZero();
        assertThat(tail.out().lines().filter(line -> line.contains("\"decision\"")).count())
            .as(tail.toString()).isEqualTo(values.get(config.topics().duplicates()).size());
    }

    private CapturedRun run(final Properties settings, final TestInputs inputs) throws IOException {
        return newswire("run", "--input", inputs.dir().toString(), "--bootstrap-servers",
            SharedKafka.bootstrapServers(), "--config", configFile(settings).toString(), "--timeout", "90s");
    }

    private Path configFile(final Properties settings) throws IOException {
        final Path file = Files.createTempFile(temp, "newswire", ".properties");
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            settings.store(writer, "isolated topics of RegistryModeIT");
        }
        return file;
    }

    /** Every value newswire's own readers (the collector's serdes, as run, tail and the verifier use) decode. */
    private static void assertDecodedByNewswire(final PipelineConfig config, final Map<String, List<byte[]>> values) {
        final NewswireSerdes serdes = new NewswireSerdes(config.schemaRegistry());
        values.forEach((topic, records) -> {
            if (!topic.equals(config.topics().raw())) {
                records.forEach(value -> assertThat(OutputCollector.serdeFor(topic, config, serdes).decode(value))
                    .as("a value on " + topic).isNotNull());
            } else {
                records.forEach(value -> assertThat(serdes.wireItem().decode(value)).isNotNull());
            }
        });
    }

    /**
     * newswire writes and reads through Apicurio's serde only the first value of each topic and schema id, then frames
     * the Avro binary itself with the id the serde wrote: every value of the run must be the bytes a serializer of
     * Apicurio's own, configured as the README tells a Java consumer, writes for the same record on the same topic,
     * and decode to the same record with Apicurio's deserializer.
     */
    private static void assertTheSameAsApicuriosOwnSerde(final Map<String, List<byte[]>> values) {
        final Map<String, Object> apicurio = new HashMap<>();
        apicurio.put(SerdeConfig.REGISTRY_URL, SharedRegistry.url() + "/apis/registry/v2");
        apicurio.put(SerdeConfig.ID_HANDLER, Legacy4ByteIdHandler.class.getName());
        apicurio.put(SerdeConfig.USE_ID, "contentId");
        apicurio.put(SerdeConfig.ENABLE_HEADERS, "false");
        apicurio.put(SerdeConfig.AUTO_REGISTER_ARTIFACT, "true");
        apicurio.put(AvroKafkaSerdeConfig.USE_SPECIFIC_AVRO_READER, "true");
        final AvroKafkaDeserializer<Object> deserializer = new AvroKafkaDeserializer<>();
        deserializer.configure(apicurio, false);
        int compared = 0;
        for (final Map.Entry<String, List<byte[]>> topic : values.entrySet()) {
            final AvroKafkaSerializer<Object> serializer = new AvroKafkaSerializer<>();
            serializer.configure(apicurio, false);
            for (final byte[] value : topic.getValue()) {
                final Object record = deserializer.deserialize(topic.getKey(), value);
                assertThat(serializer.serialize(topic.getKey(), record)).as("a value on " + topic.getKey())
                    .isEqualTo(value);
                compared++;
            }
        }
        assertThat(compared).isEqualTo(values.values().stream().mapToInt(List::size).sum()).isGreaterThan(10);
    }

    /**
     * What newswire remembers of an id once decoded (its reader) must not let a value of another type through, and
     * an id the registry does not know is refused naming it (the topology dead-letters such a record).
     */
    private static void assertRefusedWhateverNewswireRemembers(final PipelineConfig config,
                                                               final Map<String, List<byte[]>> values) {
        final NewswireSerdes serdes = new NewswireSerdes(config.schemaRegistry());
        final byte[] decision = values.get(config.topics().duplicates()).get(0);
        assertThat(serdes.dedupDecision().decode(decision)).isNotNull();
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> serdes.enrichedItem().decode(decision)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("not " + EnrichedItem.class.getName());
        }
        final byte[] unknownId = decision.clone();
        unknownId[1] = 0x7f;
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> serdes.dedupDecision().decode(unknownId))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("schema id " + WireFormat.confluentSchemaId(unknownId))
                .hasMessageContaining("does not know that id");
        }
    }

    /** The values of news.raw and every output topic, read_committed from the beginning. */
    private static Map<String, List<byte[]>> readAll(final PipelineConfig config) {
        final Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        final List<String> topics = new ArrayList<>(config.outputTopics());
        topics.add(config.topics().raw());
        final Map<String, List<byte[]>> values = new java.util.TreeMap<>();
        topics.forEach(topic -> values.put(topic, new ArrayList<>()));
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            final List<TopicPartition> partitions = new ArrayList<>();
            topics.forEach(topic -> consumer.partitionsFor(topic, Duration.ofSeconds(10))
                .forEach(info -> partitions.add(new TopicPartition(topic, info.partition()))));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            final Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (final ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() != null) {
                        values.get(record.topic()).add(record.value());
                    }
                }
            }
        }
        return values;
    }

    private JsonNode ccompat(final String path) throws IOException, InterruptedException {
        final HttpResponse<String> response = http.send(HttpRequest.newBuilder(
            URI.create(SharedRegistry.url() + "/apis/ccompat/v7" + path)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET " + path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}

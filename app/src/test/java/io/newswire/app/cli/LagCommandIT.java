package io.newswire.app.cli;

import static io.newswire.app.cli.CapturedRun.newswire;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswire.app.ops.LagReader;
import io.newswire.app.ops.PartitionLag;
import io.newswire.app.pipeline.TestInputs;
import io.newswire.broker.testing.SharedKafka;
import io.newswire.streams.PipelineConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lag reader and {@code newswire lag} on the shared broker: groups are given committed offsets with the Admin
 * API (no member: the group of a stopped pipeline), records have known timestamps.
 */
class LagCommandIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;
    private Properties settings;
    private PipelineConfig config;
    private Properties kafka;
    private TopicPartition raw;
    private TopicPartition duplicates;

    @BeforeEach
    void topics() throws Exception {
        settings = TestInputs.isolatedTopics();
        config = PipelineConfig.fromProperties(settings);
        kafka = new Properties();
        kafka.setProperty("bootstrap.servers", SharedKafka.bootstrapServers());
        raw = new TopicPartition(config.topics().raw(), 0);
        duplicates = new TopicPartition(config.topics().duplicates(), 0);
        try (Admin admin = Admin.create(kafka)) {
            admin.createTopics(List.of(new NewTopic(raw.topic(), 1, (short) 1),
                new NewTopic(duplicates.topic(), 1, (short) 1))).all().get();
        }
    }

    @Test
    void shouldCountTheWaitingRecordsAndTheAgeOfTheFirstAndSayStopWhileNobodyConsumes() throws Exception {
        final long now = System.currentTimeMillis();
        try (KafkaProducer<String, byte[]> producer = producer(null)) {
            for (int i = 0; i < 5; i++) {
                producer.send(new ProducerRecord<>(raw.topic(), 0, now - 30_000 + i * 1_000L, "id-" + i,
                    new byte[] {1})).get();
            }
        }
        commit(config.applicationId(), raw, 1);

        try (LagReader reader = new LagReader(kafka, config)) {
            final PartitionLag lag = only(reader.read(List.of(), now), config.applicationId(), raw);
            assertThat(lag.stage()).isEqualTo("input");
            assertThat(lag.committed()).isEqualTo(1);
            assertThat(lag.logEnd()).isEqualTo(5);
            assertThat(lag.lagRecords()).isEqualTo(4);
            assertThat(lag.firstUnconsumed()).as("the timestamp of offset 1").isEqualTo(now - 29_000);
            assertThat(lag.lagSeconds()).isEqualTo(29.0);
            assertThat(lag.groupActive()).isFalse();

            commit(config.applicationId(), raw, 5);
            final PartitionLag caughtUp = only(reader.read(List.of(), now + 1_000), config.applicationId(), raw);
            assertThat(caughtUp.lagRecords()).isZero();
            assertThat(caughtUp.lagSeconds()).isZero();
        }
    }

    @Test
    void shouldNotCountTransactionMarkersAndShouldFindTheGroupsReadingAnOutputTopic() throws Exception {
        try (KafkaProducer<String, byte[]> producer = producer("lag-it-" + raw.topic())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(duplicates.topic(), 0, "id-0", new byte[] {1}));
            producer.commitTransaction();
        }
        final String downstream = "reader-of-" + duplicates.topic();
        commit(downstream, duplicates, 1);

        try (LagReader reader = new LagReader(kafka, config)) {
            final PartitionLag lag = only(reader.read(List.of(), System.currentTimeMillis()), downstream,
                duplicates);
            assertThat(lag.stage()).isEqualTo("output " + duplicates.topic());
            assertThat(lag.logEnd()).as("the record and its commit marker").isEqualTo(2);
            assertThat(lag.lagRecords()).as("only the marker lies ahead").isZero();
        }
    }

    @Test
    void shouldPrintTheSameFiguresAsJsonWithAStatus() throws Exception {
        final long now = System.currentTimeMillis();
        try (KafkaProducer<String, byte[]> producer = producer(null)) {
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>(raw.topic(), 0, now - 60_000, "id-" + i, new byte[] {1})).get();
            }
        }
        commit(config.applicationId(), raw, 0);
        final Path file = temp.resolve("newswire.properties");
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            settings.store(writer, "isolated topics of LagCommandIT");
        }

        final CapturedRun run = newswire("lag", "--json", "--bootstrap-servers", SharedKafka.bootstrapServers(),
            "--config", file.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        final JsonNode readings = JSON.readTree(run.out());
        assertThat(readings.isArray()).isTrue();
        final JsonNode input = readings.get(0);
        assertThat(input.get("group").asText()).isEqualTo(config.applicationId());
        assertThat(input.get("topic").asText()).isEqualTo(raw.topic());
        assertThat(input.get("lag_records").asLong()).isEqualTo(3);
        assertThat(input.get("lag_seconds").asDouble()).isBetween(60.0, 120.0);
        assertThat(input.get("first_unconsumed_timestamp").asLong()).isEqualTo(now - 60_000);
        assertThat(input.get("status").asText()).as("records wait and the group has no member").isEqualTo("STOP");
        // The fields DESIGN.md promises to scripts.
        for (final String field : List.of("group", "topic", "partition", "stage", "committed", "end", "lag_records",
            "lag_seconds", "status")) {
            assertThat(input.has(field)).as(field).isTrue();
        }
        assertThat(input.get("end").asLong()).isEqualTo(3);
        assertThat(input.get("committed").asLong()).isZero();
    }

    private static PartitionLag only(final List<PartitionLag> lags, final String group,
                                     final TopicPartition partition) {
        final List<PartitionLag> matching = lags.stream()
            .filter(lag -> lag.group().equals(group) && lag.partition().equals(partition)).toList();
        assertThat(matching).as(lags.toString()).hasSize(1);
        return matching.get(0);
    }

    private void commit(final String group, final TopicPartition partition, final long offset)
        throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(kafka)) {
            admin.alterConsumerGroupOffsets(group, Map.of(partition, new OffsetAndMetadata(offset))).all().get();
        }
    }

    private KafkaProducer<String, byte[]> producer(final String transactionalId) {
        final Properties props = new Properties();
        props.putAll(kafka);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        if (transactionalId != null) {
            props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        }
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }
}

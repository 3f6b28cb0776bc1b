package io.newswire.app.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import io.newswire.producer.publish.Trace;
import io.newswire.schema.serde.AvroSerde;
import io.newswire.schema.serde.NewswireSerdes;
import io.newswire.streams.PipelineConfig;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every output topic of the pipeline (routes, general, duplicates, dlq) with {@code read_committed}, as a
 * downstream consumer would, from the offsets it is told to start at; no consumer group, nothing committed.
 */
public final class OutputCollector implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutputCollector.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, AvroSerde<? extends SpecificRecord>> serdeByTopic = new HashMap<>();
    private final List<CollectedRecord> records = new ArrayList<>();
    private final List<TopicPartition> partitions = new ArrayList<>();

    public OutputCollector(final Properties kafka, final PipelineConfig config, final NewswireSerdes serdes) {
        final Properties props = new Properties();
        props.putAll(kafka);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString().toLowerCase(
            java.util.Locale.ROOT));
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "newswire-collector-" + UUID.randomUUID());
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        try {
            for (final String topic : config.outputTopics()) {
                serdeByTopic.put(topic, serdeFor(topic, config, serdes));
                partitionsOf(topic).forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            }
            consumer.assign(partitions);
        } catch (final RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    /**
     * The partitions of a topic that was just created: a broker answers metadata requests for it only once the
     * creation has reached it, so an empty answer is asked again (for up to 30 s) rather than taken as "no partitions",
     * which would leave the topic unread.
     */
    private List<PartitionInfo> partitionsOf(final String topic) {
        final long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            final List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos != null && !infos.isEmpty()) {
                return infos;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topic " + topic + " has no partitions the cluster tells of after 30 s:"
                    + " check that it exists (newswire creates it unless told not to)");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }

    /** The current end offsets of every output partition: start there to see only what comes next. */
    public Map<TopicPartition, Long> endOffsets() {
        return consumer.endOffsets(partitions, Duration.ofSeconds(30));
    }

    /** Starts reading at {@code offsets}; partitions not named start at the beginning. */
    public void seek(final Map<TopicPartition, Long> offsets) {
        for (final TopicPartition partition : partitions) {
            final Long offset = offsets.get(partition);
            if (offset == null) {
                consumer.seekToBeginning(List.of(partition));
            } else {
                consumer.seek(partition, offset);
            }
        }
    }

    /** Reads what is there (waiting up to {@code timeout}); returns the records read by this call. */
    public List<CollectedRecord> poll(final Duration timeout) {
        final List<CollectedRecord> polled = new ArrayList<>();
        for (final ConsumerRecord<String, byte[]> record : consumer.poll(timeout)) {
            final CollectedRecord collected = decode(record);
            if (collected != null) {
                polled.add(collected);
            }
        }
        records.addAll(polled);
        return polled;
    }

    /** Everything read so far, in the order read. */
    public List<CollectedRecord> records() {
        return List.copyOf(records);
    }

    private CollectedRecord decode(final ConsumerRecord<String, byte[]> record) {
        final AvroSerde<? extends SpecificRecord> serde = serdeByTopic.get(record.topic());
        if (record.value() == null || serde == null) {
            return null;
        }
        try {
            return new CollectedRecord(record.topic(), record.key(), Trace.read(record.headers()),
                serde.decode(record.value()));
        } catch (final SerializationException e) {
            LOG.warn("skipping a record of {} partition {} offset {} that is not newswire's: {}", record.topic(),
                record.partition(), record.offset(), e.getMessage());
            return null;
        }
    }

    /** The serde of a pipeline topic's values: WireItem, DedupDecision, DeadLetter, else EnrichedItem. */
    public static AvroSerde<? extends SpecificRecord> serdeFor(final String topic, final PipelineConfig config,
                                                               final NewswireSerdes serdes) {
        if (topic.equals(config.topics().raw())) {
            return serdes.wireItem();
        }
        if (topic.equals(config.topics().duplicates())) {
            return serdes.dedupDecision();
        }
        if (topic.equals(config.topics().dlq())) {
            return serdes.deadLetter();
        }
        return serdes.enrichedItem();
    }

    @Override
    public void close() {
        consumer.close(java.time.Duration.ofSeconds(5));
    }
}

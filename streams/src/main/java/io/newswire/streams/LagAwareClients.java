package io.newswire.streams;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaClientSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka clients of a KafkaStreams instance, as Kafka's default supplier makes them, with each stream thread's main
 * consumer remembered so that a task can ask it for its lag ({@link Consumer#currentLag}: the lag the last fetch
 * response gave, no request of its own) and for the last record it handed to Kafka Streams. Kafka Streams asks the
 * same lag of its consumer before it processes a task's partitions without waiting for all of them (KIP-695);
 * newswire needs both, and one request for the partition's end offset, to tell an idle partition from one whose
 * records are still on the broker, or were fetched and still wait in the task's buffer. Each was seen: with the
 * consumer's lag alone, heartbeats ran up to a second ahead of records waiting in a task's buffer (the consumer's
 * position is past them) at saturation, and 4.6 s ahead of records appended while the thread processed other tasks
 * without polling (the lag is as of the last fetch).
 *
 * <p>A stream thread's consumer is named after the thread ({@code <thread name>-consumer}), and tasks run on their
 * thread, so the lookup is by the calling thread's name; the consumer is only touched from its own thread.
 */
public final class LagAwareClients implements KafkaClientSupplier, CaughtUp {

    private static final String MAIN_CONSUMER_SUFFIX = "-consumer";
    private static final Duration END_OFFSET_TIMEOUT = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(LagAwareClients.class);

    private final Map<String, MainConsumer> mainConsumers = new ConcurrentHashMap<>();

    @Override
    public Admin getAdmin(final Map<String, Object> config) {
        return Admin.create(config);
    }

    @Override
    public Producer<byte[], byte[]> getProducer(final Map<String, Object> config) {
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Override
    public Consumer<byte[], byte[]> getConsumer(final Map<String, Object> config) {
        final MainConsumer consumer = new MainConsumer(config);
        final Object clientId = config.get(ConsumerConfig.CLIENT_ID_CONFIG);
        if (clientId != null) {
            mainConsumers.put(clientId.toString(), consumer);
        }
        return consumer;
    }

    @Override
    public Consumer<byte[], byte[]> getRestoreConsumer(final Map<String, Object> config) {
        return newConsumer(config);
    }

    @Override
    public Consumer<byte[], byte[]> getGlobalConsumer(final Map<String, Object> config) {
        return newConsumer(config);
    }

    /**
     * Whether the calling stream thread's consumer has read {@code partition} to the end it has now (its last stable
     * offset, as the consumer reads read_committed), and the task has processed the last record the consumer handed
     * out of it. Unknown lag or end, or a thread without a consumer of ours, is not caught up. Asks the broker for
     * the end offset (one ListOffsets request) only when nothing local says otherwise.
     */
    @Override
    public boolean test(final TopicPartition partition, final long processedOffset) {
        final MainConsumer consumer = mainConsumers.get(Thread.currentThread().getName() + MAIN_CONSUMER_SUFFIX);
        if (consumer == null || processedOffset < consumer.lastHandedOut(partition)) {
            return false;
        }
        final OptionalLong lag = consumer.currentLag(partition);
        if (lag.isEmpty() || lag.getAsLong() > 0) {
            return false;
        }
        // The lag is as of the last fetch response, which may be seconds old when the thread has been processing
        // other tasks without polling: ask the broker for the end now. Everything appended before this call is
        // below the end it returns, so a position at or past it means the task has seen all of it.
        try {
            final Long end = consumer.endOffsets(Set.of(partition), END_OFFSET_TIMEOUT).get(partition);
            return end != null && consumer.position(partition, END_OFFSET_TIMEOUT) >= end;
        } catch (final KafkaException e) {
            LOG.debug("cannot tell whether {} is read to its end: {}", partition, e.toString());
            return false;
        }
    }

    /**
     * A stream thread's main consumer that remembers, per partition, the offset of the last record its polls returned.
     * (A subclass, not a {@code ConsumerInterceptor}: an interceptor is made by the consumer from a class name and
     * would need a static registry to be found again.)
     */
    static final class MainConsumer extends KafkaConsumer<byte[], byte[]> {

        private final Map<TopicPartition, Long> handedOut = new ConcurrentHashMap<>();

        MainConsumer(final Map<String, Object> config) {
            super(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        }

        @Override
        public ConsumerRecords<byte[], byte[]> poll(final Duration timeout) {
            final ConsumerRecords<byte[], byte[]> records = super.poll(timeout);
            for (final TopicPartition partition : records.partitions()) {
                final List<ConsumerRecord<byte[], byte[]>> fetched = records.records(partition);
                handedOut.put(partition, fetched.get(fetched.size() - 1).offset());
            }
            return records;
        }

        /** The offset of the last record of {@code partition} that a poll returned, -1 when none. */
        long lastHandedOut(final TopicPartition partition) {
            return handedOut.getOrDefault(partition, -1L);
        }
    }

    private static Consumer<byte[], byte[]> newConsumer(final Map<String, Object> config) {
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}

package io.newswire.streams;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaClientSupplier;

/**
 * The Kafka clients of a KafkaStreams instance, as Kafka's default supplier makes them, with each stream thread's main
 * consumer remembered so that a task can ask it for its lag ({@link Consumer#currentLag}: the lag the last fetch
 * response gave, no request of its own). Kafka Streams asks the same of its consumer before it processes a task's
 * partitions without waiting for all of them (KIP-695); newswire needs it to tell an idle partition from one whose
 * records are still being fetched.
 *
 * <p>A stream thread's consumer is named after the thread ({@code <thread name>-consumer}), and tasks run on their
 * thread, so the lookup is by the calling thread's name; the consumer is only touched from its own thread.
 */
public final class LagAwareClients implements KafkaClientSupplier, CaughtUp {

    private static final String MAIN_CONSUMER_SUFFIX = "-consumer";

    private final Map<String, Consumer<byte[], byte[]>> mainConsumers = new ConcurrentHashMap<>();

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
        final Consumer<byte[], byte[]> consumer = newConsumer(config);
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
     * Whether the calling stream thread's consumer, at its last fetch, had read {@code partition} to its end (its last
     * stable offset, as the consumer reads read_committed). Unknown lag, or a thread without a consumer of ours, is
     * not caught up.
     */
    @Override
    public boolean test(final TopicPartition partition) {
        final Consumer<byte[], byte[]> consumer = mainConsumers.get(Thread.currentThread().getName()
            + MAIN_CONSUMER_SUFFIX);
        if (consumer == null) {
            return false;
        }
        final OptionalLong lag = consumer.currentLag(partition);
        return lag.isPresent() && lag.getAsLong() <= 0;
    }

    private static Consumer<byte[], byte[]> newConsumer(final Map<String, Object> config) {
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}

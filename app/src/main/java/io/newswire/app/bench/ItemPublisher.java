package io.newswire.app.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongUnaryOperator;

import io.newswire.app.Settings;
import io.newswire.producer.publish.ProducerSettings;
import io.newswire.schema.header.SentAt;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes bench items to a run's input topic with newswire producer's settings ({@link ProducerSettings}:
 * idempotent, acks=all, lz4, linger 20 ms): key the item id, value the encoded WireItem, record timestamp and
 * {@link SentAt} header the moment of sending. Either as fast as Kafka takes them, or at a fixed rate on a schedule
 * (item i is due at start + i / rate, so a late send does not delay the ones after it).
 */
final class ItemPublisher implements AutoCloseable {

    private final Producer<String, byte[]> producer;
    private final SentAt sent = new SentAt();

    ItemPublisher(final Properties kafka, final String clientId) {
        this.producer = new KafkaProducer<>(ProducerSettings.properties(kafka.getProperty("bootstrap.servers"),
            clientId, Settings.producerOverrides(kafka)), new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends every item as fast as the producer takes them, then waits until Kafka acknowledged them all. */
    PublishLog flood(final String topic, final List<BenchInput.Item> items) {
        return publish(topic, items, index -> 0L);
    }

    /** Sends item i at start + i / {@code perSecond} seconds, then waits until Kafka acknowledged them all. */
    PublishLog paced(final String topic, final List<BenchInput.Item> items, final double perSecond) {
        final double nanosApart = 1e9 / perSecond;
        return publish(topic, items, index -> Math.round(index * nanosApart));
    }

    /** @param offsetNanos when item i is due, in nanoseconds after the first send */
    private PublishLog publish(final String topic, final List<BenchInput.Item> items,
                               final LongUnaryOperator offsetNanos) {
        final Map<String, Long> sentAtMs = new LinkedHashMap<>();
        final AtomicReference<Exception> failure = new AtomicReference<>();
        final long start = System.nanoTime();
        long last = start;
        for (int index = 0; index < items.size(); index++) {
            waitUntil(start + offsetNanos.applyAsLong(index));
            final BenchInput.Item item = items.get(index);
            final long now = System.currentTimeMillis();
            final ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, null, now, item.id(), item.value());
            SentAt.write(record.headers(), sent.next());
            producer.send(record, (metadata, error) -> {
                if (error != null) {
                    failure.compareAndSet(null, error);
                }
            });
            last = System.nanoTime();
            sentAtMs.put(item.id(), now);
        }
        producer.flush();
        if (failure.get() != null) {
            throw new IllegalStateException("Kafka did not take every item sent to " + topic + ": "
                + failure.get().getMessage() + "; check the broker's log and that the topic exists", failure.get());
        }
        return new PublishLog(sentAtMs, start, last);
    }

    /** Parks until {@code dueNanos}; parking again after an early wake-up keeps the schedule from drifting. */
    private static void waitUntil(final long dueNanos) {
        for (long left = dueNanos - System.nanoTime(); left > 0; left = dueNanos - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}

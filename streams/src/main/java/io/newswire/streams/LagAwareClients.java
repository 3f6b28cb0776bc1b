package io.newswire.streams;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaClientSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka clients of a KafkaStreams instance, as Kafka's default supplier makes them, plus what an idle task needs
 * to say, soundly, that its news.raw partition has nothing earlier on the way ({@link CaughtUp}):
 * <ul>
 *   <li>each stream thread's main consumer remembers the last record it handed to Kafka Streams per partition, so a
 *       task knows whether fetched records still wait in its buffer;</li>
 *   <li>a background thread asks the broker for the end (last stable offset) of every partition a task has asked
 *       about, every {@value #POLL_MS} ms while the instance has stream threads, with an admin client of its own,
 *       noting the time just before it asked: everything appended before that time lies below that end.</li>
 * </ul>
 * A partition is caught up as of that time when its consumer's position is at or past that end and the task has
 * processed all it was handed. Each weaker test was tried and failed here: with the consumer's lag alone,
 * heartbeats ran up to a second ahead of records waiting in a task's buffer at saturation, and 4.6 s ahead of
 * records appended while the thread processed other tasks without polling (the lag is as of the last fetch); asking
 * for the end offset through the thread's own consumer made the thread wait behind its fetch long-poll on the same
 * connection (p99 at 50 items/s from 0.9 to 1.8 s).
 *
 * <p>A stream thread's consumer is named after the thread ({@code <thread name>-consumer}), and tasks run on their
 * thread, so the lookup is by the calling thread's name; the consumer is only touched from its own thread.
 */
public final class LagAwareClients implements KafkaClientSupplier, CaughtUp {

    static final long POLL_MS = 50;
    private static final String MAIN_CONSUMER_SUFFIX = "-consumer";
    private static final Logger LOG = LoggerFactory.getLogger(LagAwareClients.class);

    private final PipelineMeters meters;
    private final Set<String> outputTopics;
    private final Map<String, MainConsumer> mainConsumers = new ConcurrentHashMap<>();
    private final Set<TopicPartition> watched = ConcurrentHashMap.newKeySet();
    private volatile Ends ends = new Ends(UNKNOWN, Map.of());
    private Map<String, Object> adminConfig;
    private Admin endOffsetsAdmin;
    private ScheduledExecutorService poller;

    /** The end offsets of the watched partitions, as the broker gave them to a request sent at {@code askedAt}. */
    private record Ends(long askedAt, Map<TopicPartition, Long> offsets) {
    }

    /** Clients that measure nothing beyond Kafka's own metrics. */
    public LagAwareClients() {
        this(PipelineMeters.NONE, Set.of());
    }

    /**
     * @param meters       told of every acknowledged record on {@code outputTopics} ({@link PipelineMeters#delivered})
     * @param outputTopics the topics whose deliveries are measured
     */
    public LagAwareClients(final PipelineMeters meters, final Set<String> outputTopics) {
        this.meters = meters;
        this.outputTopics = Set.copyOf(outputTopics);
    }

    @Override
    public Admin getAdmin(final Map<String, Object> config) {
        adminConfig = Map.copyOf(config);
        return Admin.create(config);
    }

    @Override
    public Producer<byte[], byte[]> getProducer(final Map<String, Object> config) {
        if (meters == PipelineMeters.NONE || outputTopics.isEmpty()) {
            return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        }
        return new MeteredProducer(config);
    }

    /**
     * A stream thread's producer that tells {@link PipelineMeters#delivered} when the broker acknowledges a record on
     * an output topic: the time from the item's event time to its append, as near as the client can see it.
     */
    private final class MeteredProducer extends KafkaProducer<byte[], byte[]> {

        MeteredProducer(final Map<String, Object> config) {
            super(config, new ByteArraySerializer(), new ByteArraySerializer());
        }

        @Override
        public Future<RecordMetadata> send(final ProducerRecord<byte[], byte[]> record, final Callback callback) {
            if (record.timestamp() == null || !outputTopics.contains(record.topic())) {
                return super.send(record, callback);
            }
            final long eventTime = record.timestamp();
            return super.send(record, (metadata, error) -> {
                if (error == null) {
                    meters.delivered(record.topic(), eventTime, System.currentTimeMillis());
                }
                if (callback != null) {
                    callback.onCompletion(metadata, error);
                }
            });
        }
    }

    @Override
    public Consumer<byte[], byte[]> getConsumer(final Map<String, Object> config) {
        final MainConsumer consumer = new MainConsumer(config);
        final Object clientId = config.get(ConsumerConfig.CLIENT_ID_CONFIG);
        if (clientId != null) {
            mainConsumers.put(clientId.toString(), consumer);
            startPolling();
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
     * The time as of which the calling stream thread has handed out, and the task processed, every record of
     * {@code partition} (to its last stable offset, as the consumer reads read_committed); {@link #UNKNOWN} when it
     * cannot say so (records wait in the task's buffer or on the broker, no end offset yet, a thread without a
     * consumer of ours).
     */
    @Override
    public long caughtUpAt(final TopicPartition partition, final long processedOffset, final long now) {
        watched.add(partition);
        final MainConsumer consumer = mainConsumers.get(Thread.currentThread().getName() + MAIN_CONSUMER_SUFFIX);
        if (consumer == null || processedOffset < consumer.lastHandedOut(partition)) {
            return UNKNOWN;
        }
        final Ends known = ends;
        final Long end = known.offsets().get(partition);
        if (end == null) {
            return UNKNOWN;
        }
        try {
            return consumer.position(partition, Duration.ZERO) >= end ? Math.min(known.askedAt(), now) : UNKNOWN;
        } catch (final KafkaException e) {
            return UNKNOWN;  // no position yet
        }
    }

    private void pollEnds(final Admin admin) {
        final Set<TopicPartition> partitions = Set.copyOf(watched);
        if (partitions.isEmpty()) {
            return;
        }
        final long askedAt = System.currentTimeMillis();
        try {
            final Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result = admin.listOffsets(
                    partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())),
                    new ListOffsetsOptions(IsolationLevel.READ_COMMITTED).timeoutMs(2_000))
                .all().get(3, TimeUnit.SECONDS);
            ends = new Ends(askedAt, result.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> entry.getValue().offset())));
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (final Exception e) {
            // The last answer stays: older, so still true. Heartbeats wait until the broker answers again.
            LOG.debug("cannot read the end offsets of {}: {}", partitions, e.toString());
        }
    }

    private static Consumer<byte[], byte[]> newConsumer(final Map<String, Object> config) {
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Starts asking for end offsets, with an admin client of its own, while there are stream threads. */
    private synchronized void startPolling() {
        if (poller != null || adminConfig == null) {
            return;
        }
        final Admin admin = Admin.create(adminConfig);
        endOffsetsAdmin = admin;
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            final Thread thread = new Thread(runnable, "newswire-end-offsets");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(() -> pollEnds(admin), POLL_MS, POLL_MS, TimeUnit.MILLISECONDS);
    }

    /** A main consumer closed: the last one stops the polling (Kafka Streams closes its threads' consumers). */
    private synchronized void closed(final MainConsumer consumer) {
        mainConsumers.values().remove(consumer);
        if (mainConsumers.isEmpty() && poller != null) {
            poller.shutdownNow();
            endOffsetsAdmin.close(Duration.ofSeconds(5));
            poller = null;
            endOffsetsAdmin = null;
        }
    }

    /**
     * A stream thread's main consumer that remembers, per partition, the offset of the last record its polls returned.
     * (A subclass, not a {@code ConsumerInterceptor}: an interceptor is made by the consumer from a class name and
     * would need a static registry to be found again.)
     */
    final class MainConsumer extends KafkaConsumer<byte[], byte[]> {

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

        @Override
        public void close() {
            try {
                super.close();
            } finally {
                closed(this);
            }
        }

        @Override
        @SuppressWarnings("deprecation")
        public void close(final Duration timeout) {
            try {
                super.close(timeout);
            } finally {
                closed(this);
            }
        }

        @Override
        public void close(final CloseOptions options) {
            try {
                super.close(options);
            } finally {
                closed(this);
            }
        }

        // A partition assigned anew, revoked, lost, or sought (Kafka Streams seeks to the committed offset when it
        // revives a task it closed dirty) starts over: records handed out before went to a task that no longer
        // exists, and the new task, having processed nothing yet, must not wait for them. Kept, they made an idle
        // partition's task look behind forever after a rebalance, so it sent no heartbeat and the dedup index held
        // every decision (seen in BrokerBounceIT after the broker's SIGKILL).

        @Override
        public void subscribe(final java.util.Collection<String> topics, final ConsumerRebalanceListener listener) {
            super.subscribe(topics, forgetting(listener));
        }

        @Override
        public void subscribe(final java.util.regex.Pattern pattern, final ConsumerRebalanceListener listener) {
            super.subscribe(pattern, forgetting(listener));
        }

        @Override
        public void seek(final TopicPartition partition, final long offset) {
            handedOut.remove(partition);
            super.seek(partition, offset);
        }

        @Override
        public void seek(final TopicPartition partition, final OffsetAndMetadata offsetAndMetadata) {
            handedOut.remove(partition);
            super.seek(partition, offsetAndMetadata);
        }

        @Override
        public void seekToBeginning(final java.util.Collection<TopicPartition> partitions) {
            partitions.forEach(handedOut::remove);
            super.seekToBeginning(partitions);
        }

        private ConsumerRebalanceListener forgetting(final ConsumerRebalanceListener listener) {
            return new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(final java.util.Collection<TopicPartition> partitions) {
                    partitions.forEach(handedOut::remove);
                    listener.onPartitionsRevoked(partitions);
                }

                @Override
                public void onPartitionsAssigned(final java.util.Collection<TopicPartition> partitions) {
                    partitions.forEach(handedOut::remove);
                    listener.onPartitionsAssigned(partitions);
                }

                @Override
                public void onPartitionsLost(final java.util.Collection<TopicPartition> partitions) {
                    partitions.forEach(handedOut::remove);
                    listener.onPartitionsLost(partitions);
                }
            };
        }

        /** The offset of the last record of {@code partition} that a poll returned, -1 when none. */
        long lastHandedOut(final TopicPartition partition) {
            return handedOut.getOrDefault(partition, -1L);
        }
    }
}

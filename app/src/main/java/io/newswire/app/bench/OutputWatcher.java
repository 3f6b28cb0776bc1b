package io.newswire.app.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.newswire.schema.DedupDecision;
import io.newswire.schema.serde.AvroSerde;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a run's output topics on its own thread with {@code isolation.level=read_committed}, as a downstream
 * consumer does, from their beginning (they are fresh), and notes when each item (the record key, its id) first came
 * out: as a copy on a route topic, the general topic or the pass-through output; as a dedup decision; as a dead
 * letter. An item is accounted for, as {@code newswire run} counts, once it came out as a copy, as a {@code duplicate}
 * decision or as a dead letter. Only decisions are decoded; nothing else is kept.
 */
final class OutputWatcher implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);

    private final KafkaConsumer<String, byte[]> consumer;
    private final RunNames names;
    private final AvroSerde<DedupDecision> decisions;
    private final Map<String, Long> firstCopyAtMs = new ConcurrentHashMap<>();
    private final Map<String, Long> decisionAtMs = new ConcurrentHashMap<>();
    private final Set<String> accounted = ConcurrentHashMap.newKeySet();
    private final Object progress = new Object();
    private final Thread thread;
    private volatile boolean closing;
    private volatile RuntimeException failure;
    private volatile long firstCopyNanos = -1;
    private volatile long lastAccountedNanos = -1;

    private OutputWatcher(final Properties kafka, final RunNames names, final AvroSerde<DedupDecision> decisions) {
        this.names = names;
        this.decisions = decisions;
        final Properties props = new Properties();
        props.putAll(kafka);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString()
            .toLowerCase(Locale.ROOT));
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, names.applicationId() + "-watcher-" + UUID.randomUUID());
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::readUntilClosed, names.applicationId() + "-watcher");
        this.thread.setDaemon(true);
    }

    /** Starts reading the outputs of {@code names} (which must exist) from their beginning. */
    static OutputWatcher start(final Properties kafka, final RunNames names, final AvroSerde<DedupDecision> decisions) {
        final OutputWatcher watcher = new OutputWatcher(kafka, names, decisions);
        try {
            final List<TopicPartition> partitions = new ArrayList<>();
            for (final String topic : names.outputs()) {
                final List<PartitionInfo> infos = watcher.consumer.partitionsFor(topic, Duration.ofSeconds(30));
                if (infos.isEmpty()) {
                    throw new IllegalStateException("Kafka knows no partitions of " + topic + ", which the bench "
                        + "created: check the broker's log");
                }
                infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            }
            watcher.consumer.assign(partitions);
            watcher.consumer.seekToBeginning(partitions);
        } catch (final RuntimeException e) {
            watcher.consumer.close();
            throw e;
        }
        // From here on only the watcher's thread touches the consumer.
        watcher.thread.start();
        return watcher;
    }

    private void readUntilClosed() {
        try {
            while (!closing) {
                final var records = consumer.poll(POLL);
                final long nowMs = System.currentTimeMillis();
                final long nowNanos = System.nanoTime();
                for (final ConsumerRecord<String, byte[]> record : records) {
                    note(record, nowMs, nowNanos);
                }
                synchronized (progress) {
                    progress.notifyAll();
                }
            }
        } catch (final WakeupException e) {
            // close() woke the poll up: done.
        } catch (final RuntimeException e) {
            failure = e;
        } finally {
            consumer.close(Duration.ofSeconds(5));
            synchronized (progress) {
                progress.notifyAll();
            }
        }
    }

    private void note(final ConsumerRecord<String, byte[]> record, final long nowMs, final long nowNanos) {
        final String id = record.key();
        if (id == null) {
            return;
        }
        switch (names.roleOf(record.topic())) {
            case DECISIONS -> {
                decisionAtMs.putIfAbsent(id, nowMs);
                if ("duplicate".equals(decisions.decode(record.value()).getDecision())) {
                    account(id, nowNanos);
                }
            }
            case DEAD_LETTERS -> account(id, nowNanos);
            default -> {
                if (firstCopyAtMs.putIfAbsent(id, nowMs) == null && firstCopyNanos < 0) {
                    firstCopyNanos = nowNanos;
                }
                account(id, nowNanos);
            }
        }
    }

    private void account(final String id, final long nowNanos) {
        if (accounted.add(id)) {
            lastAccountedNanos = nowNanos;
        }
    }

    /**
     * Waits up to {@code timeout} until at least {@code expected} items are accounted for.
     *
     * @return whether they are
     * @throws IllegalStateException when reading failed
     */
    boolean awaitAccounted(final int expected, final Duration timeout) throws InterruptedException {
        final long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (accounted.size() < expected && failure == null && thread.isAlive()) {
                final long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(progress, left);
            }
        }
        if (failure != null) {
            throw new IllegalStateException("reading the outputs of " + names.applicationId() + " failed: "
                + failure.getMessage(), failure);
        }
        return accounted.size() >= expected;
    }

    int accounted() {
        return accounted.size();
    }

    /** When the last item was accounted for ({@link System#nanoTime}), or -1. */
    long lastAccountedNanos() {
        return lastAccountedNanos;
    }

    /** When the first copy came out ({@link System#nanoTime}), or -1. */
    long firstCopyNanos() {
        return firstCopyNanos;
    }

    /** Item id → when its first copy (route, general or pass-through output) was read, epoch ms. */
    Map<String, Long> firstCopyAtMs() {
        return Map.copyOf(firstCopyAtMs);
    }

    /** Item id → when its dedup decision was read, epoch ms (the whole pipeline only). */
    Map<String, Long> decisionAtMs() {
        return Map.copyOf(decisionAtMs);
    }

    @Override
    public void close() {
        closing = true;
        consumer.wakeup();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

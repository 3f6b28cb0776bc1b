package io.newswire.producer.publish;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

import io.newswire.producer.source.Rejection;
import io.newswire.schema.DeadLetter;
import io.newswire.schema.WireItem;
import io.newswire.schema.config.TopicNames;
import io.newswire.schema.serde.NewswireSerdes;

/**
 * Publishes what the producer read: input wire items and rejections, output records on {@code topics.raw()}
 * (key: item id, value: WireItem) and {@code topics.dlq()} (key: the input's origin, value: DeadLetter, stage
 * "parse"). Counts what Kafka acknowledged and what failed, through the send callbacks, into a {@link PublishSummary}.
 */
public final class WirePublisher implements AutoCloseable {

    /** Originals kept in a dead letter, below the broker's default message.max.bytes of 1 MiB. */
    public static final int DEFAULT_MAX_ORIGINAL_BYTES = 512 * 1024;
    private static final int MAX_FAILURES_KEPT = 20;

    private final Producer<String, WireItem> items;
    private final Producer<String, DeadLetter> deadLetters;
    private final TopicNames topics;
    private final Clock clock;
    private final int maxOriginalBytes;
    private final boolean ownsProducers;
    private final AtomicLong sequence = new AtomicLong();
    private volatile String runId;

    private final AtomicLong filesRead = new AtomicLong();
    private final AtomicLong filesRejected = new AtomicLong();
    private final AtomicLong linesRejected = new AtomicLong();
    private final AtomicLong itemsPublished = new AtomicLong();
    private final AtomicLong itemsFailed = new AtomicLong();
    private final AtomicLong deadLettersFailed = new AtomicLong();
    private final Map<String, LongAdder> rejectsByReason = new ConcurrentHashMap<>();
    private final List<String> failures = new ArrayList<>();

    /** A publisher on the given producers, which the caller owns and closes (tests pass MockProducers). */
    public WirePublisher(final Producer<String, WireItem> items, final Producer<String, DeadLetter> deadLetters,
                         final TopicNames topics) {
        this(items, deadLetters, topics, Clock.systemUTC(), DEFAULT_MAX_ORIGINAL_BYTES, false);
    }

    /**
     * A publisher on the given producers, which the caller owns and closes.
     *
     * @param clock            stamps dead letters' failed_at
     * @param maxOriginalBytes originals above this are cut in dead letters
     */
    public WirePublisher(final Producer<String, WireItem> items, final Producer<String, DeadLetter> deadLetters,
                         final TopicNames topics, final Clock clock, final int maxOriginalBytes) {
        this(items, deadLetters, topics, clock, maxOriginalBytes, false);
    }

    private WirePublisher(final Producer<String, WireItem> items, final Producer<String, DeadLetter> deadLetters,
                          final TopicNames topics, final Clock clock, final int maxOriginalBytes,
                          final boolean ownsProducers) {
        this.items = Objects.requireNonNull(items, "items");
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
        this.topics = Objects.requireNonNull(topics, "topics");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxOriginalBytes = maxOriginalBytes;
        this.ownsProducers = ownsProducers;
    }

    /**
     * A publisher on two real idempotent producers ({@link ProducerSettings}), closed by {@link #close()}.
     *
     * @param overrides producer settings from the user's config, winning over the defaults
     */
    public static WirePublisher connect(final String bootstrapServers, final String clientId, final TopicNames topics,
                                        final Map<String, ?> overrides) {
        final NewswireSerdes serdes = new NewswireSerdes();
        // Distinct client ids: two producers with one id clash in JMX and are told apart in broker logs.
        final Properties itemSettings = ProducerSettings.properties(bootstrapServers, clientId + "-items", overrides);
        final Properties dlqSettings = ProducerSettings.properties(bootstrapServers, clientId + "-dlq", overrides);
        final Producer<String, WireItem> items = ProducerSettings.wireItemProducer(itemSettings, serdes);
        try {
            return new WirePublisher(items, ProducerSettings.deadLetterProducer(dlqSettings, serdes), topics,
                Clock.systemUTC(), DEFAULT_MAX_ORIGINAL_BYTES, true);
        } catch (final RuntimeException e) {
            items.close();
            throw e;
        }
    }

    /**
     * Tags every record sent from now on with a {@link Trace} header {@code <runId>/<sequence>}, so a run can match
     * the pipeline's outputs to its inputs; null stops tagging.
     */
    public void traceAs(final String traceRunId) {
        this.runId = traceRunId;
    }

    private <V> ProducerRecord<String, V> record(final String topic, final String key, final V value) {
        final ProducerRecord<String, V> record = new ProducerRecord<>(topic, key, value);
        final String run = runId;
        if (run != null) {
            Trace.write(record.headers(), Trace.of(run, sequence.incrementAndGet()));
        }
        return record;
    }

    /** Sends {@code item} to the raw topic, keyed by its id; the outcome is counted when Kafka answers. */
    public void publish(final WireItem item) {
        final String id = item.getId();
        final Callback callback = (metadata, exception) -> {
            if (exception == null) {
                itemsPublished.incrementAndGet();
            } else {
                itemsFailed.incrementAndGet();
                remember("item " + id + " (" + item.getOrigin() + ") not published: " + exception);
            }
        };
        try {
            items.send(record(topics.raw(), id, item), callback);
        } catch (final KafkaException e) {
            // send() itself throws for serialization errors; count them like failures the callback reports.
            callback.onCompletion(null, e);
        }
    }

    /** Counts {@code rejection} and sends it to the dead-letter topic, keyed by its origin. */
    public void reject(final Rejection rejection) {
        (rejection.wholeFile() ? filesRejected : linesRejected).incrementAndGet();
        rejectsByReason.computeIfAbsent(rejection.reason().code(), reason -> new LongAdder()).increment();
        final Callback callback = (metadata, exception) -> {
            if (exception != null) {
                deadLettersFailed.incrementAndGet();
                remember("dead letter for " + rejection.origin() + " not published: " + exception);
            }
        };
        try {
            deadLetters.send(record(topics.dlq(), rejection.origin(),
                DeadLetters.of(rejection, clock.instant(), maxOriginalBytes)), callback);
        } catch (final KafkaException e) {
            callback.onCompletion(null, e);
        }
    }

    /** Counts a file that was read into items or rejected lines (a wholly rejected file counts in the rejections). */
    public void countFileRead() {
        filesRead.incrementAndGet();
    }

    /** Waits until Kafka has answered every send so far, and returns the summary then. */
    public PublishSummary flush() {
        items.flush();
        deadLetters.flush();
        return summary();
    }

    /** The summary so far; sends Kafka has not answered yet are in no count. */
    public PublishSummary summary() {
        final Map<String, Long> reasons = new TreeMap<>();
        rejectsByReason.forEach((reason, count) -> reasons.put(reason, count.sum()));
        final List<String> failuresSoFar;
        synchronized (failures) {
            failuresSoFar = List.copyOf(failures);
        }
        return new PublishSummary(filesRead.get(), filesRejected.get(), itemsPublished.get(), itemsFailed.get(),
            linesRejected.get(), deadLettersFailed.get(), reasons, failuresSoFar, List.of());
    }

    /** Closes the producers when this publisher opened them ({@link #connect}); injected ones stay open. */
    @Override
    public void close() {
        if (ownsProducers) {
            try {
                items.close();
            } finally {
                deadLetters.close();
            }
        }
    }

    /** Callbacks run on the producer's I/O thread, hence the lock. */
    private void remember(final String failure) {
        synchronized (failures) {
            if (failures.size() < MAX_FAILURES_KEPT) {
                failures.add(failure);
            }
        }
    }
}

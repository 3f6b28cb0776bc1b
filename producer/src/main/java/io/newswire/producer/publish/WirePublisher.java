package io.newswire.producer.publish;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

import io.newswire.producer.source.RejectReason;
import io.newswire.producer.source.Rejection;
import io.newswire.producer.source.Sizes;
import io.newswire.schema.DeadLetter;
import io.newswire.schema.WireItem;
import io.newswire.schema.config.Limits;
import io.newswire.schema.config.TopicNames;
import io.newswire.schema.header.SentAt;
import io.newswire.schema.serde.NewswireSerdes;

/**
 * Publishes what the producer read: input wire items and rejections, output records on {@code topics.raw()}
 * (key: item id, value: WireItem) and {@code topics.dlq()} (key: the input's origin, value: DeadLetter, stage
 * "parse"). Counts what Kafka acknowledged and what failed, through the send callbacks, into a {@link PublishSummary}.
 * An item Kafka refuses for good (too large, not serializable) is dead-lettered instead, so every item ends up
 * published, rejected or failed.
 */
public final class WirePublisher implements AutoCloseable {

    /**
     * Originals kept in a dead letter: as much as one input item may hold, which leaves room for the rest of the
     * dead letter under the max.message.bytes newswire creates the dead-letter topic with
     * ({@link Limits#MAX_MESSAGE_BYTES}).
     */
    public static final int DEFAULT_MAX_ORIGINAL_BYTES = Math.toIntExact(Limits.MAX_ITEM_BYTES);
    static final int MAX_FAILURES_KEPT = 20;
    /** The line in a .jsonl item's origin, {@code name:line}. */
    private static final Pattern LINE_OF_ORIGIN = Pattern.compile(":(\\d+)$");

    /** An item Kafka refused for good, waiting to be dead-lettered off the producer's I/O thread. */
    private record RefusedItem(WireItem item, String trace, Exception failure, SendTally tally) {
    }

    private final Producer<String, WireItem> items;
    private final Producer<String, DeadLetter> deadLetters;
    private final TopicNames topics;
    private final Clock clock;
    private final int maxOriginalBytes;
    private final boolean ownsProducers;
    private final AtomicLong sequence = new AtomicLong();
    /** This publisher's send clock: the items it publishes keep their order across partitions ({@link SentAt}). */
    private final SentAt sent = new SentAt();
    private volatile String runId;

    private final AtomicLong filesRead = new AtomicLong();
    private final AtomicLong filesRejected = new AtomicLong();
    private final AtomicLong linesRejected = new AtomicLong();
    private final AtomicLong itemsPublished = new AtomicLong();
    private final AtomicLong itemsFailed = new AtomicLong();
    private final AtomicLong itemsRejected = new AtomicLong();
    private final AtomicLong deadLettersFailed = new AtomicLong();
    private final Map<String, LongAdder> rejectsByReason = new ConcurrentHashMap<>();
    /** The latest failures, oldest first. */
    private final Deque<String> failures = new ArrayDeque<>();
    private final Queue<RefusedItem> refusedItems = new ConcurrentLinkedQueue<>();
    /** The tally of sends nobody asked to follow. */
    private final SendTally untracked = new SendTally();

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
        return connect(bootstrapServers, clientId, topics, overrides, new NewswireSerdes());
    }

    /**
     * A publisher on two real idempotent producers whose values {@code serdes} frame (the Confluent wire format in
     * schema registry mode), closed by {@link #close()}.
     *
     * @param overrides producer settings from the user's config, winning over the defaults
     */
    public static WirePublisher connect(final String bootstrapServers, final String clientId, final TopicNames topics,
                                        final Map<String, ?> overrides, final NewswireSerdes serdes) {
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
        final String run = runId;
        return record(topic, key, value, run == null ? null : Trace.of(run, sequence.incrementAndGet()));
    }

    private <V> ProducerRecord<String, V> record(final String topic, final String key, final V value,
                                                        final String trace) {
        final ProducerRecord<String, V> record = new ProducerRecord<>(topic, key, value);
        SentAt.write(record.headers(), sent.next());
        if (trace != null) {
            Trace.write(record.headers(), trace);
        }
        return record;
    }

    /** Sends {@code item} to the raw topic, keyed by its id; the outcome is counted when Kafka answers. */
    public void publish(final WireItem item) {
        publish(item, untracked);
    }

    /**
     * Sends {@code item} to the raw topic, keyed by its id; the outcome is counted when Kafka answers, in the summary
     * and in {@code tally}. An item Kafka refuses for good is dead-lettered at the next publish or flush.
     */
    public void publish(final WireItem item, final SendTally tally) {
        Objects.requireNonNull(tally, "tally");
        deadLetterRefusedItems();
        final String id = item.getId();
        final ProducerRecord<String, WireItem> record = record(topics.raw(), id, item);
        final Callback callback = (metadata, exception) -> {
            if (exception == null) {
                itemsPublished.incrementAndGet();
                tally.published();
            } else if (refusesTheItem(exception)) {
                // Sending from here could block the producer's I/O thread: the reading thread dead-letters it.
                refusedItems.add(new RefusedItem(item, Trace.read(record.headers()), exception, tally));
            } else {
                itemsFailed.incrementAndGet();
                final String failure = "item " + id + " (" + item.getOrigin() + ") not published: " + exception;
                remember(failure);
                tally.failed(failure, exception);
            }
        };
        try {
            items.send(record, callback);
        } catch (final KafkaException e) {
            // send() itself throws for serialization errors; count them like failures the callback reports.
            callback.onCompletion(null, e);
        }
    }

    /** Counts {@code rejection} and sends it to the dead-letter topic, keyed by its origin. */
    public void reject(final Rejection rejection) {
        reject(rejection, untracked);
    }

    /**
     * Counts {@code rejection} and sends it to the dead-letter topic, keyed by its origin; a failure to publish it
     * is counted in the summary and in {@code tally}.
     */
    public void reject(final Rejection rejection, final SendTally tally) {
        Objects.requireNonNull(tally, "tally");
        (rejection.wholeFile() ? filesRejected : linesRejected).incrementAndGet();
        countReason(rejection);
        sendDeadLetter(record(topics.dlq(), rejection.origin(),
            DeadLetters.of(rejection, null, clock.instant(), maxOriginalBytes)), rejection, tally);
    }

    private void sendDeadLetter(final ProducerRecord<String, DeadLetter> record, final Rejection rejection,
                                final SendTally tally) {
        final Callback callback = (metadata, exception) -> {
            if (exception != null) {
                deadLettersFailed.incrementAndGet();
                final String failure = "dead letter for " + rejection.origin() + " not published: " + exception;
                remember(failure);
                tally.failed(failure, exception);
            }
        };
        try {
            deadLetters.send(record, callback);
        } catch (final KafkaException e) {
            callback.onCompletion(null, e);
        }
    }

    private void countReason(final Rejection rejection) {
        rejectsByReason.computeIfAbsent(rejection.reason().code(), reason -> new LongAdder()).increment();
    }

    /** Kafka refuses such an item every time it is sent; anything else is about Kafka, not the item. */
    private static boolean refusesTheItem(final Exception failure) {
        return failure instanceof RecordTooLargeException || failure instanceof SerializationException;
    }

    /** Sends the items Kafka refused to the dead-letter topic, on the caller's thread. */
    private void deadLetterRefusedItems() {
        for (RefusedItem refused = refusedItems.poll(); refused != null; refused = refusedItems.poll()) {
            final Rejection rejection = rejectionOf(refused.item(), refused.failure());
            itemsRejected.incrementAndGet();
            countReason(rejection);
            // The dead letter carries the item's trace: it is that input's one outcome.
            sendDeadLetter(record(topics.dlq(), rejection.origin(), DeadLetters.of(rejection,
                refused.failure().getClass().getName(), clock.instant(), maxOriginalBytes), refused.trace()),
                rejection, refused.tally());
            refused.tally().refused(rejection);
        }
    }

    /** The rejection of an item Kafka refused: its text (title, lead, body) as the original, cut to the limit. */
    private Rejection rejectionOf(final WireItem item, final Exception failure) {
        final byte[] text = itemText(item).getBytes(StandardCharsets.UTF_8);
        final boolean cut = text.length > maxOriginalBytes;
        final byte[] original = cut ? Arrays.copyOf(text, maxOriginalBytes) : text;
        final boolean tooLarge = failure instanceof RecordTooLargeException;
        final String message = (tooLarge
            ? "Kafka refused item " + item.getId() + " as too large (" + failure.getMessage() + "); split the item,"
                + " or raise max.message.bytes of " + topics.raw() + " and the producer's max.request.size"
            : "item " + item.getId() + " cannot be serialized for Kafka (" + failure.getMessage() + "); check its"
                + " fields against the WireItem schema")
            + "; the dead letter keeps the item's text (title, lead and body"
            + (cut ? ", the first " + Sizes.describe(original.length) + " of " + Sizes.describe(text.length) : "")
            + ")";
        final String origin = item.getOrigin() != null ? item.getOrigin() : "item " + item.getId();
        return new Rejection(origin, tooLarge ? RejectReason.TOO_LARGE : RejectReason.UNSERIALIZABLE, message,
            original, null, lineOf(item));
    }

    private static String itemText(final WireItem item) {
        final StringBuilder text = new StringBuilder();
        if (item.getTitle() != null) {
            text.append(item.getTitle());
        }
        if (item.getLead() != null) {
            text.append(text.length() == 0 ? "" : "\n\n").append(item.getLead());
        }
        for (final CharSequence paragraph : item.getBody()) {
            text.append(text.length() == 0 ? "" : "\n\n").append(paragraph);
        }
        return text.toString();
    }

    /** The line of a .jsonl item, so its rejection is one of a line; 0 for the item of a whole .txt file. */
    private static long lineOf(final WireItem item) {
        if (!"jsonl".equals(item.getFormat()) || item.getOrigin() == null) {
            return 0;
        }
        final Matcher line = LINE_OF_ORIGIN.matcher(item.getOrigin());
        return line.find() ? Long.parseLong(line.group(1)) : 0;
    }

    /** Counts a file that was read into items or rejected lines (a wholly rejected file counts in the rejections). */
    public void countFileRead() {
        filesRead.incrementAndGet();
    }

    /**
     * Waits until Kafka has answered every send so far, dead-letters the items it refused, waits for those too, and
     * returns the summary then.
     */
    public PublishSummary flush() {
        items.flush();
        deadLetterRefusedItems();
        deadLetters.flush();
        return summary();
    }

    /** The producers this publisher sends with (items, dead letters), for their client metrics. */
    public java.util.List<Producer<?, ?>> producers() {
        return java.util.List.of(items, deadLetters);
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
            itemsRejected.get(), linesRejected.get(), deadLettersFailed.get(), reasons, failuresSoFar, List.of());
    }

    /**
     * Closes the producers when this publisher opened them ({@link #connect}), dead-lettering the items Kafka
     * refused in between; injected ones stay open.
     */
    @Override
    public void close() {
        if (ownsProducers) {
            try {
                items.close();
                deadLetterRefusedItems();
            } finally {
                deadLetters.close();
            }
        }
    }

    /** Keeps the latest failures, which say best what is wrong now. Callbacks run on the I/O thread, hence the lock. */
    private void remember(final String failure) {
        synchronized (failures) {
            if (failures.size() == MAX_FAILURES_KEPT) {
                failures.removeFirst();
            }
            failures.addLast(failure);
        }
    }
}

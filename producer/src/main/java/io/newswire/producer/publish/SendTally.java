package io.newswire.producer.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TimeoutException;

import io.newswire.producer.source.Rejection;

/**
 * What Kafka answered to one group of sends of a {@link WirePublisher}, e.g. those of one watched file: items
 * published, sends that failed for now (trying again may help), sends refused for good, and items Kafka refused
 * that went to the dead-letter topic instead. The producer's I/O thread records into it, hence thread-safe.
 */
public final class SendTally {

    /** Refusals described in words, enough to tell the user what happened without growing with the input. */
    static final int REFUSALS_KEPT = 5;

    private final Consumer<Rejection> onRefusedItem;
    private final LongAdder itemsPublished = new LongAdder();
    private final LongAdder itemsRefused = new LongAdder();
    private final LongAdder retriableFailures = new LongAdder();
    private final LongAdder permanentFailures = new LongAdder();
    private final AtomicReference<String> lastRetriableFailure = new AtomicReference<>();
    private final List<String> refusals = new ArrayList<>();

    /** A tally that only counts. */
    public SendTally() {
        this(rejection -> {
        });
    }

    /**
     * @param onRefusedItem called with the rejection of each item Kafka refused, once it was sent to the dead-letter
     *                      topic instead; on the thread that called {@link WirePublisher#publish} or
     *                      {@link WirePublisher#flush}, never on the producer's I/O thread
     */
    public SendTally(final Consumer<Rejection> onRefusedItem) {
        this.onRefusedItem = Objects.requireNonNull(onRefusedItem, "onRefusedItem");
    }

    /**
     * Whether a later try may succeed where {@code failure} failed: Kafka's retriable errors (a leader moving, too
     * few in-sync replicas) and timeouts (a broker unreachable), also when wrapped. Anything else (a record too large,
     * an unknown topic name, a missing authorization) fails the same way every time.
     */
    public static boolean retriable(final Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RetriableException || cause instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    void published() {
        itemsPublished.increment();
    }

    void failed(final String description, final Throwable failure) {
        if (retriable(failure)) {
            retriableFailures.increment();
            lastRetriableFailure.set(description);
        } else {
            permanentFailures.increment();
            keepRefusal(description);
        }
    }

    void refused(final Rejection rejection) {
        itemsRefused.increment();
        keepRefusal(rejection.describe() + " (on the dead-letter topic instead)");
        onRefusedItem.accept(rejection);
    }

    private void keepRefusal(final String description) {
        synchronized (refusals) {
            if (refusals.size() < REFUSALS_KEPT) {
                refusals.add(description);
            }
        }
    }

    /** Items Kafka acknowledged. */
    public long itemsPublished() {
        return itemsPublished.sum();
    }

    /** Items Kafka refused for good (too large, not serializable), sent to the dead-letter topic instead. */
    public long itemsRefused() {
        return itemsRefused.sum();
    }

    /** Sends (items or dead letters) that failed in a way a later try may not repeat. */
    public long retriableFailures() {
        return retriableFailures.sum();
    }

    /** Sends (items or dead letters) that failed in a way every try would repeat. */
    public long permanentFailures() {
        return permanentFailures.sum();
    }

    /** The latest retriable failure in words, or null when there was none. */
    public String lastRetriableFailure() {
        return lastRetriableFailure.get();
    }

    /** True when trying again cannot publish everything: an item was refused or a send failed for good. */
    public boolean refusedForGood() {
        return itemsRefused() > 0 || permanentFailures() > 0;
    }

    /** The first permanent failures and refused items, in words (an item counts once it was dead-lettered). */
    public List<String> refusals() {
        synchronized (refusals) {
            return List.copyOf(refusals);
        }
    }
}

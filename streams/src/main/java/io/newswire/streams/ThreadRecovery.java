package io.newswire.streams;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.LongSupplier;

import io.newswire.streams.stage.DeadLetterHandler;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;

/**
 * Decides what to do when a stream thread dies: start a new thread in its place, or stop the instance. A thread that
 * dies of what the cluster did to it — a transaction the broker no longer knows after a restart
 * ({@code InvalidTxnStateException}, seen in BrokerBounceIT), a fenced or timed-out producer — gets a new thread,
 * whose new producer aborts what the old one left open: under exactly-once nothing is committed twice. What a new
 * thread would meet again stops the instance: a refused authorization, a state store that cannot be used (a full
 * disk), anything that is not a Kafka error (a bug), and a cluster error that keeps coming back (more than
 * {@code maxReplacements} in {@code window}), so a supervisor and a person see it instead of a silent loop.
 */
public final class ThreadRecovery {

    private final int maxReplacements;
    private final long windowNanos;
    private final LongSupplier clock;
    private final Deque<Long> replacements = new ArrayDeque<>();

    public ThreadRecovery(final int maxReplacements, final Duration window, final LongSupplier nanoClock) {
        this.maxReplacements = maxReplacements;
        this.windowNanos = window.toNanos();
        this.clock = nanoClock;
    }

    /** Five replacements in ten minutes: a bounce or two of every broker, not a broker that keeps failing. */
    public static ThreadRecovery defaults() {
        return new ThreadRecovery(5, Duration.ofMinutes(10), System::nanoTime);
    }

    /** Whether the thread that died of {@code error} should be replaced (counted against the budget when it is). */
    public synchronized boolean replace(final Throwable error) {
        if (!isClusterError(error)) {
            return false;
        }
        final long now = clock.getAsLong();
        while (!replacements.isEmpty() && now - replacements.peekFirst() > windowNanos) {
            replacements.removeFirst();
        }
        if (replacements.size() >= maxReplacements) {
            return false;
        }
        replacements.addLast(now);
        return true;
    }

    /** A Kafka client error that a new thread with a new producer and consumer does not meet again. */
    static boolean isClusterError(final Throwable error) {
        if (DeadLetterHandler.isStoreFailure(error)) {
            return false;
        }
        boolean kafka = false;
        final Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = error; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof AuthorizationException || cause instanceof AuthenticationException) {
                return false;
            }
            if (cause instanceof KafkaException && !(cause instanceof org.apache.kafka.streams.errors.StreamsException)) {
                kafka = true;
            }
        }
        return kafka;
    }
}

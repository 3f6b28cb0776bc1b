package io.newswire.streams;

import org.apache.kafka.common.TopicPartition;

/**
 * Up to when a stream thread has read, and its task processed, all there is of an input partition: what an idle task
 * needs to know before it tells the dedup index that its partition has nothing earlier on the way. A task that
 * processed nothing for a tick while its partition has a backlog, on the broker or in the task's buffer, must not
 * say so.
 */
@FunctionalInterface
public interface CaughtUp {

    /** Returned when a partition cannot be said to be caught up. */
    long UNKNOWN = Long.MIN_VALUE;

    /**
     * For the TopologyTestDriver, which processes everything piped in at once: every partition is always caught up,
     * now. A KafkaStreams instance needs its consumers' and the broker's view ({@link LagAwareClients}).
     */
    CaughtUp ALWAYS = (partition, processedOffset, now) -> now;

    /**
     * Called on a stream thread: the time (ms since the epoch, at most {@code now}) as of which every record of
     * {@code partition} appended before it has been processed by the task, or {@link #UNKNOWN}.
     *
     * @param processedOffset the offset of the last record of {@code partition} the task processed, -1 when none
     * @param now             the wall-clock time of the call
     */
    long caughtUpAt(TopicPartition partition, long processedOffset, long now);
}

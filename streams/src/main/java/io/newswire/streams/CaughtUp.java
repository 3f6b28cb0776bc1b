package io.newswire.streams;

import org.apache.kafka.common.TopicPartition;

/**
 * Whether the stream thread that calls it has read all there is of an input partition, as its consumer last heard
 * from the broker, and the task has processed all it fetched: what an idle task needs to know before it tells the dedup
 * index that its partition has nothing earlier on the way. A task that processed nothing for a tick while its
 * partition has a backlog, on the broker or in the task's buffer, must not say so.
 */
@FunctionalInterface
public interface CaughtUp {

    /**
     * For the TopologyTestDriver, which processes everything piped in at once: every partition is always caught up.
     * A KafkaStreams instance needs its consumers' view ({@link LagAwareClients}).
     */
    CaughtUp ALWAYS = (partition, processedOffset) -> true;

    /**
     * Called on a stream thread: whether that thread's consumer has no lag on {@code partition} and the task has
     * processed every record the consumer fetched of it.
     *
     * @param processedOffset the offset of the last record of {@code partition} the task processed, -1 when none
     */
    boolean test(TopicPartition partition, long processedOffset);
}

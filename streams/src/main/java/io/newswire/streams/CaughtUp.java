package io.newswire.streams;

import org.apache.kafka.common.TopicPartition;

/**
 * Whether the stream thread that calls it has read all there is of an input partition, as its consumer last heard
 * from the broker: what an idle task needs to know before it tells the dedup index that its partition has nothing
 * earlier on the way. A task whose buffer happens to be empty while its partition has a backlog must not say so.
 */
@FunctionalInterface
public interface CaughtUp {

    /**
     * For the TopologyTestDriver, which processes everything piped in at once: every partition is always caught up.
     * A KafkaStreams instance needs its consumers' view ({@link LagAwareClients}).
     */
    CaughtUp ALWAYS = partition -> true;

    /** Called on a stream thread: whether that thread's consumer has no lag on {@code partition}. */
    boolean test(TopicPartition partition);
}

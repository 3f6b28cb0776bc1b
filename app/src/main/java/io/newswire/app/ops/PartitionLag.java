package io.newswire.app.ops;

import org.apache.kafka.common.TopicPartition;

/**
 * One consumer group's lag on one partition, read at {@code readAt}.
 *
 * @param group            the consumer group (the pipeline's application id, or a downstream group)
 * @param stage            what the partition is in the pipeline's flow: {@code input}, {@code dedup-requests}, or
 *                         {@code output <topic>}
 * @param partition        the topic partition
 * @param topicId          the topic's id: a topic deleted and created again under the same name has another
 * @param committed        the group's committed offset, -1 when it has none
 * @param logEnd           the partition's log end offset
 * @param lastStable       its last stable offset (what read_committed consumers can reach)
 * @param lagRecords       records the group has not consumed: from its first unconsumed record to the last stable
 *                         offset; 0 when only transaction markers or aborted records lie ahead
 * @param firstUnconsumed  the timestamp of the first record the group has not consumed, -1 when none
 * @param lagSeconds       {@code readAt} minus that timestamp, in seconds; 0 without lag
 * @param groupActive      whether the group had members when read
 * @param readAt           when the figures were read (ms since the epoch)
 */
public record PartitionLag(String group, String stage, TopicPartition partition, String topicId, long committed,
                           long logEnd, long lastStable, long lagRecords, long firstUnconsumed, double lagSeconds,
                           boolean groupActive, long readAt) {

    /** The key a partition's history is kept under: group, partition and topic id. */
    public String historyKey() {
        return group + "|" + partition + "|" + topicId;
    }
}

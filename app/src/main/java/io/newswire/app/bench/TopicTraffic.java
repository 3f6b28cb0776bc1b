package io.newswire.app.bench;

/**
 * What one run wrote to one topic.
 *
 * @param topic       the topic
 * @param role        what the topic is to the run
 * @param offsets     end offset minus the offset at the start of the run, over all partitions: data records and
 *                    transaction markers (every commit of a transaction writes one marker per partition it wrote)
 * @param dataRecords records read with read_uncommitted over that range (aborted ones included)
 * @param dataBytes   their key + value + header bytes, uncompressed
 * @param diskBytes   the topic's size in the brokers' log directories after the run (all replicas, compressed
 *                    batches, markers included), or -1 when the cluster would not tell
 */
public record TopicTraffic(String topic, RunNames.Role role, long offsets, long dataRecords, long dataBytes,
                           long diskBytes) {

    /** Offsets that are not data records: transaction markers. */
    public long markers() {
        return offsets - dataRecords;
    }
}

package io.newswire.app.pipeline;

import java.util.List;

/**
 * The figures of a {@link DeliveryVerifier} check. Counts of -1 could not be checked (they need the broker's log
 * directory).
 *
 * @param inputs              distinct input items (on news.raw, or dead-lettered by the producer)
 * @param lost                inputs that came out nowhere
 * @param duplicated          inputs that came out twice in a topic, or as two outcomes
 * @param abortedVisible      records a read_committed reader was shown although their transaction was aborted
 * @param openTxnPartitions   output and internal partitions whose last stable offset stays behind their end
 * @param outOfOrder          records of a key that came out before an earlier input of the same key
 * @param abortedRecords      output records only a read_uncommitted reader sees (written, then aborted)
 * @param abortedTransactions transactions aborted on the output and internal partitions
 * @param examples            a few of the broken promises, to start looking from
 */
public record DeliveryReport(long inputs, long lost, long duplicated, long abortedVisible, long openTxnPartitions,
                             long outOfOrder, long abortedRecords, long abortedTransactions, List<String> examples) {

    /** Whether every promise holds. */
    public boolean holds() {
        return lost == 0 && duplicated == 0 && abortedVisible <= 0 && openTxnPartitions == 0 && outOfOrder == 0;
    }

    /** The one-line summary: {@code inputs=2000 lost=0 duplicated=0 aborted_visible=0 open_txn_partitions=0 …}. */
    public String line() {
        return "inputs=" + inputs + " lost=" + lost + " duplicated=" + duplicated + " aborted_visible="
            + known(abortedVisible) + " open_txn_partitions=" + openTxnPartitions + " out_of_order=" + outOfOrder
            + " aborted_records=" + abortedRecords + " aborted_txns=" + known(abortedTransactions);
    }

    private static String known(final long count) {
        return count < 0 ? "n/a" : Long.toString(count);
    }
}

package io.newswire.app.bench;

import java.util.Arrays;
import java.util.Collection;

/**
 * The latencies of a run's items, in milliseconds: how many, the median, the 99th percentile (nearest rank) and
 * the largest.
 */
public record LatencySummary(int count, long p50, long p99, long max) {

    /** The summary of no latencies: a count of 0 and -1 elsewhere. */
    public static final LatencySummary NONE = new LatencySummary(0, -1, -1, -1);

    public static LatencySummary of(final Collection<Long> latenciesMs) {
        if (latenciesMs.isEmpty()) {
            return NONE;
        }
        final long[] sorted = latenciesMs.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new LatencySummary(sorted.length, rank(sorted, 0.50), rank(sorted, 0.99), sorted[sorted.length - 1]);
    }

    /** The smallest value with at least {@code quantile} of the values at or below it. */
    private static long rank(final long[] sorted, final double quantile) {
        final int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** "p50 / p99 / max" in ms, or "n/a". */
    public String describe() {
        return count == 0 ? "n/a" : p50 + " / " + p99 + " / " + max;
    }
}

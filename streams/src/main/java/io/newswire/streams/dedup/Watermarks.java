package io.newswire.streams.dedup;

import java.util.Map;
import java.util.TreeMap;

/**
 * How far each partition of news.raw has come, as the dedup index has heard: the greatest event time of its items and
 * the wall-clock times of its idle heartbeats. An item can be decided once every partition has come past its event
 * time plus the grace: by then every earlier item has arrived, unless it was later than the grace. Not thread-safe.
 */
final class Watermarks {

    /** A partition not heard from yet: nothing is decided until it reports. */
    static final long UNKNOWN = Long.MIN_VALUE;

    private final Map<Integer, Long> marks = new TreeMap<>();

    /** @param partitions the partitions of news.raw, which must all report before anything is decided */
    Watermarks(final int partitions) {
        for (int partition = 0; partition < partitions; partition++) {
            marks.put(partition, UNKNOWN);
        }
    }

    /** The watermark of {@code partition}; {@link #UNKNOWN} before it reported. */
    long of(final int partition) {
        return marks.getOrDefault(partition, UNKNOWN);
    }

    /**
     * Moves the partition's watermark to {@code time} if that is later (a partition outside the expected ones becomes
     * expected: news.raw gained partitions).
     *
     * @return whether it moved
     */
    boolean advance(final int partition, final long time) {
        final Long now = marks.get(partition);
        if (now != null && now >= time) {
            return false;
        }
        marks.put(partition, time);
        return true;
    }

    /** The least watermark of all partitions: every partition has come at least this far. */
    long low() {
        long low = Long.MAX_VALUE;
        for (final long mark : marks.values()) {
            low = Math.min(low, mark);
        }
        return marks.isEmpty() ? UNKNOWN : low;
    }

    /** The greatest watermark of the partitions that reported ({@link #UNKNOWN} when none did). */
    long high() {
        long high = UNKNOWN;
        for (final long mark : marks.values()) {
            high = Math.max(high, mark);
        }
        return high;
    }

    /** The partitions and their watermarks, in partition order. */
    Map<Integer, Long> all() {
        return new TreeMap<>(marks);
    }
}

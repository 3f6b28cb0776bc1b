package io.newswire.app.bench;

import java.util.Arrays;

/**
 * The truth of a lag benchmark: the timestamps of the records produced to one partition on a virtual clock, and the
 * committed offset of a simulated consumer group that reads them in order. The true lag at a time is that time minus
 * the timestamp of the first record the group has not consumed, 0 when it has consumed everything produced.
 */
public final class SimulatedPartition {

    private long[] timestamps = new long[4096];
    private int end;
    private long committed;

    /**
     * Appends {@code count} records with timestamps spread evenly over the second that starts at {@code secondStart}
     * (ms): {@code secondStart + i * 1000 / count}.
     *
     * @return their timestamps, in offset order
     */
    public long[] produce(final long secondStart, final int count) {
        if (end + count > timestamps.length) {
            timestamps = Arrays.copyOf(timestamps, Math.max(timestamps.length * 2, end + count));
        }
        final long[] produced = new long[count];
        for (int i = 0; i < count; i++) {
            produced[i] = secondStart + (long) i * 1000 / count;
            timestamps[end + i] = produced[i];
        }
        end += count;
        return produced;
    }

    /**
     * The group consumes, in offset order, at most {@code capacity} records, none whose timestamp is after
     * {@code availableUntil} (ms): it never reads past what was produced, nor what it cannot have fetched yet.
     */
    public void consume(final long availableUntil, final int capacity) {
        int taken = 0;
        while (committed < end && taken < capacity && timestamps[(int) committed] <= availableUntil) {
            committed++;
            taken++;
        }
    }

    /** Moves the group's committed offset, as a reset of its offsets does. */
    public void resetTo(final long offset) {
        if (offset < 0 || offset > end) {
            throw new IllegalArgumentException("offset " + offset + " is outside the partition [0, " + end + "]");
        }
        committed = offset;
    }

    /** The true lag at {@code now} (ms), in seconds: now minus the first unconsumed record's timestamp, or 0. */
    public double trueLagSeconds(final long now) {
        return committed >= end ? 0.0 : (now - timestamps[(int) committed]) / 1000.0;
    }

    /** The timestamp of the record at {@code offset}. */
    public long timestamp(final long offset) {
        if (offset < 0 || offset >= end) {
            throw new IllegalArgumentException("no record at offset " + offset + " (log end " + end + ")");
        }
        return timestamps[(int) offset];
    }

    /** The log end offset: how many records were produced. */
    public long end() {
        return end;
    }

    public long committed() {
        return committed;
    }
}

package io.newswire.app.ops;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Keeps each partition's recent lag readings (by group, partition and topic id, so a topic created again starts a
 * fresh history) and judges its {@link LagStatus} over a time window, plus its consume rate and the time it would
 * take to catch up at that rate. WARN and STALL need waiting records above both thresholds (records and the age of
 * the oldest); STOP (a group without members) needs the records only, so a stopped pipeline shows at the next
 * reading. An idle pipeline, or a lag of transaction markers only (which {@link LagReader} does not count), never
 * alerts.
 */
public final class LagJudge {

    private final Duration window;
    private final long recordThreshold;
    private final Duration secondsThreshold;
    private final Map<String, Deque<PartitionLag>> histories = new HashMap<>();

    /**
     * @param window           how far back a status looks; several refresh intervals
     * @param recordThreshold  records waiting from which a partition may be WARN, STALL or STOP
     * @param secondsThreshold age of the oldest waiting record from which it may
     */
    public LagJudge(final Duration window, final long recordThreshold, final Duration secondsThreshold) {
        this.window = window;
        this.recordThreshold = recordThreshold;
        this.secondsThreshold = secondsThreshold;
    }

    /**
     * A partition's reading, judged with what came before it within the window: the consume rate (records a second
     * over the window; NaN from a first reading) and the seconds to catch up at that rate (infinite when it does not
     * consume, NaN when the rate is not known yet).
     */
    public record Judged(PartitionLag lag, LagStatus status, double consumedPerSecond, double secondsToCatchUp) {
    }

    /** Adds {@code lag} to its partition's history and judges it. */
    public Judged judge(final PartitionLag lag) {
        final Deque<PartitionLag> history = histories.computeIfAbsent(lag.historyKey(), key -> new ArrayDeque<>());
        history.addLast(lag);
        final long horizon = lag.readAt() - window.toMillis();
        // Keep one reading at or before the window's start, so a window's span can be told complete.
        while (history.size() > 2) {
            final Iterator<PartitionLag> oldest = history.iterator();
            oldest.next();
            if (oldest.next().readAt() <= horizon) {
                history.removeFirst();
            } else {
                break;
            }
        }
        final PartitionLag first = history.getFirst();
        final double span = (lag.readAt() - first.readAt()) / 1000.0;
        final double rate = span <= 0 ? Double.NaN
            : lag.committed() >= first.committed() && first.committed() >= 0
            ? (lag.committed() - first.committed()) / span : 0.0;
        final double eta = lag.lagRecords() == 0 ? 0.0 : Double.isNaN(rate) ? Double.NaN
            : rate > 0 ? lag.lagRecords() / rate : Double.POSITIVE_INFINITY;
        return new Judged(lag, statusOf(history, lag, first), rate, eta);
    }

    private LagStatus statusOf(final Deque<PartitionLag> history, final PartitionLag last, final PartitionLag first) {
        PartitionLag previous = null;
        for (final PartitionLag reading : history) {
            if (previous != null && reading.committed() < previous.committed()) {
                return LagStatus.REWIND;
            }
            previous = reading;
        }
        final boolean recordsWait = last.lagRecords() >= Math.max(1, recordThreshold);
        // Nobody consuming is no transient: STOP does not wait for the oldest record to age past the threshold.
        if (recordsWait && !last.groupActive()) {
            return LagStatus.STOP;
        }
        if (!recordsWait || last.lagSeconds() < secondsThreshold.toMillis() / 1000.0) {
            return LagStatus.OK;
        }
        final boolean wholeWindow = last.readAt() - first.readAt() >= window.toMillis();
        if (!wholeWindow) {
            return LagStatus.OK;
        }
        if (first.committed() == last.committed()) {
            return LagStatus.STALL;
        }
        previous = null;
        for (final PartitionLag reading : history) {
            if (previous != null && reading.lagRecords() < previous.lagRecords()) {
                return LagStatus.OK;
            }
            previous = reading;
        }
        return last.lagRecords() > first.lagRecords() ? LagStatus.WARN : LagStatus.OK;
    }
}

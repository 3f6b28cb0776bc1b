package io.newswire.app.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * kafka-lag-exporter's lag in seconds for one partition, re-implemented from its {@code LookupTable} and
 * {@code ConsumerGroupCollector} (seglo/kafka-lag-exporter, Scala, archived) so that newswire's measured lag can be
 * compared with it: at each poll the partition's log end offset and the poll time are added to a table of at most
 * {@link #DEFAULT_LIMIT} points, and a group's committed offset is turned into a time by interpolating (or
 * extrapolating) along that table; the lag is the poll time minus that time.
 *
 * <p>Faithful on purpose, oddities included: a table whose points all have the same offset gives a division by zero,
 * hence NaN or an infinite lag, as the original does; a negative lag is not clamped.
 */
public final class ExporterLagEstimate {

    /** kafka-lag-exporter's default {@code lookup-table-size}. */
    public static final int DEFAULT_LIMIT = 60;
    /** kafka-lag-exporter's default {@code poll-interval}. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(30);

    private final int limit;
    private final List<Point> points = new ArrayList<>();

    /** A partition's log end offset at a poll, and the poll's time in ms. */
    public record Point(long offset, long time) {
    }

    /** What a lookup gives: no lag, too few points to tell, or a predicted time. */
    public sealed interface Result {
    }

    /** The offset looked up is the table's last offset: the group has read everything. */
    public record LagIsZero() implements Result {
    }

    /** Fewer than two points: nothing to interpolate along. */
    public record TooFewPoints() implements Result {
    }

    /**
     * The time (ms, fractional) at which the log end is estimated to have reached the offset looked up.
     *
     * @param extrapolated whether the offset lay outside every pair of adjacent points (the oldest and newest point
     *                     were used)
     */
    public record Prediction(double time, boolean extrapolated) implements Result {
    }

    public ExporterLagEstimate() {
        this(DEFAULT_LIMIT);
    }

    public ExporterLagEstimate(final int limit) {
        if (limit < 2) {
            throw new IllegalArgumentException("a lookup table needs room for at least 2 points, was " + limit);
        }
        this.limit = limit;
    }

    /**
     * Adds a poll's point. Ignored when not later than the last point or when its offset went back; a third point on
     * a flat line replaces the second (the flat segment is stretched, not repeated); the oldest point goes when the
     * table is full.
     */
    public void addPoint(final Point point) {
        if (!points.isEmpty()) {
            final Point last = points.get(points.size() - 1);
            if (last.time() >= point.time() || last.offset() > point.offset()) {
                return;
            }
            if (last.offset() == point.offset() && points.size() > 1
                && points.get(points.size() - 2).offset() == point.offset()) {
                points.set(points.size() - 1, point);
                return;
            }
        }
        if (points.size() == limit) {
            points.remove(0);
        }
        points.add(point);
    }

    /** The time at which the log end reached {@code offset}, as the table tells it. */
    public Result lookup(final long offset) {
        if (!points.isEmpty() && offset == points.get(points.size() - 1).offset()) {
            return new LagIsZero();
        }
        if (points.size() < 2) {
            return new TooFewPoints();
        }
        Point left = null;
        Point right = null;
        // The most recent pair that holds the offset.
        for (int index = points.size() - 1; index > 0 && left == null; index--) {
            final Point candidateRight = points.get(index);
            final Point candidateLeft = points.get(index - 1);
            if (offset >= candidateLeft.offset() && offset <= candidateRight.offset()) {
                left = candidateLeft;
                right = candidateRight;
            }
        }
        final boolean extrapolated = left == null;
        if (extrapolated) {
            left = points.get(0);
            right = points.get(points.size() - 1);
        }
        final double dx = right.time() - left.time();
        final double dy = right.offset() - left.offset();
        final double offsetsToRight = right.offset() - offset;
        // Same operations in the same order as the original: 0 * dx / 0 is NaN, n * dx / 0 infinite.
        return new Prediction(right.time() - offsetsToRight * dx / dy, extrapolated);
    }

    /**
     * The lag in seconds the exporter reports for a group that committed {@code groupOffset}, read at
     * {@code pollTime}: 0 for {@link LagIsZero}, NaN for {@link TooFewPoints}.
     */
    public double lagSeconds(final long groupOffset, final long pollTime) {
        final Result result = lookup(groupOffset);
        if (result instanceof Prediction prediction) {
            return (pollTime - prediction.time()) / 1000;
        }
        return result instanceof LagIsZero ? 0.0 : Double.NaN;
    }

    /**
     * One poll as the exporter does it: the partition's point is added first, then the group's offset, read at the
     * same poll, is looked up.
     */
    public double poll(final long logEnd, final long groupOffset, final long pollTime) {
        addPoint(new Point(logEnd, pollTime));
        return lagSeconds(groupOffset, pollTime);
    }

    /** The table's points, oldest first. */
    public List<Point> points() {
        return List.copyOf(points);
    }
}

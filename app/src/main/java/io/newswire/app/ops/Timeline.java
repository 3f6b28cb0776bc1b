package io.newswire.app.ops;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last {@code span} of a few figures, one point per lag reading, kept in memory for the status page's charts
 * (at the 2 s refresh, 30 minutes are 900 points a series). Thread-safe.
 */
public final class Timeline {

    /** One reading of one figure. */
    public record Point(long at, double value) {
    }

    private final long spanMillis;
    private final Map<String, Deque<Point>> series = new LinkedHashMap<>();

    public Timeline(final java.time.Duration span) {
        this.spanMillis = span.toMillis();
    }

    /** Adds a point to {@code key}'s series and forgets what fell out of the span. */
    public synchronized void add(final String key, final long at, final double value) {
        final Deque<Point> points = series.computeIfAbsent(key, k -> new ArrayDeque<>());
        points.addLast(new Point(at, value));
        while (!points.isEmpty() && points.getFirst().at() < at - spanMillis) {
            points.removeFirst();
        }
    }

    /** Forgets the series whose last point is older than the span before {@code now}. */
    public synchronized void sweep(final long now) {
        series.values().removeIf(points -> points.isEmpty() || points.getLast().at() < now - spanMillis);
    }

    /** The points of {@code key}, oldest first; empty when none. */
    public synchronized List<Point> points(final String key) {
        final Deque<Point> points = series.get(key);
        return points == null ? List.of() : new ArrayList<>(points);
    }

    public long spanMillis() {
        return spanMillis;
    }
}

package io.newswire.app.bench;

import java.util.Map;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * What the near-duplicate stage's own metrics (group {@code newswire-dedup}) said at the end of a run: whether the
 * grace covered how late items came, and how far apart the partitions of news.raw ran.
 *
 * @param lateRecords    items that came more than the grace behind their news.raw partition (its greatest timestamp
 *                       or idle heartbeat before them)
 * @param latenessMaxMs  the most an item came behind its partition, ms, over the last sample window (about a minute)
 * @param skewMaxMs      the most the partitions' watermarks were apart at the index, ms, over the same window
 * @param lateItems      items that reached the index after their partition had passed their event time plus grace
 */
public record DedupHealth(long lateRecords, double latenessMaxMs, double skewMaxMs, long lateItems) {

    public static final DedupHealth NONE = new DedupHealth(-1, -1, -1, -1);
    private static final String GROUP = "newswire-dedup";

    /** The figures in {@code metrics} (of one KafkaStreams instance); {@link #NONE} when it has no dedup stage. */
    public static DedupHealth of(final Map<MetricName, ? extends Metric> metrics) {
        if (metrics.keySet().stream().noneMatch(name -> GROUP.equals(name.group()))) {
            return NONE;
        }
        return new DedupHealth((long) sum(metrics, "late-records-total"), max(metrics, "record-lateness-max"),
            max(metrics, "partition-skew-max"), (long) sum(metrics, "late-items-total"));
    }

    public boolean measured() {
        return lateRecords >= 0;
    }

    private static double sum(final Map<MetricName, ? extends Metric> metrics, final String name) {
        return values(metrics, name).sum();
    }

    private static double max(final Map<MetricName, ? extends Metric> metrics, final String name) {
        return values(metrics, name).max().orElse(0);
    }

    private static java.util.stream.DoubleStream values(final Map<MetricName, ? extends Metric> metrics,
                                                        final String name) {
        return metrics.entrySet().stream()
            .filter(entry -> GROUP.equals(entry.getKey().group()) && name.equals(entry.getKey().name()))
            .map(entry -> entry.getValue().metricValue())
            .filter(value -> value instanceof Number number && Double.isFinite(number.doubleValue()))
            .mapToDouble(value -> ((Number) value).doubleValue());
    }
}

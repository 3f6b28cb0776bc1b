package io.newswire.streams.dedup;

import java.util.Map;

import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Avg;
import org.apache.kafka.common.metrics.stats.CumulativeCount;
import org.apache.kafka.common.metrics.stats.Max;
import org.apache.kafka.common.metrics.stats.Value;
import org.apache.kafka.streams.StreamsMetrics;

/**
 * The near-duplicate stage's own metrics, beside Kafka Streams' (group {@value #GROUP}; JMX
 * {@code kafka.streams:type=newswire-dedup}; {@code KafkaStreams#metrics()}): how late items reach it, how far the
 * partitions of news.raw are apart, and how many items came later than the grace — the ones whose decisions a replay
 * may not repeat. They tell whether {@code newswire.dedup.grace} suits the producers.
 */
final class DedupMetrics {

    static final String GROUP = "newswire-dedup";
    /** Per news.raw partition: how far behind its partition's watermark an item arrived, ms (avg and max). */
    static final String RECORD_LATENESS = "record-lateness";
    /** Per news.raw partition: items that arrived more than the grace behind their partition's watermark. */
    static final String LATE_RECORDS = "late-records-total";
    /** The index: how far apart the partitions' watermarks are, ms (avg and max), sampled at each item. */
    static final String PARTITION_SKEW = "partition-skew";
    /** The index: items that reached it after their partition had passed their event time plus the grace. */
    static final String LATE_ITEMS = "late-items-total";
    /** The index: items waiting for their decision. */
    static final String WAITING = "items-waiting";

    private DedupMetrics() {
    }

    /** A sensor of a value in ms, with its average and maximum over Kafka's sample window (about a minute). */
    static Sensor avgMax(final StreamsMetrics metrics, final String name, final String description,
                         final Map<String, String> tags) {
        final Sensor sensor = metrics.addSensor(GROUP + "." + name + "." + tags, Sensor.RecordingLevel.INFO);
        sensor.add(new MetricName(name + "-avg", GROUP, "average " + description, tags), new Avg());
        sensor.add(new MetricName(name + "-max", GROUP, "maximum " + description, tags), new Max());
        return sensor;
    }

    /** A sensor counting events since the start. */
    static Sensor count(final StreamsMetrics metrics, final String name, final String description,
                        final Map<String, String> tags) {
        final Sensor sensor = metrics.addSensor(GROUP + "." + name + "." + tags, Sensor.RecordingLevel.INFO);
        sensor.add(new MetricName(name, GROUP, description, tags), new CumulativeCount());
        return sensor;
    }

    /** A sensor holding the last value recorded. */
    static Sensor value(final StreamsMetrics metrics, final String name, final String description,
                        final Map<String, String> tags) {
        final Sensor sensor = metrics.addSensor(GROUP + "." + name + "." + tags, Sensor.RecordingLevel.INFO);
        sensor.add(new MetricName(name, GROUP, description, tags), new Value());
        return sensor;
    }
}

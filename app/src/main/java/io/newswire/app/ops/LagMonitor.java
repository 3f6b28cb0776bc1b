package io.newswire.app.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

import io.newswire.streams.PipelineConfig;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the lag in the background every {@code refresh} ({@link LagReader}), judges it ({@link LagJudge}) and keeps
 * the last reading, so that scrapes, {@code /lag}, {@code /health/ready} and {@code /status} never call Kafka. Also
 * keeps 30 minutes of each stage's lag and of each topic's append rate ({@link Timeline}) for the status page.
 *
 * <p>A reading that fails keeps the previous figures, marks every group ERROR and is retried at the next refresh.
 */
public final class LagMonitor implements AutoCloseable {

    /** How long the status page's charts look back. */
    public static final Duration HISTORY = Duration.ofMinutes(30);

    private static final Logger LOG = LoggerFactory.getLogger(LagMonitor.class);

    /**
     * One reading, judged.
     *
     * @param readAt      when it was read (ms since the epoch), 0 before the first reading
     * @param rows        each group's partitions, judged
     * @param logEnds     the log end offset of every partition of news.raw and the output topics
     * @param error       why the last reading failed, null when it did not
     * @param readMillis  how long the reading took
     */
    public record Snapshot(long readAt, List<LagJudge.Judged> rows, Map<TopicPartition, Long> logEnds, String error,
                           long readMillis) {

        static final Snapshot NONE = new Snapshot(0, List.of(), Map.of(), null, 0);

        /** The worst status of each group, in order of appearance. */
        public Map<String, LagStatus> groupStatuses() {
            final Map<String, LagStatus> groups = new LinkedHashMap<>();
            rows.forEach(row -> groups.merge(row.lag().group(), row.status(), StageLag::worse));
            return groups;
        }
    }

    private final Supplier<LagReader> readers;
    private final PipelineConfig config;
    private final OpsSettings settings;
    private final List<String> groups;
    private final LagJudge judge;
    private final Timeline timeline = new Timeline(HISTORY);
    private final AtomicLong readErrors = new AtomicLong();
    private final Map<String, Long> previousTopicEnds = new HashMap<>();
    private final ScheduledExecutorService scheduler;
    private volatile Snapshot snapshot = Snapshot.NONE;
    private volatile Runnable afterReading = () -> { };
    private LagReader reader;
    private long previousEndsAt;
    private String lastLoggedError;

    /**
     * @param readers makes the lag reader on the monitor's thread at its first reading (Kafka may not be up before)
     * @param groups  consumer groups to report besides the pipeline's and the readers of its output topics
     */
    public LagMonitor(final Supplier<LagReader> readers, final PipelineConfig config, final OpsSettings settings,
                      final List<String> groups) {
        this.readers = readers;
        this.config = config;
        this.settings = settings;
        this.groups = List.copyOf(groups);
        this.judge = settings.judge();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            final Thread thread = new Thread(runnable, "newswire-lag-monitor");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Reads now, then every refresh interval, on the monitor's own thread, running {@code then} after each reading
     * (successful or not).
     */
    public LagMonitor start(final Runnable then) {
        afterReading = then;
        scheduler.scheduleWithFixedDelay(() -> {
            refresh();
            try {
                afterReading.run();
            } catch (final RuntimeException e) {
                LOG.warn("after the lag reading: {}", e.toString());
            }
        }, 0, settings.refresh().toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** The last reading ({@link Snapshot#NONE}'s empty one before the first). */
    public Snapshot snapshot() {
        return snapshot;
    }

    public Timeline timeline() {
        return timeline;
    }

    public OpsSettings settings() {
        return settings;
    }

    public PipelineConfig config() {
        return config;
    }

    /** Reads, judges and publishes one snapshot; called by the monitor's thread (and by tests). */
    void refresh() {
        final long started = System.nanoTime();
        final long now = System.currentTimeMillis();
        try {
            if (reader == null) {
                reader = readers.get();
            }
            final List<LagJudge.Judged> judged = new ArrayList<>();
            for (final PartitionLag lag : reader.read(groups, now)) {
                judged.add(judge.judge(lag));
            }
            final Map<TopicPartition, Long> ends = reader.lastLogEnds();
            final Snapshot read = new Snapshot(now, List.copyOf(judged), Map.copyOf(ends), null,
                (System.nanoTime() - started) / 1_000_000);
            record(read);
            snapshot = read;
            if (lastLoggedError != null) {
                LOG.info("lag readable again");
                lastLoggedError = null;
            }
        } catch (final RuntimeException e) {
            readErrors.incrementAndGet();
            final String message = e.getMessage() == null ? e.toString() : e.getMessage();
            if (!message.equals(lastLoggedError)) {
                LOG.warn("lag not read: {} (retrying every {} ms)", message, settings.refresh().toMillis());
                lastLoggedError = message;
            }
            final Snapshot previous = snapshot;
            final List<LagJudge.Judged> failed = new ArrayList<>();
            previous.rows().forEach(row -> failed.add(new LagJudge.Judged(row.lag(), LagStatus.ERROR,
                row.consumedPerSecond(), row.secondsToCatchUp())));
            snapshot = new Snapshot(now, List.copyOf(failed), previous.logEnds(), message,
                (System.nanoTime() - started) / 1_000_000);
        }
    }

    private void record(final Snapshot read) {
        for (final StageLag stage : StageLag.of(read.rows(), config)) {
            timeline.add("lag_records|" + stage.key(), read.readAt(), stage.lagRecords());
            timeline.add("lag_seconds|" + stage.key(), read.readAt(), stage.lagSeconds());
        }
        final Map<String, Long> topicEnds = new HashMap<>();
        read.logEnds().forEach((partition, end) -> topicEnds.merge(partition.topic(), end, Long::sum));
        if (previousEndsAt > 0 && read.readAt() > previousEndsAt) {
            final double span = (read.readAt() - previousEndsAt) / 1000.0;
            topicEnds.forEach((topic, end) -> {
                final Long before = previousTopicEnds.get(topic);
                if (before != null && end >= before) {
                    timeline.add("appended_per_second|" + topic, read.readAt(), (end - before) / span);
                }
            });
        }
        previousTopicEnds.clear();
        previousTopicEnds.putAll(topicEnds);
        previousEndsAt = read.readAt();
        timeline.sweep(read.readAt());
    }

    /**
     * Registers the lag figures, computed from the last snapshot at each scrape, with names after kafka-lag-exporter's
     * ({@code kafka_consumergroup_group_lag}, {@code …_lag_seconds}, {@code …_offset}, {@code …_max_lag},
     * {@code …_max_lag_seconds}, {@code …_sum_lag}, {@code …_topic_sum_lag}, {@code kafka_partition_latest_offset},
     * {@code kafka_consumergroup_poll_time_ms}) plus a {@code stage} label and newswire's own status and rate figures.
     */
    public void register(final PrometheusRegistry registry) {
        final String[] partitionLabels = {"group", "topic", "partition", "stage"};
        partitionGauge(registry, "kafka_consumergroup_group_offset", "The group's committed offset.",
            partitionLabels, row -> (double) row.lag().committed());
        partitionGauge(registry, "kafka_consumergroup_group_lag",
            "Records the group has not consumed (transaction markers and aborted records not counted).",
            partitionLabels, row -> (double) row.lag().lagRecords());
        partitionGauge(registry, "kafka_consumergroup_group_lag_seconds",
            "Age of the first record the group has not consumed, at the reading (0 without lag); measured, not "
                + "interpolated.", partitionLabels, row -> row.lag().lagSeconds());
        partitionGauge(registry, "newswire_consumergroup_consume_rate",
            "Records the group consumed a second over the status window.", partitionLabels,
            LagJudge.Judged::consumedPerSecond);
        partitionGauge(registry, "newswire_consumergroup_catch_up_seconds",
            "Seconds to consume what waits at the current rate (absent while unknown or never).", partitionLabels,
            LagJudge.Judged::secondsToCatchUp);
        GaugeWithCallback.builder().name("newswire_lag_status")
            .help("1 for the partition's current status (OK, WARN, STALL, STOP, REWIND, ERROR), judged over the window.")
            .labelNames("group", "topic", "partition", "stage", "status")
            .callback(callback -> snapshot.rows().forEach(row -> callback.call(1.0, row.lag().group(),
                row.lag().partition().topic(), Integer.toString(row.lag().partition().partition()), row.lag().stage(),
                row.status().name())))
            .register(registry);
        GaugeWithCallback.builder().name("newswire_group_status")
            .help("1 for the group's worst partition status.").labelNames("group", "status")
            .callback(callback -> snapshot.groupStatuses().forEach((group, status) -> callback.call(1.0, group,
                status.name())))
            .register(registry);
        groupGauge(registry, "kafka_consumergroup_group_max_lag", "The group's largest partition lag in records.",
            false, row -> row.lag().lagRecords());
        groupGauge(registry, "kafka_consumergroup_group_max_lag_seconds",
            "The group's largest partition lag in seconds.", false, row -> row.lag().lagSeconds());
        groupGauge(registry, "kafka_consumergroup_group_sum_lag", "The group's lag in records, summed.",
            true, row -> row.lag().lagRecords());
        GaugeWithCallback.builder().name("kafka_consumergroup_group_topic_sum_lag")
            .help("The group's lag in records on a topic, summed.").labelNames("group", "topic")
            .callback(callback -> {
                final Map<List<String>, Double> sums = new LinkedHashMap<>();
                snapshot.rows().forEach(row -> sums.merge(List.of(row.lag().group(), row.lag().partition().topic()),
                    (double) row.lag().lagRecords(), Double::sum));
                sums.forEach((labels, sum) -> callback.call(sum, labels.get(0), labels.get(1)));
            })
            .register(registry);
        GaugeWithCallback.builder().name("newswire_stage_lag_seconds")
            .help("A stage's oldest waiting record's age for a group, in seconds (input, internal, output stages).")
            .labelNames("group", "stage")
            .callback(callback -> StageLag.of(snapshot.rows(), config).forEach(stage -> callback.call(
                stage.lagSeconds(), stage.group(), stage.stage())))
            .register(registry);
        GaugeWithCallback.builder().name("kafka_partition_latest_offset")
            .help("The partition's log end offset.").labelNames("topic", "partition")
            .callback(callback -> {
                final Map<TopicPartition, Long> ends = new LinkedHashMap<>(snapshot.logEnds());
                snapshot.rows().forEach(row -> ends.putIfAbsent(row.lag().partition(), row.lag().logEnd()));
                ends.forEach((partition, end) -> callback.call(end, partition.topic(),
                    Integer.toString(partition.partition())));
            })
            .register(registry);
        GaugeWithCallback.builder().name("kafka_consumergroup_poll_time_ms")
            .help("How long the last lag reading took, in ms.")
            .callback(callback -> callback.call(snapshot.readMillis()))
            .register(registry);
        GaugeWithCallback.builder().name("newswire_lag_reading_timestamp_seconds")
            .help("When the lag figures were read (seconds since the epoch); 0 before the first reading.")
            .callback(callback -> callback.call(snapshot.readAt() / 1000.0))
            .register(registry);
        GaugeWithCallback.builder().name("newswire_lag_reading_age_seconds")
            .help("Seconds since the last lag reading (the figures are as of then); -1 before the first.")
            .callback(callback -> callback.call(snapshot.readAt() == 0 ? -1
                : (System.currentTimeMillis() - snapshot.readAt()) / 1000.0))
            .register(registry);
        CounterWithCallback.builder().name("newswire_lag_read_errors")
            .help("Lag readings that failed (Kafka unreachable, missing ACLs).")
            .callback(callback -> callback.call(readErrors.get()))
            .register(registry);
    }

    private void partitionGauge(final PrometheusRegistry registry, final String name, final String help,
                                final String[] labels,
                                final ToDoubleFunction<LagJudge.Judged> value) {
        GaugeWithCallback.builder().name(name).help(help).labelNames(labels)
            .callback(callback -> snapshot.rows().forEach(row -> {
                final double figure = value.applyAsDouble(row);
                if (!Double.isNaN(figure) && !Double.isInfinite(figure)) {
                    callback.call(figure, row.lag().group(), row.lag().partition().topic(),
                        Integer.toString(row.lag().partition().partition()), row.lag().stage());
                }
            }))
            .register(registry);
    }

    private void groupGauge(final PrometheusRegistry registry, final String name, final String help,
                            final boolean summed, final ToDoubleFunction<LagJudge.Judged> value) {
        GaugeWithCallback.builder().name(name).help(help).labelNames("group")
            .callback(callback -> {
                final Map<String, Double> groups = new LinkedHashMap<>();
                snapshot.rows().forEach(row -> groups.merge(row.lag().group(), value.applyAsDouble(row),
                    summed ? Double::sum : Math::max));
                groups.forEach((group, figure) -> callback.call(figure, group));
            })
            .register(registry);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(15, TimeUnit.SECONDS);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (reader != null) {
            reader.close();
        }
    }
}

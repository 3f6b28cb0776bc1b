package io.newswire.app.bench;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** The figures of a bench, as measured; per-item figures are derived here, once, for the table and the JSON. */
public final class BenchFigures {

    private BenchFigures() {
    }

    /**
     * One run of a topology on fresh topics.
     *
     * @param applicationId    its application id (and topic prefix)
     * @param items            items published
     * @param accounted        items accounted for on the outputs
     * @param seconds          from the first send to the last item accounted for
     * @param sendingSeconds   from the first send to the last
     * @param firstCopySeconds from the first send to the first copy read on an output (-1: none)
     * @param copyLatency      per item, its publish (record timestamp) to its first copy read on a route topic, the
     *                         general topic or the pass-through output
     * @param decisionLatency  per item, its publish to its dedup decision read (the whole pipeline; else none)
     * @param dedup            the dedup stage's lateness and skew metrics (the whole pipeline; else none)
     */
    public record Run(String applicationId, int items, int accounted, double seconds, double sendingSeconds,
                      double firstCopySeconds, LatencySummary copyLatency, LatencySummary decisionLatency,
                      DedupHealth dedup) {

        public double itemsPerSecond() {
            return seconds > 0 ? items / seconds : 0;
        }
    }

    /**
     * The run that publishes every item as fast as Kafka takes them, with what it cost.
     *
     * @param processCpuNanos      CPU of the whole process from the first send to the last item accounted for
     * @param streamThreadCpuNanos CPU of the run's stream threads over the same time (-1: not measurable here)
     * @param topics               what the run wrote, per topic
     * @param stateBytes           store → bytes of local state after the instance closed
     */
    public record Saturation(Run run, long processCpuNanos, long streamThreadCpuNanos, List<TopicTraffic> topics,
                             Map<String, Long> stateBytes) {

        public double processCpuMsPerItem() {
            return processCpuNanos / 1e6 / run.items();
        }

        public double streamThreadCpuMsPerItem() {
            return streamThreadCpuNanos < 0 ? -1 : streamThreadCpuNanos / 1e6 / run.items();
        }

        public long offsets() {
            return topics.stream().mapToLong(TopicTraffic::offsets).sum();
        }

        public long dataRecords() {
            return topics.stream().mapToLong(TopicTraffic::dataRecords).sum();
        }

        public long dataBytes() {
            return topics.stream().mapToLong(TopicTraffic::dataBytes).sum();
        }

        /** On-disk bytes of every topic, or -1 when any is unknown. */
        public long diskBytes() {
            return topics.stream().anyMatch(topic -> topic.diskBytes() < 0) ? -1
                : topics.stream().mapToLong(TopicTraffic::diskBytes).sum();
        }

        public long stateBytesTotal() {
            return stateBytes.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Data bytes written to changelog topics: the state as Kafka keeps it. */
        public long changelogBytes() {
            return topics.stream().filter(topic -> topic.role() == RunNames.Role.CHANGELOG)
                .mapToLong(TopicTraffic::dataBytes).sum();
        }

        public double perItem(final long total) {
            return total < 0 ? -1 : (double) total / run.items();
        }
    }

    /** A run at a fixed offered rate, for latency. */
    public record Rate(int perSecond, Run run) {
    }

    /**
     * One phase: its saturation run, its fixed-rate runs, and the memory peaks over all of them.
     *
     * @param peakHeapBytes sum of the heap pools' peaks (after a GC and a reset at the start of the phase)
     * @param peakRssBytes  the resident set's high-water mark over the phase; empty where it cannot be measured
     */
    public record Phase(BenchPhase phase, Saturation saturation, List<Rate> rates, long peakHeapBytes,
                        OptionalLong peakRssBytes) {
    }

    /**
     * A whole bench.
     *
     * @param commandLine     the command as typed, to reproduce the figures
     * @param startedAt       ISO instant
     * @param machine         cores, CPU, OS, Java, heap
     * @param kafka           the embedded broker (in this process) or the cluster used
     * @param brokerInProcess whether the broker's CPU and memory are in the process figures
     * @param input           what the items were read from
     * @param loadAtStart     the system load average (1 min) when the bench started, -1 where unknown
     * @param loadAtEnd       the same when it ended
     */
    public record Report(String commandLine, String startedAt, String machine, String kafka, boolean brokerInProcess,
                         String input, int items, int partitions, int threads, int latencySeconds,
                         double loadAtStart, double loadAtEnd, List<Phase> phases) {

        /** The phase's figures, or null when it did not run. */
        public Phase phase(final BenchPhase phase) {
            return phases.stream().filter(figures -> figures.phase() == phase).findFirst().orElse(null);
        }
    }
}

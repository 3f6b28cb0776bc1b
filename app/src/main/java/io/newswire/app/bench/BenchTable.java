package io.newswire.app.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * Renders a bench's figures as markdown: the summary table, one row per phase, then each phase's details (per-topic
 * traffic, state per store, latency per offered rate). Lines only; the caller prints them.
 */
public final class BenchTable {

    private static final double MIB = 1024.0 * 1024.0;

    private BenchTable() {
    }

    /** The summary table and the details of every phase. */
    public static List<String> render(final BenchFigures.Report report) {
        final List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("## Summary");
        lines.add("");
        lines.addAll(summary(report));
        lines.add("");
        lines.add(report.brokerInProcess()
            ? "CPU, heap and RSS are of the whole process, which runs the embedded broker, the producer and the "
                + "output readers as well as the topology; \"stream threads\" is the topology's own CPU."
            : "CPU, heap and RSS are of this process (the topology, the producer and the output readers); the broker "
                + "runs elsewhere.");
        lines.add("Ratios between phases of one run are what compare across machines; absolute figures depend on the "
            + "machine and on what else runs on it.");
        for (final BenchFigures.Phase phase : report.phases()) {
            lines.add("");
            lines.addAll(details(phase, report.brokerInProcess()));
        }
        return lines;
    }

    private static List<String> summary(final BenchFigures.Report report) {
        final List<Integer> rates = report.phases().isEmpty() ? List.of()
            : report.phases().get(0).rates().stream().map(BenchFigures.Rate::perSecond).toList();
        final StringBuilder header = new StringBuilder("| phase | items/s | × passthrough | whole ÷ stateless "
            + "| CPU ms/item: process / stream threads | records/item: data / with markers | bytes/item "
            + "| state bytes/item | peak heap MiB | peak RSS MiB |");
        final StringBuilder rule = new StringBuilder("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (final int rate : rates) {
            header.append(" latency ms @").append(rate).append("/s: p50 / p99 / max |");
            rule.append("---:|");
        }
        header.append(" latency ms @saturation: p50 / p99 / max |");
        rule.append("---:|");
        final List<String> lines = new ArrayList<>(List.of(header.toString(), rule.toString()));
        final BenchFigures.Phase passThrough = report.phase(BenchPhase.PASSTHROUGH);
        final BenchFigures.Phase stateless = report.phase(BenchPhase.STATELESS);
        for (final BenchFigures.Phase phase : report.phases()) {
            final BenchFigures.Saturation saturation = phase.saturation();
            final double itemsPerSecond = saturation.run().itemsPerSecond();
            final StringBuilder row = new StringBuilder("| ").append(phase.phase().label())
                .append(" | ").append(format("%,.1f", itemsPerSecond))
                .append(" | ").append(passThrough == null ? "n/a"
                    : format("%.3f", itemsPerSecond / passThrough.saturation().run().itemsPerSecond()))
                .append(" | ").append(phase.phase() != BenchPhase.WHOLE || stateless == null ? "—"
                    : format("%.3f", itemsPerSecond / stateless.saturation().run().itemsPerSecond()))
                .append(" | ").append(format("%.2f", saturation.processCpuMsPerItem())).append(" / ")
                .append(cpu(saturation.streamThreadCpuMsPerItem()))
                .append(" | ").append(format("%.2f / %.2f", saturation.perItem(saturation.dataRecords()),
                    saturation.perItem(saturation.offsets())))
                .append(" | ").append(format("%,.0f", saturation.perItem(saturation.dataBytes())))
                .append(" | ").append(format("%,.0f", saturation.perItem(saturation.stateBytesTotal())))
                .append(" | ").append(format("%,.0f", phase.peakHeapBytes() / MIB))
                .append(" | ").append(mebibytes(phase.peakRssBytes())).append(" |");
            for (final BenchFigures.Rate rate : phase.rates()) {
                row.append(' ').append(rate.run().copyLatency().describe()).append(" |");
            }
            row.append(' ').append(saturation.run().copyLatency().describe()).append(" |");
            lines.add(row.toString());
        }
        return lines;
    }

    private static List<String> details(final BenchFigures.Phase phase, final boolean brokerInProcess) {
        final BenchFigures.Saturation saturation = phase.saturation();
        final BenchFigures.Run run = saturation.run();
        final List<String> lines = new ArrayList<>();
        lines.add("### " + phase.phase().label() + " (" + run.applicationId() + ")");
        lines.add("");
        lines.add(format("Saturation: %,d items (all published in %.2f s), %,d accounted for %.2f s after the first "
                + "send: **%,.1f items/s**; first copy out after %s.", run.items(), run.sendingSeconds(),
            run.accounted(), run.seconds(), run.itemsPerSecond(), seconds(run.firstCopySeconds())));
        lines.add(format("CPU per item: %.2f ms process (%s), %s ms stream threads. Peak heap %,.0f MiB (sum of the "
                + "heap pools' peaks), peak RSS %s MiB.", saturation.processCpuMsPerItem(),
            brokerInProcess ? "broker, producer, readers, GC and JIT included" : "producer, readers, GC and JIT "
                + "included", cpu(saturation.streamThreadCpuMsPerItem()), phase.peakHeapBytes() / MIB,
            mebibytes(phase.peakRssBytes())));
        lines.add("");
        lines.add("| topic | role | records/item | markers/item | bytes/item | on disk bytes/item |");
        lines.add("|---|---|---:|---:|---:|---:|");
        for (final TopicTraffic topic : saturation.topics()) {
            lines.add(format("| %s | %s | %.3f | %.3f | %,.0f | %s |", topic.topic(),
                topic.role().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                saturation.perItem(topic.dataRecords()), saturation.perItem(topic.markers()),
                saturation.perItem(topic.dataBytes()), disk(saturation.perItem(topic.diskBytes()))));
        }
        lines.add(format("| **total** | | %.3f | %.3f | %,.0f | %s |", saturation.perItem(saturation.dataRecords()),
            saturation.perItem(saturation.offsets() - saturation.dataRecords()),
            saturation.perItem(saturation.dataBytes()), disk(saturation.perItem(saturation.diskBytes()))));
        lines.add("");
        lines.add(format("State on disk after a clean close: %,.0f bytes/item%s; written to changelogs: %,.0f "
                + "bytes/item.", saturation.perItem(saturation.stateBytesTotal()), stores(saturation),
            saturation.perItem(saturation.changelogBytes())));
        lines.add("");
        final boolean decisions = phase.phase() == BenchPhase.WHOLE;
        lines.add("| offered | items | sent in s | all out after s | first copy: p50 / p99 / max ms"
            + (decisions ? " | decision: p50 / p99 / max ms |" : " |"));
        lines.add(decisions ? "|---|---:|---:|---:|---:|---:|" : "|---|---:|---:|---:|---:|");
        for (final BenchFigures.Rate rate : phase.rates()) {
            lines.add(latencyRow(rate.perSecond() + "/s", rate.run(), decisions));
        }
        lines.add(latencyRow("saturation", run, decisions));
        if (decisions && run.dedup().measured()) {
            lines.add("");
            lines.add("Dedup stage (its metrics, group newswire-dedup): items later than the grace behind their news.raw "
                + "partition, the most an item came behind it, the most the partitions were apart at the index, and "
                + "items that reached the index too late to be seen by the items decided before them.");
            lines.add("");
            lines.add("| offered | later than the grace | max lateness ms | max partition skew ms | late at the index |");
            lines.add("|---|---:|---:|---:|---:|");
            for (final BenchFigures.Rate rate : phase.rates()) {
                lines.add(dedupRow(rate.perSecond() + "/s", rate.run().dedup()));
            }
            lines.add(dedupRow("saturation", run.dedup()));
        }
        return lines;
    }

    private static String latencyRow(final String offered, final BenchFigures.Run run, final boolean decisions) {
        return format("| %s | %,d | %.1f | %.1f | %s |", offered, run.items(), run.sendingSeconds(), run.seconds(),
            run.copyLatency().describe()) + (decisions ? " " + run.decisionLatency().describe() + " |" : "");
    }

    private static String dedupRow(final String offered, final DedupHealth dedup) {
        return format("| %s | %,d | %,.0f | %,.0f | %,d |", offered, dedup.lateRecords(), dedup.latenessMaxMs(),
            dedup.skewMaxMs(), dedup.lateItems());
    }

    private static String stores(final BenchFigures.Saturation saturation) {
        if (saturation.stateBytes().isEmpty()) {
            return " (no state folder)";
        }
        return saturation.stateBytes().entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .map(store -> format("%s %,.0f", store.getKey(), saturation.perItem(store.getValue())))
            .collect(Collectors.joining("; ", " (", ")"));
    }

    private static String cpu(final double msPerItem) {
        return msPerItem < 0 ? "n/a" : format("%.2f", msPerItem);
    }

    private static String disk(final double bytesPerItem) {
        return bytesPerItem < 0 ? "n/a" : format("%,.0f", bytesPerItem);
    }

    private static String seconds(final double seconds) {
        return seconds < 0 ? "n/a (no copy came out)" : format("%.2f s", seconds);
    }

    private static String mebibytes(final OptionalLong bytes) {
        return bytes.isPresent() ? format("%,.0f", bytes.getAsLong() / MIB) : "n/a";
    }

    private static String format(final String format, final Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}

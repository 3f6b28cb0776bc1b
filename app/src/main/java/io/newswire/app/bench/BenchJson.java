package io.newswire.app.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes a bench's figures as one JSON document: every measured total and the per-item figures derived from it,
 * under the names the markdown table uses. Sizes in bytes, times in seconds or milliseconds as the names say; -1 or
 * null for what could not be measured.
 */
public final class BenchJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BenchJson() {
    }

    public static void write(final Path file, final BenchFigures.Report report) {
        try {
            JSON.writeValue(file.toFile(), toJson(report));
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage() + "; check that its folder "
                + "exists and is writable", e);
        }
    }

    static ObjectNode toJson(final BenchFigures.Report report) {
        final ObjectNode root = JSON.createObjectNode();
        root.put("command", report.commandLine());
        root.put("started_at", report.startedAt());
        root.put("machine", report.machine());
        root.put("kafka", report.kafka());
        root.put("broker_in_process", report.brokerInProcess());
        root.put("input", report.input());
        root.put("items", report.items());
        root.put("partitions", report.partitions());
        root.put("stream_threads", report.threads());
        root.put("latency_seconds", report.latencySeconds());
        root.put("load_average_at_start", report.loadAtStart());
        root.put("load_average_at_end", report.loadAtEnd());
        final ArrayNode phases = root.putArray("phases");
        final BenchFigures.Phase passThrough = report.phase(BenchPhase.PASSTHROUGH);
        final BenchFigures.Phase stateless = report.phase(BenchPhase.STATELESS);
        for (final BenchFigures.Phase phase : report.phases()) {
            final ObjectNode node = phases.addObject();
            node.put("phase", phase.phase().label());
            final double itemsPerSecond = phase.saturation().run().itemsPerSecond();
            node.put("items_per_second", itemsPerSecond);
            if (passThrough != null) {
                node.put("ratio_to_passthrough", itemsPerSecond / passThrough.saturation().run().itemsPerSecond());
            }
            if (phase.phase() == BenchPhase.WHOLE && stateless != null) {
                node.put("ratio_whole_to_stateless", itemsPerSecond / stateless.saturation().run().itemsPerSecond());
            }
            node.put("peak_heap_bytes", phase.peakHeapBytes());
            if (phase.peakRssBytes().isPresent()) {
                node.put("peak_rss_bytes", phase.peakRssBytes().getAsLong());
            } else {
                node.putNull("peak_rss_bytes");
            }
            node.set("saturation", saturation(phase.saturation()));
            final ArrayNode rates = node.putArray("rates");
            phase.rates().forEach(rate -> rates.addObject().put("offered_per_second", rate.perSecond())
                .setAll(run(rate.run())));
        }
        return root;
    }

    private static ObjectNode saturation(final BenchFigures.Saturation saturation) {
        final ObjectNode node = run(saturation.run());
        node.put("process_cpu_ms", saturation.processCpuNanos() / 1e6);
        node.put("process_cpu_ms_per_item", saturation.processCpuMsPerItem());
        node.put("stream_threads_cpu_ms", saturation.streamThreadCpuNanos() < 0 ? -1
            : saturation.streamThreadCpuNanos() / 1e6);
        node.put("stream_threads_cpu_ms_per_item", saturation.streamThreadCpuMsPerItem());
        node.put("offsets", saturation.offsets());
        node.put("data_records", saturation.dataRecords());
        node.put("markers", saturation.offsets() - saturation.dataRecords());
        node.put("data_bytes", saturation.dataBytes());
        node.put("disk_bytes", saturation.diskBytes());
        node.put("records_per_item", saturation.perItem(saturation.dataRecords()));
        node.put("offsets_per_item", saturation.perItem(saturation.offsets()));
        node.put("bytes_per_item", saturation.perItem(saturation.dataBytes()));
        node.put("disk_bytes_per_item", saturation.perItem(saturation.diskBytes()));
        final ArrayNode topics = node.putArray("topics");
        for (final TopicTraffic topic : saturation.topics()) {
            topics.addObject()
                .put("topic", topic.topic())
                .put("role", topic.role().name().toLowerCase(Locale.ROOT))
                .put("offsets", topic.offsets())
                .put("data_records", topic.dataRecords())
                .put("markers", topic.markers())
                .put("data_bytes", topic.dataBytes())
                .put("disk_bytes", topic.diskBytes())
                .put("records_per_item", saturation.perItem(topic.dataRecords()))
                .put("markers_per_item", saturation.perItem(topic.markers()))
                .put("bytes_per_item", saturation.perItem(topic.dataBytes()))
                .put("disk_bytes_per_item", saturation.perItem(topic.diskBytes()));
        }
        final ObjectNode state = node.putObject("state");
        state.put("bytes", saturation.stateBytesTotal());
        state.put("bytes_per_item", saturation.perItem(saturation.stateBytesTotal()));
        state.put("changelog_bytes", saturation.changelogBytes());
        state.put("changelog_bytes_per_item", saturation.perItem(saturation.changelogBytes()));
        final ObjectNode stores = state.putObject("stores");
        saturation.stateBytes().forEach(stores::put);
        return node;
    }

    private static ObjectNode run(final BenchFigures.Run run) {
        final ObjectNode node = JSON.createObjectNode();
        node.put("application_id", run.applicationId());
        node.put("items", run.items());
        node.put("accounted", run.accounted());
        node.put("seconds", run.seconds());
        node.put("sending_seconds", run.sendingSeconds());
        node.put("items_per_second", run.itemsPerSecond());
        node.put("first_copy_seconds", run.firstCopySeconds());
        node.set("copy_latency_ms", latency(run.copyLatency()));
        node.set("decision_latency_ms", latency(run.decisionLatency()));
        if (run.dedup().measured()) {
            final ObjectNode dedup = node.putObject("dedup");
            dedup.put("late_records", run.dedup().lateRecords());
            dedup.put("lateness_max_ms", run.dedup().latenessMaxMs());
            dedup.put("partition_skew_max_ms", run.dedup().skewMaxMs());
            dedup.put("late_items", run.dedup().lateItems());
        }
        return node;
    }

    private static ObjectNode latency(final LatencySummary latency) {
        final ObjectNode node = JSON.createObjectNode();
        node.put("count", latency.count());
        if (latency.count() > 0) {
            node.put("p50", latency.p50()).put("p99", latency.p99()).put("max", latency.max());
        }
        return node;
    }
}

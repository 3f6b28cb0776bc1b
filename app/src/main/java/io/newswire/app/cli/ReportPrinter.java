package io.newswire.app.cli;

import java.util.List;
import java.util.Map;

import io.newswire.app.Console;
import io.newswire.app.pipeline.Accounting;
import io.newswire.app.pipeline.CollectedRecord;
import io.newswire.app.pipeline.RunReport;
import io.newswire.schema.DeadLetter;
import io.newswire.schema.DedupDecision;
import io.newswire.schema.EnrichedItem;
import io.newswire.schema.TopicScore;

/** Renders a run's report for people. */
final class ReportPrinter {

    private static final int TITLE_WIDTH = 70;

    private ReportPrinter() {
    }

    /** Counts per topic, the accounting, and the figures. */
    static void summary(final Console console, final RunReport report) {
        console.result("");
        console.result("%-24s %8s", "topic", "records");
        for (final Map.Entry<String, Long> entry : report.countsByTopic().entrySet()) {
            console.result("%-24s %8d", entry.getKey(), entry.getValue());
        }
        final Accounting accounting = report.accounting();
        console.result("");
        console.result("inputs: %d expected, %d accounted for (%d routed, %d duplicates, %d dead letters)",
            report.expected(), accounting.accounted(), accounting.count(Accounting.Outcome.ROUTED),
            accounting.count(Accounting.Outcome.DUPLICATE), accounting.count(Accounting.Outcome.DEAD_LETTER));
        accounting.violations().forEach(violation -> console.result("  NOT EXACTLY ONCE: %s", violation));
        if (report.delivery() != null) {
            console.result("verified on the topics: %s", report.delivery().line());
            if (!report.delivery().holds()) {
                report.delivery().examples().forEach(example -> console.result("  NOT EXACTLY ONCE: %s", example));
            }
        }
        if (report.secondsToFirstRoute() >= 0) {
            console.result("first routed item %.2f s after publishing began (%.1f s after the command started); "
                    + "all accounted for after %.2f s (%.0f items/s)", report.secondsToFirstRoute(),
                report.secondsToFirstRoute() + report.secondsBeforePublishing(), report.seconds(),
                report.itemsPerSecond());
        }
        if (!report.complete()) {
            console.result("INCOMPLETE: %d of %d inputs came out%s. Check the log above, and that the topology "
                    + "runs (newswire streams) when using an external cluster; a larger --timeout may help.",
                accounting.accounted(), report.expected(),
                report.published().allPublished() ? "" : ", and Kafka did not take every input");
        }
    }

    /** Per output topic, what arrived. */
    static void arrivals(final Console console, final RunReport report, final List<String> topics) {
        for (final String topic : topics) {
            final List<CollectedRecord> records = report.records().stream()
                .filter(record -> record.topic().equals(topic)).toList();
            console.result("");
            console.result("== %s (%d)", topic, records.size());
            for (final CollectedRecord record : records) {
                console.result("  %s", describe(record));
            }
        }
    }

    private static String describe(final CollectedRecord record) {
        if (record.value() instanceof EnrichedItem item) {
            return String.format(java.util.Locale.ROOT, "%-22s [%s] %s | topics %s | speakers %s",
                shorten(item.getId(), 22), item.getLanguage(), shorten(item.getTitle(), TITLE_WIDTH),
                topics(item.getTopics()), item.getSpeakers());
        }
        if (record.value() instanceof DedupDecision decision) {
            return String.format(java.util.Locale.ROOT, "%s %s%s (story %s): %s", shorten(decision.getId(), 22),
                decision.getDecision(), decision.getDuplicateOf() == null ? ""
                    : " of " + shorten(decision.getDuplicateOf(), 22), shorten(decision.getStoryId(), 22),
                decision.getReason());
        }
        if (record.value() instanceof DeadLetter deadLetter) {
            return String.format(java.util.Locale.ROOT, "%s at stage %s: %s", record.key(), deadLetter.getStage(),
                deadLetter.getError());
        }
        return String.valueOf(record.value());
    }

    private static String topics(final List<TopicScore> topics) {
        final StringBuilder text = new StringBuilder();
        for (final TopicScore topic : topics) {
            text.append(text.length() == 0 ? "" : ", ")
                .append(topic.getName()).append(String.format(java.util.Locale.ROOT, " %.2f", topic.getScore()));
        }
        return text.toString();
    }

    private static String shorten(final String text, final int width) {
        if (text == null) {
            return "-";
        }
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}

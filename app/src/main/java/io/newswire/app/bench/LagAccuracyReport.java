package io.newswire.app.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The lag benchmark's report: how the run was made, then every scenario's {@link LagFigures}; as markdown lines
 * (newswire and kafka-lag-exporter side by side) or as one JSON document. Errors in seconds; null in JSON (n/a in
 * markdown) where there was no number to summarise.
 *
 * @param commandLine  the command as typed
 * @param startedAt    when the run started (ISO-8601)
 * @param machine      the machine, as {@link MachineInfo#describe()} tells it
 * @param minutes      each scenario's length in virtual minutes
 * @param parallel     scenarios run at the same time
 * @param refresh      newswire's refresh intervals measured, s
 * @param runSeconds   real time of the whole run, s
 * @param loadAtStart  load average when it started
 * @param loadAtEnd    and when it ended
 * @param scenarios    the figures, one per scenario
 */
public record LagAccuracyReport(String commandLine, String startedAt, String machine, int minutes, int parallel,
                                List<Integer> refresh, double runSeconds, double loadAtStart, double loadAtEnd,
                                List<LagFigures> scenarios) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The report as markdown lines. */
    public List<String> render() {
        final List<String> lines = new ArrayList<>();
        lines.add("# newswire bench-lag");
        lines.add("");
        lines.add("Command: `" + commandLine + "`  ");
        lines.add(format("Started %s on %s; load average %.2f at the start, %.2f at the end; took %.1f min.",
            startedAt, machine, loadAtStart, loadAtEnd, runSeconds / 60));
        lines.add(format("Kafka: an embedded broker in this process; one fresh 1-partition topic and member-less group "
            + "per scenario, %d scenarios at a time. Virtual time in 1 s steps, %d min per scenario; the simulated "
            + "consumer takes a record at the earliest %d ms after its timestamp.", parallel, minutes,
            LagAccuracy.CONSUMER_DELAY_MS));
        lines.add("newswire: LagReader.read at every refresh interval (now minus the timestamp of the first "
            + "unconsumed record, read from the partition). exporter: kafka-lag-exporter's lookup table re-implemented "
            + format("(ExporterLagEstimate), polled every %d s, %d points.",
            ExporterLagEstimate.DEFAULT_POLL_INTERVAL.toSeconds(), ExporterLagEstimate.DEFAULT_LIMIT));
        lines.add("");
        lines.add("## Scenarios");
        lines.add("");
        for (final LagFigures figures : scenarios) {
            lines.add(format("- %s: %s; largest true lag %.1f s.", figures.scenario(), figures.description(),
                figures.maxTruth()));
        }
        lines.add("");
        lines.add("## Side by side: served lag, p95 of the error / share of seconds within tolerance / the same "
            + "share while lagging");
        lines.add("");
        lines.addAll(sideBySide());
        lines.add("");
        lines.add("Tolerance at each second: max(1 s, 2 % of the true lag). Served: at every virtual second, the "
            + "method's latest reading (stale between readings, as a scrape sees it). NaN or infinite figures count "
            + "as outside tolerance and are left out of the percentiles. While lagging: over the seconds whose true "
            + "lag is above 1 s only (n/a: there were none).");
        lines.add("");
        lines.add("## Details");
        lines.add("");
        lines.addAll(details());
        lines.add("");
        lines.add("## kafka-lag-exporter over its poll phases");
        lines.add("");
        lines.addAll(phases());
        lines.add("");
        lines.add("## Target: at least 95 % of seconds within tolerance (served)");
        lines.add("");
        lines.addAll(verdicts());
        return lines;
    }

    private List<String> sideBySide() {
        final List<String> names = scenarios.isEmpty() ? List.of()
            : scenarios.get(0).methods().stream().map(LagFigures.Method::name).toList();
        final List<String> lines = new ArrayList<>();
        lines.add("| scenario | largest true lag s | " + String.join(" | ", names) + " |");
        lines.add("|---|---:|" + "---:|".repeat(names.size()));
        for (final LagFigures figures : scenarios) {
            final String cells = figures.methods().stream()
                .map(method -> format("%s s / %.1f %% / %s", seconds(method.served().p95()),
                    100 * method.served().withinShare(), method.served().lagging() == 0 ? "n/a"
                        : format("%.1f %%", 100 * method.served().laggingWithinShare())))
                .collect(Collectors.joining(" | "));
            lines.add(format("| %s | %.1f | %s |", figures.scenario(), figures.maxTruth(), cells));
        }
        return lines;
    }

    private List<String> details() {
        final List<String> lines = new ArrayList<>();
        lines.add("| scenario | method | served error s: p50 / p95 / max | served within tol. "
            + "| served within tol. while lagging | NaN or inf | at readings s: p50 / p95 / max "
            + "| at readings within tol. | readings |");
        lines.add("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        for (final LagFigures figures : scenarios) {
            for (final LagFigures.Method method : figures.methods()) {
                final ErrorSummary served = method.served();
                final ErrorSummary readings = method.atReadings();
                lines.add(format("| %s | %s | %s | %.1f %% | %s | %d | %s | %.1f %% | %d |", figures.scenario(),
                    method.name(), triple(served), 100 * served.withinShare(), lagging(served), served.unknown(),
                    triple(readings), 100 * readings.withinShare(), readings.instants()));
            }
        }
        lines.add("");
        lines.add("While lagging: over the seconds whose true lag is above 1 s (how many in brackets).");
        lines.add("");
        for (final LagFigures figures : scenarios) {
            lines.add(format("%s: %d virtual s; a newswire reading took %.1f ms of real time on average; %d readings "
                    + "saw another log end or committed offset than the simulation.", figures.scenario(),
                figures.seconds(), figures.readMillis(), figures.mismatches()));
        }
        return lines;
    }

    private List<String> phases() {
        final List<String> lines = new ArrayList<>();
        lines.add("The scenarios' phases start on whole minutes, and so do the exporter's polls at phase 0, which "
            + "favours it: a rate that changes at a poll is interpolated exactly. The exporter with its first poll at "
            + "each instant 0 to 29, computed from the simulated offsets (the seconds before the first poll left "
            + "out), smallest and largest over the phases:");
        lines.add("");
        lines.add("| scenario | served p95 s | served within tol. | served within tol. while lagging | NaN or inf "
            + "| largest error at a poll s | phase 0 recomputed = fed from the broker |");
        lines.add("|---|---:|---:|---:|---:|---:|---:|");
        for (final LagFigures figures : scenarios) {
            final LagFigures.PhaseSpread spread = figures.phases();
            final List<ErrorSummary> served = spread.served();
            lines.add(format("| %s | %s | %s | %s | %s | %s | %s |", figures.scenario(),
                range(served, ErrorSummary::p95, 1, "%.2f"),
                range(served, ErrorSummary::withinShare, 100, "%.1f %%"),
                range(served, ErrorSummary::laggingWithinShare, 100, "%.1f %%"),
                range(served, ErrorSummary::unknown, 1, "%.0f"),
                range(spread.atReadings(), ErrorSummary::max, 1, "%.2f"),
                spread.phaseZeroDiffers() == 0 ? "yes" : "no, " + spread.phaseZeroDiffers() + " instants differ"));
        }
        return lines;
    }

    private static String range(final List<ErrorSummary> summaries, final ToDoubleFunction<ErrorSummary> figure,
                                final double scale, final String format) {
        final double min = LagFigures.PhaseSpread.min(summaries, figure);
        final double max = LagFigures.PhaseSpread.max(summaries, figure);
        if (Double.isNaN(min)) {
            return "n/a";
        }
        return Double.isInfinite(max) ? format(format, scale * min) + " – inf"
            : format(format, scale * min) + " – " + format(format, scale * max);
    }

    private static String lagging(final ErrorSummary summary) {
        return summary.lagging() == 0 ? "n/a (0)"
            : format("%.1f %% (%d)", 100 * summary.laggingWithinShare(), summary.lagging());
    }

    private List<String> verdicts() {
        final List<String> lines = new ArrayList<>();
        if (scenarios.isEmpty()) {
            return lines;
        }
        for (final LagFigures.Method first : scenarios.get(0).methods()) {
            final List<String> met = new ArrayList<>();
            final List<String> missed = new ArrayList<>();
            for (final LagFigures figures : scenarios) {
                final ErrorSummary served = figures.method(first.name()).served();
                (served.meetsTarget() ? met : missed).add(format("%s %.1f %%", figures.scenario(),
                    100 * served.withinShare()));
            }
            lines.add(format("- %s: %s", first.name(), missed.isEmpty() ? "met in every scenario (" + String.join(", ",
                met) + ")." : "missed in " + String.join(", ", missed) + (met.isEmpty() ? "." : "; met in "
                + String.join(", ", met) + ".")));
        }
        return lines;
    }

    /** Writes the report to {@code file} as JSON. */
    public void writeJson(final Path file) {
        try {
            JSON.writeValue(file.toFile(), toJson());
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage() + "; check that its folder "
                + "exists and is writable", e);
        }
    }

    /** The report as one JSON object. */
    public ObjectNode toJson() {
        final ObjectNode root = JSON.createObjectNode();
        root.put("command", commandLine);
        root.put("started_at", startedAt);
        root.put("machine", machine);
        root.put("minutes_per_scenario", minutes);
        root.put("scenarios_at_a_time", parallel);
        final ArrayNode intervals = root.putArray("newswire_refresh_seconds");
        refresh.forEach(intervals::add);
        root.put("exporter_poll_seconds", ExporterLagEstimate.DEFAULT_POLL_INTERVAL.toSeconds());
        root.put("exporter_table_size", ExporterLagEstimate.DEFAULT_LIMIT);
        root.put("consumer_delay_ms", LagAccuracy.CONSUMER_DELAY_MS);
        root.put("tolerance", "max(1 s, 2 % of the true lag)");
        root.put("run_seconds", runSeconds);
        root.put("load_average_at_start", loadAtStart);
        root.put("load_average_at_end", loadAtEnd);
        final ArrayNode array = root.putArray("scenarios");
        for (final LagFigures figures : scenarios) {
            final ObjectNode scenario = array.addObject();
            scenario.put("name", figures.scenario());
            scenario.put("description", figures.description());
            scenario.put("virtual_seconds", figures.seconds());
            number(scenario, "max_true_lag_seconds", figures.maxTruth());
            scenario.put("newswire_reading_ms", figures.readMillis());
            scenario.put("newswire_offset_mismatches", figures.mismatches());
            final ArrayNode methods = scenario.putArray("methods");
            for (final LagFigures.Method method : figures.methods()) {
                final ObjectNode node = methods.addObject();
                node.put("name", method.name());
                node.put("interval_seconds", method.interval());
                summary(node.putObject("served"), method.served());
                summary(node.putObject("at_readings"), method.atReadings());
            }
            final LagFigures.PhaseSpread spread = figures.phases();
            final ObjectNode phases = scenario.putObject("exporter_poll_phases");
            phases.put("phase_zero_instants_differing_from_broker_fed", spread.phaseZeroDiffers());
            final ArrayNode each = phases.putArray("phases");
            for (int phase = 0; phase < spread.served().size(); phase++) {
                final ObjectNode node = each.addObject();
                node.put("first_poll_at", phase);
                summary(node.putObject("served"), spread.served().get(phase));
                summary(node.putObject("at_readings"), spread.atReadings().get(phase));
            }
        }
        return root;
    }

    private static void summary(final ObjectNode node, final ErrorSummary summary) {
        node.put("instants", summary.instants());
        number(node, "p50_seconds", summary.p50());
        number(node, "p95_seconds", summary.p95());
        number(node, "max_seconds", summary.max());
        node.put("within_tolerance", summary.withinTolerance());
        node.put("within_share", summary.withinShare());
        node.put("nan_or_infinite", summary.unknown());
        node.put("lagging", summary.lagging());
        node.put("lagging_within_tolerance", summary.laggingWithin());
        node.put("meets_target", summary.meetsTarget());
    }

    private static void number(final ObjectNode node, final String field, final double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }

    private static String triple(final ErrorSummary summary) {
        return seconds(summary.p50()) + " / " + seconds(summary.p95()) + " / " + seconds(summary.max());
    }

    private static String seconds(final double value) {
        return Double.isFinite(value) ? format("%.2f", value) : "n/a";
    }

    private static String format(final String format, final Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}

package io.newswire.app.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;

import io.newswire.app.Console;
import io.newswire.app.bench.LagAccuracy;
import io.newswire.app.bench.LagAccuracyReport;
import io.newswire.app.bench.LagFigures;
import io.newswire.app.bench.LagScenario;
import io.newswire.app.bench.MachineInfo;
import io.newswire.app.pipeline.KafkaTarget;
import io.newswire.streams.PipelineConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newswire bench-lag}: how accurate newswire's lag in seconds is, against kafka-lag-exporter's interpolation,
 * on four scenarios run on an embedded broker on a virtual clock; a markdown table on stdout, progress on stderr,
 * optionally every figure as JSON.
 */
@Command(name = "bench-lag", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "The lag accuracy benchmark: how close newswire's lag in seconds (LagReader:",
        "now minus the timestamp of the first record a group has not consumed, read",
        "from the partition) and kafka-lag-exporter's (a lookup table of log end",
        "offsets and poll times, 30 s polls, 60 points; re-implemented in",
        "ExporterLagEstimate) come to the true lag.",
        "Starts one embedded Kafka broker in this process and runs four scenarios,",
        "each on a fresh 1-partition topic and a consumer group without members, on",
        "a virtual clock in 1 s steps: records carry the virtual time as CreateTime,",
        "and the group's offset is set with the Admin API as a simulated consumer",
        "(which takes a record 0.5 s after its timestamp at the earliest) moves it.",
        "  steady     20 records/s, capacity 50/s;",
        "  burst      20/s, 200/s for 2 min from 1/7 of the run, capacity 50/s;",
        "  long idle  20/s, nothing from 2/7 to 5/7 of the run, then 20/s again;",
        "  replay     20/s; at 6/7 of the run the group's offset goes back to 0",
        "             and it replays at 500/s until caught up.",
        "At every virtual second the true lag is compared with what each method",
        "serves (its latest reading, stale between readings) and, apart, with its",
        "readings at their own instants. Prints the command, the scenarios, a",
        "side-by-side table, the details, the exporter over its 30 poll phases, and",
        "for which refresh interval newswire meets its target. Takes some 8 min with",
        "the defaults here (a LagReader reading takes ~110 ms of real time).",
        ""},
    footerHeading = "%nWhat the figures mean:%n",
    footer = {
        "  error         |served lag - true lag|, s: p50 / p95 / max over the",
        "                seconds with a number.",
        "  within tol.   share of seconds where the error is at most max(1 s,",
        "                2 %% of the true lag); NaN or infinite figures count as",
        "                outside.",
        "  target        at least 95 %% of seconds within tolerance.",
        "",
        "Example: newswire bench-lag --refresh 1s,5s --minutes 14 --json lag.json"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every scenario measured", "1:a failure (Kafka unreachable, …)", "2:bad usage"})
public final class LagBenchCommand implements Callable<Integer> {

    private static final int MIN_MINUTES = 5;
    private static final int SCENARIOS = LagScenario.all(MIN_MINUTES).size();

    @Spec
    private CommandSpec spec;

    @Option(names = "--refresh", split = ",", paramLabel = "DURATION", converter = DurationConverter.class,
        defaultValue = "1s,2s,5s",
        description = "newswire's lag refresh intervals to measure, whole seconds (newswire.ops.lag.refresh, "
            + "5s by default in newswire; default here: ${DEFAULT-VALUE}).")
    private List<Duration> refresh;

    @Option(names = "--minutes", paramLabel = "N", defaultValue = "35",
        description = "Each scenario's length in virtual minutes, at least " + MIN_MINUTES + "; the phases scale "
            + "with it, the 2 min burst does not (default: ${DEFAULT-VALUE}).")
    private int minutes;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "2",
        description = "Scenarios run at the same time, each on its own topic, group and clients: a scenario waits on "
            + "Kafka most of the time, so this shortens the run; the figures do not depend on it "
            + "(default: ${DEFAULT-VALUE}).")
    private int parallel;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write every figure to FILE as JSON.")
    private Path json;

    @Override
    public Integer call() {
        final List<Integer> refreshSeconds = checkedRefresh();
        if (minutes < MIN_MINUTES) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--minutes must be at least " + MIN_MINUTES
                + ", was " + minutes);
        }
        if (parallel < 1 || parallel > SCENARIOS) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--parallel must be 1 to " + SCENARIOS
                + ", was " + parallel);
        }
        final Console console = Console.system();
        final String commandLine = commandLine();
        final Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        final double loadAtStart = MachineInfo.loadAverage();
        final long began = System.nanoTime();
        final List<LagFigures> figures = new ArrayList<>();
        try (KafkaTarget kafka = KafkaTarget.embedded(null, 0, console)) {
            final Properties props = kafka.clientProperties(new Properties());
            final LagAccuracy accuracy = new LagAccuracy(props, PipelineConfig.defaults(), refreshSeconds,
                UUID.randomUUID().toString().substring(0, 6), console);
            accuracy.run(LagScenario.all(minutes), parallel)
                .forEach(series -> figures.add(LagFigures.of(series, refreshSeconds)));
        }
        final LagAccuracyReport report = new LagAccuracyReport(commandLine, started.toString(), MachineInfo.describe(),
            minutes, parallel, refreshSeconds, (System.nanoTime() - began) / 1e9, loadAtStart,
            MachineInfo.loadAverage(), figures);
        report.render().forEach(line -> console.result("%s", line));
        if (json != null) {
            report.writeJson(json);
            console.note("figures written to %s", json.toAbsolutePath());
        }
        return 0;
    }

    /** The refresh intervals in whole seconds, sorted, each once: the virtual clock steps one second. */
    private List<Integer> checkedRefresh() {
        final TreeSet<Integer> seconds = new TreeSet<>();
        for (final Duration interval : refresh) {
            if (interval.toMillis() % 1000 != 0) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--refresh: the virtual clock steps "
                    + "1 s, give whole seconds; was " + interval.toMillis() + " ms");
            }
            seconds.add((int) interval.toSeconds());
        }
        return List.copyOf(seconds);
    }

    /** The command as typed, quoted where a shell would need it, so that the figures can be reproduced. */
    private String commandLine() {
        final List<String> words = new ArrayList<>(List.of("newswire"));
        for (final String arg : spec.commandLine().getParseResult().originalArgs()) {
            words.add(arg.matches("[A-Za-z0-9_./:=,@%+-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'");
        }
        return String.join(" ", words);
    }
}

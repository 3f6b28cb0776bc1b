package io.newswire.app.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.newswire.app.Console;
import io.newswire.app.Settings;
import io.newswire.app.ops.LagJson;
import io.newswire.app.ops.LagJudge;
import io.newswire.app.ops.LagReader;
import io.newswire.app.ops.PartitionLag;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newswire lag}: per stage, group and partition, how far behind the pipeline and its readers are. */
@Command(name = "lag", mixinStandardHelpOptions = true,
    description = {"Prints the lag of the pipeline's consumer group (newswire.application.id) on news.raw and its "
        + "internal topics, and of every group reading an output topic: committed offset, log end, lag in records "
        + "(transaction markers not counted) and in seconds (now minus the timestamp of the first record not yet "
        + "consumed, read from the partition), consume rate, time to catch up, and a status: OK, WARN (lag growing "
        + "through the window), STALL (members, but the committed offset does not move while records wait), STOP "
        + "(no members while records wait), REWIND (the committed offset went back).",
        "Without --watch there is one reading: only OK and STOP can be told."})
public final class LagCommand implements Callable<Integer> {

    @Mixin
    private CommonOptions common;

    @Option(names = "--group", paramLabel = "GROUP",
        description = "Also this consumer group (repeatable); groups with offsets on an output topic come anyway.")
    private List<String> groups = new ArrayList<>();

    @Option(names = "--json", description = "One JSON array per reading instead of a table.")
    private boolean json;

    @Option(names = "--watch", description = "Read again every --interval until Ctrl-C, judging over --window.")
    private boolean watch;

    @Option(names = "--interval", paramLabel = "DURATION", converter = DurationConverter.class,
        defaultValue = "5s", description = "Time between readings with --watch (default: ${DEFAULT-VALUE}).")
    private Duration interval;

    @Option(names = "--window", paramLabel = "DURATION", converter = DurationConverter.class,
        defaultValue = "60s", description = "How far back WARN and STALL look (default: ${DEFAULT-VALUE}).")
    private Duration window;

    @Option(names = "--alert-records", paramLabel = "N", defaultValue = "1",
        description = "Records waiting from which a partition can be WARN, STALL or STOP (default: ${DEFAULT-VALUE}).")
    private long alertRecords;

    @Option(names = "--alert-lag", paramLabel = "DURATION", converter = DurationConverter.class,
        defaultValue = "10s",
        description = "Age of the oldest waiting record from which it can (default: ${DEFAULT-VALUE}).")
    private Duration alertLag;

    @Override
    public Integer call() throws InterruptedException {
        final Console console = Console.system();
        final Settings settings = common.settings();
        settings.requireBootstrapServers();
        final LagJudge judge = new LagJudge(window, alertRecords, alertLag);
        final ShutdownLatch latch = watch ? new ShutdownLatch() : null;
        try (LagReader reader = new LagReader(settings.kafka(), settings.pipeline())) {
            do {
                final List<LagJudge.Judged> judged = new ArrayList<>();
                for (final PartitionLag lag : reader.read(groups, System.currentTimeMillis())) {
                    judged.add(judge.judge(lag));
                }
                console.result("%s", json ? LagJson.of(judged).toString() : table(judged));
            } while (watch && !latch.await(interval));
        } finally {
            if (latch != null) {
                latch.closed();
            }
        }
        return 0;
    }

    private static String table(final List<LagJudge.Judged> judged) {
        final StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
            "%-7s %-22s %-24s %-34s %10s %10s %8s %9s %8s %10s%n", "status", "stage", "group", "partition",
            "committed", "log end", "lag", "lag s", "rate/s", "catch-up"));
        if (judged.isEmpty()) {
            out.append("(no committed offsets yet for the pipeline's group or any reader of its output topics)\n");
        }
        for (final LagJudge.Judged one : judged) {
            final PartitionLag lag = one.lag();
            out.append(String.format(Locale.ROOT, "%-7s %-22s %-24s %-34s %10d %10d %8d %9.1f %8s %10s%n",
                one.status(), lag.stage(), lag.group(), lag.partition(), lag.committed(), lag.logEnd(),
                lag.lagRecords(), lag.lagSeconds(), Double.isNaN(one.consumedPerSecond()) ? "-"
                    : String.format(Locale.ROOT, "%.1f", one.consumedPerSecond()),
                lag.lagRecords() == 0 || Double.isNaN(one.secondsToCatchUp()) ? "-"
                    : Double.isInfinite(one.secondsToCatchUp()) ? "never"
                    : String.format(Locale.ROOT, "%.0f s", one.secondsToCatchUp())));
        }
        return out.toString();
    }
}

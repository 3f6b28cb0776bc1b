package io.newswire.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Map;
import java.util.concurrent.Callable;

import io.newswire.app.Console;
import io.newswire.app.Settings;
import io.newswire.app.ops.Ops;
import io.newswire.app.ops.OpsSettings;
import io.newswire.app.pipeline.Exporter;
import io.newswire.app.pipeline.PipelineRun;
import io.newswire.app.pipeline.RunReport;
import io.newswire.streams.PipelineConfig;
import io.newswire.streams.enrich.Enricher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newswire run}: files and folders through the real topology, every item accounted for, outputs exported. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {
        "Processes the given files and folders (.txt transcripts, .jsonl items) through the real topology, waits "
            + "until every input item is accounted for exactly once (routed, duplicate or dead letter), prints a "
            + "summary and, with --export, writes every output topic to DIR/<topic>.jsonl.",
        "Runs on an embedded Kafka broker unless --bootstrap-servers (or NEWSWIRE_BOOTSTRAP_SERVERS) is given."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every item accounted for", "1:an item missing or doubled, or a failure", "2:bad usage"})
public final class RunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Mixin
    private OpsOptions http;

    @Option(names = "--input", required = true, arity = "1..*", paramLabel = "PATH",
        description = "Files or folders (searched recursively) of .txt and .jsonl inputs.")
    private List<Path> inputs;

    @Option(names = "--export", paramLabel = "DIR", description = "Write every output topic to DIR/<topic>.jsonl.")
    private Path exportDir;

    @Option(names = "--data", paramLabel = "DIR",
        description = "Keep the embedded broker's storage and the streams state in DIR across runs "
            + "(default: temporary, removed at exit).")
    private Path dataDir;

    @Option(names = "--rejects", paramLabel = "DIR",
        description = "Copy rejected input files and lines here, each with a .reason.txt (they always go to the "
            + "dead-letter topic too).")
    private Path rejectDir;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
        description = "Give up when no further input has come out for this long (default: 2m).")
    private Duration timeout;

    @Override
    public Integer call() throws IOException {
        InputPaths.requireExisting(spec, inputs);
        final Console console = Console.system();
        final Settings settings = common.settings();
        final PipelineConfig config = settings.pipeline();
        final CompletableFuture<Enricher> models = PipelineRun.loadEnricher(config, console);
        final OpsSettings opsSettings = settings.ops();
        try (LocalSession session = LocalSession.open(settings, dataDir, false, console);
             Ops ops = Ops.start("run", opsSettings.portOr(http.port, OpsOptions.STREAMS_PORT), opsSettings, console)
                 .withLag(session.kafka().clientProperties(settings.kafka()), config, List.of())) {
            final PipelineRun run = new PipelineRun(config, session.kafka().clientProperties(settings.kafka()),
                console, session.stateDir(), rejectDir, settings.maxItemBytes()).withOps(ops)
                .withBrokerLogDir(session.kafka().logDirectory());
            final RunReport report = run.run(inputs, timeout != null ? timeout : Duration.ofMinutes(2), models);
            ReportPrinter.summary(console, report);
            if (exportDir != null) {
                final Map<String, Path> files = Exporter.export(exportDir, config.outputTopics(), report.records());
                console.result("exported %d topics to %s", files.size(), exportDir.toAbsolutePath());
            }
            return report.complete() ? 0 : 1;
        }
    }
}

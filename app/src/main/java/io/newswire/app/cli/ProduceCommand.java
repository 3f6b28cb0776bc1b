package io.newswire.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import io.newswire.app.Console;
import io.newswire.app.Settings;
import io.newswire.app.ops.Ops;
import io.newswire.app.ops.OpsSettings;
import io.newswire.app.pipeline.PipelineRun;
import io.newswire.producer.InputReader;
import io.newswire.producer.ProduceJob;
import io.newswire.producer.parse.JsonlParser;
import io.newswire.producer.parse.TranscriptParser;
import io.newswire.producer.publish.PublishSummary;
import io.newswire.producer.publish.WirePublisher;
import io.newswire.producer.source.DirectoryWatcher;
import io.newswire.producer.source.InputFormat;
import io.newswire.producer.source.InputScanner;
import io.newswire.producer.source.RejectFolder;
import io.newswire.schema.serde.NewswireSerdes;
import io.newswire.streams.PipelineConfig;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newswire produce}: parse inputs and publish them to news.raw (files, a watched folder, or stdin). */
@Command(name = "produce", mixinStandardHelpOptions = true,
    description = "Parses wire items and publishes them to the raw topic with an idempotent producer "
        + "(acks=all). Unusable files and lines go to the dead-letter topic with the reason; the rest go through.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every readable item published", "1:Kafka did not take some records", "2:bad usage"})
public final class ProduceCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Mixin
    private OpsOptions http;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Source source;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "jsonl",
        description = "Format of standard input: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private InputFormat format;

    @Option(names = "--rejects", paramLabel = "DIR",
        description = "Copy rejected files and lines here with a .reason.txt (--watch uses DIR/rejected).")
    private Path rejectDir;

    @Option(names = "--no-create-topics", description = "Do not create missing topics (the cluster admin does).")
    private boolean noCreateTopics;

    @Option(names = "--poll-interval", paramLabel = "DURATION", defaultValue = "2s",
        converter = DurationConverter.class, description = "How often --watch looks for new files (default: 2s).")
    private Duration pollInterval;

    static final class Source {
        @Option(names = "--input", arity = "1..*", paramLabel = "PATH",
            description = "Files or folders (recursive) of .txt and .jsonl inputs.")
        List<Path> inputs;

        @Option(names = "--watch", paramLabel = "DIR",
            description = "Publish every file that appears in DIR, then move it to DIR/processed "
                + "(or DIR/rejected with a reason file); runs until stopped.")
        Path watch;

        @Option(names = "--stdin", description = "Read items from standard input (see --format).")
        boolean stdin;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (source.inputs != null) {
            InputPaths.requireExisting(spec, source.inputs);
        }
        final Console console = Console.system();
        final Settings settings = common.settings();
        final String servers = settings.requireBootstrapServers();
        final PipelineConfig config = settings.pipeline();
        if (!noCreateTopics) {
            PipelineRun.createTopics(settings.kafka(), config, console);
        }
        final long maxItemBytes = settings.maxItemBytes();
        final InputReader reader = new InputReader(new InputScanner(maxItemBytes),
            new TranscriptParser(Clock.systemUTC()), new JsonlParser(Clock.systemUTC()));
        // In watch mode, a stop request waits until the producers below are closed (their last sends flushed).
        final ShutdownLatch latch = source.watch != null ? new ShutdownLatch() : null;
        try (WirePublisher publisher = WirePublisher.connect(servers, "newswire-producer", config.topics(),
            Settings.producerOverrides(settings.kafka()), new NewswireSerdes(config.schemaRegistry()))) {
            final RejectFolder rejects = rejectDir == null ? null : new RejectFolder(rejectDir);
            final ProduceJob job = new ProduceJob(reader, publisher, console.fileProgress("reading"), rejects,
                rejection -> console.note("rejected %s", rejection.describe()));
            if (latch != null) {
                final OpsSettings opsSettings = settings.ops();
                try (Ops ops = Ops.start("produce", opsSettings.portOr(http.port, OpsOptions.PRODUCE_PORT),
                    opsSettings, console)) {
                    ops.bindPublisher(publisher);
                    return watch(job, console, latch);
                }
            }
            final PublishSummary summary = source.stdin ? job.run("stdin", format, System.in) : job.run(source.inputs);
            console.endProgressLine();
            console.result("%s", summary.describe());
            summary.failures().forEach(failure -> console.note("not published: %s", failure));
            return summary.allPublished() ? 0 : 1;
        } finally {
            if (latch != null) {
                latch.closed();
            }
        }
    }

    private int watch(final ProduceJob job, final Console console, final ShutdownLatch latch)
        throws IOException, InterruptedException {
        try (DirectoryWatcher watcher = new DirectoryWatcher(source.watch, pollInterval, job)) {
            watcher.start();
            console.note("watching %s every %d ms; Ctrl-C to stop", source.watch.toAbsolutePath(),
                pollInterval.toMillis());
            latch.await();
            return 0;
        }
    }
}

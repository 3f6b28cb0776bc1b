package io.newswire.app.cli;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import io.newswire.app.Console;
import io.newswire.app.Settings;
import io.newswire.app.ops.Ops;
import io.newswire.app.ops.OpsSettings;
import io.newswire.app.pipeline.PipelineRun;
import io.newswire.schema.serde.NewswireSerdes;
import io.newswire.streams.PipelineConfig;
import io.newswire.streams.StreamsRunner;
import io.newswire.streams.enrich.Enricher;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newswire streams}: the topology on its own, until stopped; run more of them to scale out. */
@Command(name = "streams", mixinStandardHelpOptions = true,
    description = {"Runs the topology (normalize, enrich, dedup, route; exactly_once_v2) against a Kafka cluster "
        + "until stopped with Ctrl-C or SIGTERM. Instances with the same newswire.application.id share the work.",
        "Kafka Streams settings (num.stream.threads, state.dir, security) come from --config or NEWSWIRE_KAFKA_*."})
public final class StreamsCommand implements Callable<Integer> {

    @Mixin
    private CommonOptions common;

    @Mixin
    private OpsOptions http;

    @Option(names = "--no-create-topics", description = "Do not create missing topics (the cluster admin does).")
    private boolean noCreateTopics;

    @Override
    public Integer call() throws InterruptedException {
        final Console console = Console.system();
        final Settings settings = common.settings();
        settings.requireBootstrapServers();
        final PipelineConfig config = settings.pipeline();
        if (!noCreateTopics) {
            PipelineRun.createTopics(settings.kafka(), config, console);
        }
        final ShutdownLatch latch = new ShutdownLatch();
        final OpsSettings opsSettings = settings.ops();
        try (Ops ops = Ops.start("streams", opsSettings.portOr(http.port, OpsOptions.STREAMS_PORT), opsSettings,
                console).withLag(settings.kafka(), config, List.of());
             StreamsRunner runner = new StreamsRunner(config, settings.kafka(),
                 new NewswireSerdes(config.schemaRegistry()),
                 Enricher.create(config.enrichment()), ops.meters())) {
            ops.bindStreams(runner.streams(), config);
            runner.onStateChange((now, before) -> {
                console.note("topology %s -> %s", before, now);
                if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
                    latch.release();
                }
            });
            try {
                runner.start();
            } catch (final RuntimeException e) {
                // Logged with its stack trace by the runner; this is the line a person running the command reads.
                console.note("%s", runner.failureReason().orElse(String.valueOf(e.getMessage())));
                return 1;
            }
            console.note("streams '%s' reading %s; Ctrl-C to stop", config.applicationId(), config.topics().raw());
            latch.await();
            final boolean failed = runner.state() == KafkaStreams.State.ERROR
                || runner.state() == KafkaStreams.State.PENDING_ERROR;
            runner.close(Duration.ofSeconds(30));
            if (failed) {
                // The log has the stack trace; this is the line a person running the command reads.
                runner.failureReason().ifPresent(reason -> console.note("%s", reason));
            }
            return failed ? 1 : 0;
        } finally {
            latch.closed();
        }
    }
}

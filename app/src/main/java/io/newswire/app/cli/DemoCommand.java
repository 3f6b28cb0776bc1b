package io.newswire.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;

import io.newswire.app.Console;
import io.newswire.app.Settings;
import io.newswire.app.pipeline.PipelineRun;
import io.newswire.app.pipeline.RunReport;
import io.newswire.streams.PipelineConfig;
import io.newswire.streams.enrich.Enricher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newswire demo}: the bundled samples through the whole pipeline on an embedded broker. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Starts an embedded Kafka broker, the topology and the producer on the bundled samples (the "
        + "Italian example transcript, the same meeting in Russian, English Kremlin items and a re-sent copy), "
        + "prints what arrived on each output topic, and exits.")
public final class DemoCommand implements Callable<Integer> {

    /** The bundled samples, in the jar under samples/. */
    static final List<String> SAMPLES = List.of(
        "kremlin-2021-08-21-putin-tokayev.it.txt",
        "kremlin-2021-08-21-putin-tokayev.ru.txt",
        "kremlin-en-samples.jsonl",
        "mirror-resend.jsonl");

    @Option(names = "--config", paramLabel = "FILE",
        description = "Properties file with newswire.* settings (routes, topics, thresholds); the demo always runs "
            + "on its own embedded broker.")
    private Path config;

    @Override
    public Integer call() throws IOException {
        final Console console = Console.system();
        final Settings settings = Settings.load(config, System.getenv(), java.util.Map.of());
        // One partition per topic: the samples are processed in the order they are published, so the re-sent copy
        // is always the duplicate of the original (on several partitions, the copy that reaches dedup first wins).
        final PipelineConfig config = settings.pipeline().withApplicationId("newswire-demo").withPartitions(1);
        final Path samples = extractSamples();
        final CompletableFuture<Enricher> models = PipelineRun.loadEnricher(config, console);
        try (LocalSession session = LocalSession.open(settings, null, true, console)) {
            final PipelineRun run = new PipelineRun(config, session.kafka().clientProperties(settings.kafka()),
                console, session.stateDir(), null, settings.maxItemBytes())
                .withBrokerLogDir(session.kafka().logDirectory());
            final RunReport report = run.run(List.of(samples), Duration.ofMinutes(2), models);
            ReportPrinter.arrivals(console, report, config.outputTopics());
            ReportPrinter.summary(console, report);
            return report.complete() ? 0 : 1;
        }
    }

    /** Copies the bundled samples to a temporary folder (removed at exit) and returns it. */
    static Path extractSamples() throws IOException {
        final Path dir = Files.createTempDirectory("newswire-samples-");
        dir.toFile().deleteOnExit();
        for (final String name : SAMPLES) {
            try (InputStream in = DemoCommand.class.getResourceAsStream("/samples/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("sample " + name + " is missing from the jar; rebuild it");
                }
                final Path file = dir.resolve(name);
                Files.copy(in, file);
                file.toFile().deleteOnExit();
            } catch (final UncheckedIOException e) {
                throw e.getCause();
            }
        }
        return dir;
    }
}

package io.newswire.app.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

import io.newswire.app.Console;
import io.newswire.app.Settings;
import io.newswire.producer.InputReader;
import io.newswire.producer.ItemSink;
import io.newswire.producer.parse.JsonlParser;
import io.newswire.producer.parse.TranscriptParser;
import io.newswire.producer.source.InputScanner;
import io.newswire.producer.source.Rejection;
import io.newswire.schema.WireItem;
import io.newswire.schema.json.RecordJson;
import io.newswire.streams.PipelineConfig;
import io.newswire.streams.enrich.Enricher;
import io.newswire.streams.stage.Normalizer;
import io.newswire.streams.stage.RouteDecider;
import io.newswire.streams.stage.StatelessPipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newswire enrich}: the stateless stages on files, no Kafka; EnrichedItem JSON lines on stdout. */
@Command(name = "enrich", mixinStandardHelpOptions = true,
    description = "Runs the stateless part of the topology (parse, normalize, enrich, route decision) on files, "
        + "without Kafka, and prints one JSON object per item on stdout; rejects and a summary go to stderr.")
public final class EnrichCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--input", required = true, arity = "1..*", paramLabel = "PATH",
        description = "Files or folders (recursive) of .txt and .jsonl inputs.")
    private List<Path> inputs;

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file with newswire.* settings.")
    private Path config;

    @Override
    public Integer call() {
        InputPaths.requireExisting(spec, inputs);
        final Console console = Console.system();
        final Settings settings = Settings.load(config, System.getenv(), Map.of());
        final PipelineConfig pipeline = settings.pipeline();
        final StatelessPipeline stages = new StatelessPipeline(new Normalizer(),
            Enricher.create(pipeline.enrichment()), new RouteDecider(pipeline.routes()));
        final AtomicLong items = new AtomicLong();
        final AtomicLong rejects = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final InputReader reader = new InputReader(new InputScanner(settings.maxItemBytes()),
            new TranscriptParser(Clock.systemUTC()), new JsonlParser(Clock.systemUTC()));
        final List<String> skipped = reader.readAll(inputs, new ItemSink() {
            @Override
            public void item(final WireItem item) {
                try {
                    console.result("%s", RecordJson.toJsonLine(stages.process(item, item.getIngestedAt())));
                    items.incrementAndGet();
                } catch (final RuntimeException e) {
                    // As the topology dead-letters such an item, this reports it and goes on with the others.
                    console.note("cannot enrich %s (%s): %s", item.getId(), item.getOrigin(), e);
                    failed.incrementAndGet();
                }
            }

            @Override
            public void rejected(final Rejection rejection) {
                console.note("rejected %s", rejection.describe());
                rejects.incrementAndGet();
            }
        }, console.fileProgress("enriching"));
        console.endProgressLine();
        skipped.forEach(name -> console.note("skipped %s (neither .txt nor .jsonl)", name));
        console.note("%d items enriched, %d rejected, %d failed", items.get(), rejects.get(), failed.get());
        return failed.get() == 0 ? 0 : 1;
    }
}

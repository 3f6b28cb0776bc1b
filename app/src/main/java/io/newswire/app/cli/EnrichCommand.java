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
import io.newswire.producer.source.Rejection;
import io.newswire.schema.WireItem;
import io.newswire.schema.json.RecordJson;
import io.newswire.streams.PipelineConfig;
import io.newswire.streams.enrich.Enricher;
import io.newswire.streams.stage.Normalizer;
import io.newswire.streams.stage.RouteDecider;
import io.newswire.streams.stage.StatelessPipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newswire enrich}: the stateless stages on files, no Kafka; EnrichedItem JSON lines on stdout. */
@Command(name = "enrich", mixinStandardHelpOptions = true,
    description = "Runs the stateless part of the topology (parse, normalize, enrich, route decision) on files, "
        + "without Kafka, and prints one JSON object per item on stdout; rejects and a summary go to stderr.")
public final class EnrichCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, arity = "1..*", paramLabel = "PATH",
        description = "Files or folders (recursive) of .txt and .jsonl inputs.")
    private List<Path> inputs;

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file with newswire.* settings.")
    private Path config;

    @Override
    public Integer call() {
        final Console console = Console.system();
        final PipelineConfig pipeline = Settings.load(config, System.getenv(), Map.of()).pipeline();
        final StatelessPipeline stages = new StatelessPipeline(new Normalizer(),
            Enricher.create(pipeline.enrichment()), new RouteDecider(pipeline.routes()));
        final AtomicLong items = new AtomicLong();
        final AtomicLong rejects = new AtomicLong();
        final List<String> skipped = InputReader.create(Clock.systemUTC()).readAll(inputs, new ItemSink() {
            @Override
            public void item(final WireItem item) {
                console.result("%s", RecordJson.toJsonLine(stages.process(item, item.getIngestedAt())));
                items.incrementAndGet();
            }

            @Override
            public void rejected(final Rejection rejection) {
                console.note("rejected %s", rejection.describe());
                rejects.incrementAndGet();
            }
        }, console.fileProgress("enriching"));
        console.endProgressLine();
        skipped.forEach(name -> console.note("skipped %s (neither .txt nor .jsonl)", name));
        console.note("%d items enriched, %d rejected", items.get(), rejects.get());
        return 0;
    }
}

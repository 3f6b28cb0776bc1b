package io.newswire.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

import io.newswire.app.Console;
import io.newswire.app.Settings;
import io.newswire.app.eval.DedupScore;
import io.newswire.app.pipeline.CollectedRecord;
import io.newswire.app.pipeline.PipelineRun;
import io.newswire.app.pipeline.RunReport;
import io.newswire.schema.DedupDecision;
import io.newswire.streams.PipelineConfig;
import io.newswire.streams.enrich.Enricher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code newswire eval-dedup}: the whole pipeline on a labelled set of pairs; precision and recall per decision. */
@Command(name = "eval-dedup", mixinStandardHelpOptions = true,
    description = {"Runs the whole pipeline (as `newswire run`, on the embedded broker unless --bootstrap-servers is "
        + "given) over DIR/items.jsonl and scores its dedup decisions against DIR/pairs.tsv (first id, second id, "
        + "expected: duplicate | update | translation | unrelated, kind): precision and recall of each decision, and "
        + "how many unrelated pairs were linked.",
        "",
        "The set built from the Kremlin corpus is app/src/test/resources/eval/dedup (see its README.md)."})
public final class EvalDedupCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Option(names = "--input", required = true, paramLabel = "DIR",
        description = "A folder with items.jsonl (in publication order) and pairs.tsv.")
    private Path input;

    @Option(names = "--partitions", defaultValue = "4", paramLabel = "N",
        description = "Partitions of the topics the run creates (default: ${DEFAULT-VALUE}), so pairs land on "
            + "different partitions.")
    private int partitions;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
        description = "Give up when no further input has come out for this long (default: 2m).")
    private Duration timeout;

    @Override
    public Integer call() throws IOException {
        final Path items = input.resolve("items.jsonl");
        final Path pairs = input.resolve("pairs.tsv");
        if (!Files.isRegularFile(items) || !Files.isRegularFile(pairs)) {
            throw new ParameterException(spec.commandLine(), input + " must hold items.jsonl and pairs.tsv");
        }
        final Console console = Console.system();
        final Settings settings = common.settings();
        final PipelineConfig config = settings.pipeline().withPartitions(partitions)
            .withApplicationId(settings.pipeline().applicationId() + "-eval-dedup-" + System.currentTimeMillis());
        final CompletableFuture<Enricher> models = PipelineRun.loadEnricher(config, console);
        try (LocalSession session = LocalSession.open(settings, null, false, console)) {
            final PipelineRun run = new PipelineRun(config, session.kafka().clientProperties(settings.kafka()),
                console, session.stateDir(), null, settings.maxItemBytes());
            final RunReport report = run.run(List.of(items), timeout != null ? timeout : Duration.ofMinutes(2), models);
            ReportPrinter.summary(console, report);
            final DedupScore score = DedupScore.of(pairs, decisions(report.records(), config));
            console.result("%s", score.markdown());
            return report.complete() ? 0 : 1;
        }
    }

    private static Map<String, List<DedupDecision>> decisions(final List<CollectedRecord> records,
                                                              final PipelineConfig config) {
        final Map<String, List<DedupDecision>> decisions = new LinkedHashMap<>();
        for (final CollectedRecord record : records) {
            if (record.topic().equals(config.topics().duplicates())
                && record.value() instanceof DedupDecision decision) {
                decisions.computeIfAbsent(decision.getId(), id -> new ArrayList<>()).add(decision);
            }
        }
        return decisions;
    }
}

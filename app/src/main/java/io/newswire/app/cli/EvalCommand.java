package io.newswire.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import io.newswire.app.Console;
import io.newswire.app.Settings;
import io.newswire.app.eval.EvalReport;
import io.newswire.app.eval.EvalSummary;
import io.newswire.app.eval.Evaluation;
import io.newswire.app.eval.Scoreboard;
import io.newswire.app.eval.TopicMapping;
import io.newswire.producer.InputReader;
import io.newswire.producer.parse.JsonlParser;
import io.newswire.producer.parse.TranscriptParser;
import io.newswire.producer.source.InputScanner;
import io.newswire.producer.source.Rejection;
import io.newswire.schema.WireItem;
import io.newswire.streams.PipelineConfig;
import io.newswire.streams.enrich.Enricher;
import io.newswire.streams.stage.Normalizer;
import io.newswire.streams.stage.RouteDecider;
import io.newswire.streams.stage.StatelessPipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code newswire eval}: the stateless pipeline scored against labelled .jsonl files; a report on stdout. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = {"Runs the stateless pipeline (as `newswire enrich`) over labelled .jsonl items and prints "
        + "precision, recall and F1 per topic, speaker recall and language accuracy.",
        "",
        "Labels are read by the evaluator only, never by the pipeline: `topics`, `speakers` (names opening speaker "
            + "turns, as written) and `lang` (ISO 639-1).",
        "",
        "A file whose `topics` are all route names (security, economy, ...) is scored as is, and its items labelled "
            + "`[]` count for false positives. Other files hold editors' topics, mapped with --topic-map; their items "
            + "without any are left out of the topic scores.",
        "",
        "After the details over all items, one row per file and per labelled language: the routes the set can "
            + "express, macro-F1 over them, the weakest, the share of route-labelled items given no topic at all, "
            + "and language accuracy (--json: the same rows under `sets`)."})
public final class EvalCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--input", required = true, arity = "1..*", paramLabel = "PATH",
        description = "Labelled .jsonl files, or folders holding them.")
    private List<Path> inputs;

    @Option(names = "--topic-map", paramLabel = "FILE",
        description = "Editors' topic -> newswire topic, one `National security=security` a line "
            + "(default: the mapping for the Kremlin corpus).")
    private Path topicMap;

    @Option(names = "--macro", split = ",", paramLabel = "TOPIC",
        description = "Topics to average F1 over in the details (default: every route some item is labelled with).")
    private List<String> macroTopics;

    @Option(names = "--min-language-chars", defaultValue = "100", paramLabel = "N",
        description = "Items with less text than this are left out of language accuracy (default: ${DEFAULT-VALUE}).")
    private int minLanguageChars;

    @Option(names = "--json", description = "Print the figures as one JSON object instead of Markdown tables.")
    private boolean json;

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file with newswire.* settings.")
    private Path config;

    @Override
    public Integer call() {
        InputPaths.requireExisting(spec, inputs);
        final List<Path> files = jsonlFiles(inputs);
        if (files.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "no .jsonl file under " + inputs
                + ": eval needs labelled JSON Lines (one item a line with `topics`, `speakers` or `lang`)");
        }
        final Console console = Console.system();
        final Settings settings = Settings.load(config, System.getenv(), Map.of());
        final PipelineConfig pipeline = settings.pipeline();
        final TopicMapping mapping = topicMap == null ? TopicMapping.kremlin() : TopicMapping.fromFile(topicMap);
        console.note("loading the enrichment models");
        final StatelessPipeline stages = new StatelessPipeline(new Normalizer(),
            Enricher.create(pipeline.enrichment()), new RouteDecider(pipeline.routes()));
        final InputReader reader = new InputReader(new InputScanner(settings.maxItemBytes()),
            new TranscriptParser(Clock.systemUTC()), new JsonlParser(Clock.systemUTC()));
        final AtomicLong rejected = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final Evaluation.Results results = new Evaluation(stages, reader, mapping, pipeline.routes().keySet(),
            minLanguageChars).runPerSet(files,
            new Evaluation.Problems() {
                @Override
                public void rejected(final Rejection rejection) {
                    console.note("rejected %s", rejection.describe());
                    rejected.incrementAndGet();
                }

                @Override
                public void failed(final WireItem item, final RuntimeException error) {
                    console.note("cannot enrich %s (%s): %s", item.getId(), item.getOrigin(), error);
                    failed.incrementAndGet();
                }
            },
            done -> console.progress(false, "evaluating: %d items", done));
        final Scoreboard board = results.all();
        console.progress(true, "evaluated %d items (%d rejected, %d failed)", board.items(), rejected.get(),
            failed.get());
        console.endProgressLine();
        final EvalReport report = new EvalReport(board, macroTopics != null ? macroTopics
            : board.expressedRoutes().isEmpty() ? mapping.topics() : board.expressedRoutes());
        final EvalSummary summary = new EvalSummary(results);
        console.result("%s", json ? report.json(summary) : report.markdown() + summary.markdown());
        return failed.get() == 0 ? 0 : 1;
    }

    private static List<Path> jsonlFiles(final List<Path> inputs) {
        final List<Path> files = new ArrayList<>();
        for (final Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    walk.filter(path -> path.toString().endsWith(".jsonl")).sorted().forEach(files::add);
                } catch (final IOException e) {
                    throw new UncheckedIOException("cannot list " + input + ": " + e.getMessage(), e);
                }
            } else {
                files.add(input);
            }
        }
        return files;
    }
}

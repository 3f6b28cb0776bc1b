package io.newswire.app.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntConsumer;

import io.newswire.producer.InputReader;
import io.newswire.producer.ItemSink;
import io.newswire.producer.source.Rejection;
import io.newswire.schema.EnrichedItem;
import io.newswire.schema.TopicScore;
import io.newswire.schema.WireItem;
import io.newswire.streams.enrich.ItemText;
import io.newswire.streams.stage.StatelessPipeline;

/**
 * Runs the stateless pipeline over labelled {@code .jsonl} files and scores it against their labels: files in, a
 * {@link Scoreboard} out. The pipeline reads each line as any input (labels ignored, as always); the labels are read
 * separately ({@link Labels}) and paired with the item by line number.
 */
public final class Evaluation {

    private final StatelessPipeline pipeline;
    private final InputReader reader;
    private final TopicMapping mapping;
    private final List<String> routes;
    private final int minLanguageChars;

    /**
     * @param mapping          editors' topics to routes, for files whose labels are not route names already
     * @param routes           the pipeline's routes: a file whose every label is one of them is scored as is, and
     *                         its items labelled {@code []} count for false positives
     * @param minLanguageChars items with less text than this (title, lead, body) are left out of language accuracy
     */
    public Evaluation(final StatelessPipeline pipeline, final InputReader reader, final TopicMapping mapping,
                      final Collection<String> routes, final int minLanguageChars) {
        this.pipeline = pipeline;
        this.reader = reader;
        this.mapping = mapping;
        this.routes = List.copyOf(new TreeSet<>(routes));
        this.minLanguageChars = minLanguageChars;
    }

    /**
     * The scores of a run: over everything, per file (by file name) and per labelled language.
     *
     * @param all        every item
     * @param byFile     each file's items, in the order given
     * @param byLanguage the items of each labelled language, by code
     */
    public record Results(Scoreboard all, Map<String, Scoreboard> byFile, Map<String, Scoreboard> byLanguage) {
    }

    /** What went wrong on the way: rejected lines, items the pipeline failed on. */
    public interface Problems {
        void rejected(Rejection rejection);

        void failed(WireItem item, RuntimeException error);
    }

    /** Scores every item of the files; {@code progress} hears the number of items done so far. */
    public Scoreboard run(final List<Path> files, final Problems problems, final IntConsumer progress) {
        return runPerSet(files, problems, progress).all();
    }

    /** As {@link #run}, with the scores of each file and each labelled language too. */
    public Results runPerSet(final List<Path> files, final Problems problems, final IntConsumer progress) {
        final Set<String> reported = new TreeSet<>(mapping.topics());
        reported.addAll(routes);
        final Scoreboard board = new Scoreboard(reported);
        final Map<String, Scoreboard> byFile = new LinkedHashMap<>();
        final Map<String, Scoreboard> byLanguage = new TreeMap<>();
        for (final Path file : files) {
            final Map<Long, Labels> labels;
            try {
                labels = Labels.read(file);
            } catch (final IOException e) {
                throw new UncheckedIOException("cannot read the labels of " + file + ": " + e.getMessage(), e);
            }
            final boolean routeLabels = routeLabelled(labels);
            final TopicMapping fileMapping = routeLabels ? TopicMapping.identity(routes) : mapping;
            final Scoreboard fileBoard = byFile.computeIfAbsent(file.getFileName().toString(),
                name -> new Scoreboard(fileMapping.topics()));
            reader.read(file, new ItemSink() {
                @Override
                public void item(final WireItem item) {
                    final Labels itemLabels = labels.get(lineOf(item));
                    try {
                        final EnrichedItem enriched = pipeline.process(item, Instant.EPOCH);
                        final List<Scoreboard> boards = new ArrayList<>(List.of(board, fileBoard));
                        if (itemLabels != null && itemLabels.language() != null) {
                            boards.add(byLanguage.computeIfAbsent(itemLabels.language(),
                                language -> new Scoreboard(reported)));
                        }
                        for (final Scoreboard one : boards) {
                            score(one, item, enriched, itemLabels, fileMapping, routeLabels);
                        }
                    } catch (final RuntimeException e) {
                        problems.failed(item, e);
                    }
                    progress.accept(board.items());
                }

                @Override
                public void rejected(final Rejection rejection) {
                    problems.rejected(rejection);
                }
            });
        }
        return new Results(board, byFile, byLanguage);
    }

    /** Whether a file's labels are route names already: at least one label, and every label a route. */
    private boolean routeLabelled(final Map<Long, Labels> labels) {
        boolean any = false;
        for (final Labels line : labels.values()) {
            for (final String topic : line.topics()) {
                if (!routes.contains(topic)) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    private void score(final Scoreboard board, final WireItem item, final EnrichedItem enriched, final Labels labels,
                       final TopicMapping fileMapping, final boolean routeLabels) {
        board.countItem();
        if (labels == null) {
            return;
        }
        // Route labels: [] says "none of the routes", so whatever the pipeline says is a false positive. Editors'
        // labels: [] says nothing (the Kremlin editors left most items untagged), and the item is left out.
        if (!labels.topics().isEmpty() || routeLabels && labels.topicsGiven()) {
            final Set<String> said = new HashSet<>();
            enriched.getTopics().stream().map(TopicScore::getName).forEach(said::add);
            board.topics(fileMapping.map(labels.topics()), said);
        }
        if (!labels.speakers().isEmpty()) {
            board.speakers(labels.speakers(), enriched.getSpeakers());
        }
        if (labels.language() != null && ItemText.of(item).length() >= minLanguageChars) {
            board.language(labels.language(), enriched.getLanguage());
        }
    }

    /** The line number the JSON Lines parser put at the end of the item's origin ({@code file.jsonl:42}). */
    private static long lineOf(final WireItem item) {
        final String origin = item.getOrigin();
        final int colon = origin == null ? -1 : origin.lastIndexOf(':');
        try {
            return colon < 0 ? -1 : Long.parseLong(origin.substring(colon + 1));
        } catch (final NumberFormatException e) {
            return -1;
        }
    }
}

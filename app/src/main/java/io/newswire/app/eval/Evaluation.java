package io.newswire.app.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private final int minLanguageChars;

    /**
     * @param minLanguageChars items with less text than this (title, lead, body) are left out of language accuracy
     */
    public Evaluation(final StatelessPipeline pipeline, final InputReader reader, final TopicMapping mapping,
                      final int minLanguageChars) {
        this.pipeline = pipeline;
        this.reader = reader;
        this.mapping = mapping;
        this.minLanguageChars = minLanguageChars;
    }

    /** What went wrong on the way: rejected lines, items the pipeline failed on. */
    public interface Problems {
        void rejected(Rejection rejection);

        void failed(WireItem item, RuntimeException error);
    }

    /** Scores every item of the files; {@code progress} hears the number of items done so far. */
    public Scoreboard run(final List<Path> files, final Problems problems, final IntConsumer progress) {
        final Scoreboard board = new Scoreboard(mapping.topics());
        for (final Path file : files) {
            final Map<Long, Labels> labels;
            try {
                labels = Labels.read(file);
            } catch (final IOException e) {
                throw new UncheckedIOException("cannot read the labels of " + file + ": " + e.getMessage(), e);
            }
            reader.read(file, new ItemSink() {
                @Override
                public void item(final WireItem item) {
                    final Labels itemLabels = labels.get(lineOf(item));
                    try {
                        score(board, item, pipeline.process(item, Instant.EPOCH), itemLabels);
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
        return board;
    }

    private void score(final Scoreboard board, final WireItem item, final EnrichedItem enriched, final Labels labels) {
        board.countItem();
        if (labels == null) {
            return;
        }
        if (!labels.topics().isEmpty()) {
            final Set<String> said = new HashSet<>();
            enriched.getTopics().stream().map(TopicScore::getName).forEach(said::add);
            board.topics(mapping.map(labels.topics()), said);
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

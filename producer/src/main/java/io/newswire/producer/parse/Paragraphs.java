package io.newswire.producer.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import io.newswire.schema.text.TextChanges;
import io.newswire.schema.text.TextNormalizer;

/**
 * Splits plain text into paragraphs: input text, output cleaned, non-empty paragraphs ({@link TextNormalizer#clean}).
 * A blank line always ends a paragraph. A single line break ends one after a sentence end, or before a line that
 * opens a paragraph of its own (a speaker turn, a source line); otherwise it is a hard wrap and the lines are joined.
 */
final class Paragraphs {

    private static final Pattern LINE_BREAK = Pattern.compile("\\R");
    /**
     * Characters that end a sentence (or a quotation or parenthesis that ends one); lines are cleaned first, so closing
     * curly quotes and guillemets are ASCII quotes by then.
     */
    private static final String SENTENCE_END = ".!?\u2026:;\")]";

    private Paragraphs() {
    }

    /**
     * The paragraphs of {@code text}; {@code opensParagraph} tells which (cleaned) lines start a paragraph, and
     * {@code changes} counts what cleaning the lines changed.
     */
    static List<String> split(final String text, final Predicate<String> opensParagraph, final TextChanges changes) {
        return split(List.of(LINE_BREAK.split(text, -1)), opensParagraph, changes);
    }

    /** The paragraphs of {@code lines}, as {@link #split(String, Predicate, TextChanges)}. */
    static List<String> split(final List<String> lines, final Predicate<String> opensParagraph,
                              final TextChanges changes) {
        final List<String> paragraphs = new ArrayList<>();
        StringBuilder current = null;
        for (final String raw : lines) {
            final String line = TextNormalizer.clean(raw, changes);
            if (line.isEmpty()) {
                current = flush(current, paragraphs);
            } else if (current == null) {
                current = new StringBuilder(line);
            } else if (endsSentence(current) || opensParagraph.test(line)) {
                flush(current, paragraphs);
                current = new StringBuilder(line);
            } else {
                current.append(' ').append(line);
            }
        }
        flush(current, paragraphs);
        return paragraphs;
    }

    private static boolean endsSentence(final StringBuilder paragraph) {
        return SENTENCE_END.indexOf(paragraph.charAt(paragraph.length() - 1)) >= 0;
    }

    private static StringBuilder flush(final StringBuilder current, final List<String> paragraphs) {
        if (current != null && current.length() > 0) {
            paragraphs.add(current.toString());
        }
        return null;
    }
}

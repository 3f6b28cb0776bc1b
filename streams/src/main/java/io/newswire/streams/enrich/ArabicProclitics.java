package io.newswire.streams.enrich;

import java.util.ArrayList;
import java.util.List;

/**
 * The forms of an Arabic word without its proclitics: {@code والعسكرية} → itself, {@code عسكرية} (and/the
 * stripped), so lexicon stems written bare match inflected text. Words in other scripts have only themselves.
 *
 * <p>Lucene's {@code ArabicStemmer} also strips suffixes and would turn terms and text into stems that no longer
 * read as the words of the lexicon; only the prefixes are needed here, and the word itself is always tried first,
 * since stems such as {@code وقود} (fuel) or {@code لقاح} (vaccine) begin with a proclitic letter.
 */
final class ArabicProclitics {

    /** Longest first: the article with a preposition or conjunction, the article, then one letter. */
    private static final String[] PREFIXES = {"وال", "فال", "بال", "كال", "ولل", "لل", "ال", "و", "ف", "ب", "ل", "ك"};
    private static final int MIN_STEM = 2;

    private ArabicProclitics() {
    }

    /** The word, then each form with a proclitic stripped (at least two letters left); the word alone otherwise. */
    static List<String> forms(final String word) {
        if (word.isEmpty() || !isArabic(word.charAt(0))) {
            return List.of(word);
        }
        final List<String> forms = new ArrayList<>(3);
        forms.add(word);
        for (final String prefix : PREFIXES) {
            if (word.length() - prefix.length() >= MIN_STEM && word.startsWith(prefix)) {
                forms.add(word.substring(prefix.length()));
            }
        }
        return forms;
    }

    private static boolean isArabic(final char c) {
        return c >= '\u0600' && c <= '\u06FF';
    }
}

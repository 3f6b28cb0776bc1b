package io.newswire.app.eval;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.newswire.schema.text.TextNormalizer;

/**
 * Word-trigram Jaccard similarity of two texts after {@link TextNormalizer#key}: how the dedup set describes its pairs
 * and keeps unlabelled items apart. A yardstick for the README, not the pipeline's measure.
 */
final class Similarity {

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final int SHINGLE = 3;

    private Similarity() {
    }

    static Set<String> shingles(final String text) {
        final List<String> words = NON_WORD.splitAsStream(TextNormalizer.key(text)).filter(w -> !w.isEmpty()).toList();
        final Set<String> shingles = new HashSet<>();
        if (words.size() < SHINGLE) {
            shingles.add(String.join(" ", words));
            return shingles;
        }
        for (int i = 0; i + SHINGLE <= words.size(); i++) {
            shingles.add(String.join(" ", words.subList(i, i + SHINGLE)));
        }
        return shingles;
    }

    static double jaccard(final Set<String> a, final Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1.0;
        }
        final Set<String> smaller = a.size() <= b.size() ? a : b;
        final Set<String> larger = smaller == a ? b : a;
        int common = 0;
        for (final String shingle : smaller) {
            if (larger.contains(shingle)) {
                common++;
            }
        }
        return (double) common / (a.size() + b.size() - common);
    }

    static double of(final DedupItem a, final DedupItem b) {
        return jaccard(shingles(a.text()), shingles(b.text()));
    }
}

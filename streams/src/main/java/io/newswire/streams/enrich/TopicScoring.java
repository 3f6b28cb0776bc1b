package io.newswire.streams.enrich;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The topic score and its parameters: term hits of an item in, a score 0..1 per topic out.
 *
 * <p>For each topic, the evidence is {@code E = Σ w · m^repeatExponent} over the topic's terms, where {@code w} is
 * the term's weight and {@code m} its occurrences, an occurrence in the title counting {@code titleWeight} times
 * (with {@code repeatExponent < 1} repeats count less and less: a transcript that says "security" twenty times is
 * not twenty times more about security). The evidence is divided by {@code max(1, (words / referenceWords)^
 * lengthExponent)}, so that long transcripts, which touch many topics in passing, need more evidence than a short
 * note. The score is {@code 1 - exp(-E' / scale)}: 0 without evidence, rising with the first hits, approaching 1.
 * A topic whose evidence is less than {@code minShare} of the item's strongest topic scores 0: an item about
 * something else that touches it in passing is not about it.
 *
 * <p>Short items go the other way: a wire flash or a headline has room for one or two telling words, so an item of
 * fewer than {@code shortWords} words has its evidence multiplied by {@code shortWords / words}, at most
 * {@code shortBoost} times ("Hearts 2-1 Livingston in the cup" says sport once, and that is all it will say).
 *
 * @param scale          evidence at which the (undiscounted) score reaches {@code 1 - 1/e ≈ 0.63}
 * @param referenceWords items up to this many words are not penalized for length
 * @param lengthExponent how strongly length is penalized beyond that (0.5: square root; 1: evidence per word)
 * @param repeatExponent how much repeats of a term count (1: each counts; 0.5: square root)
 * @param titleWeight    how many times an occurrence in the title counts
 * @param minShare       the least share of the strongest topic's evidence a topic needs to score at all (0..1)
 * @param shortWords     items under this many words have their evidence raised (0: never)
 * @param shortBoost     the most a short item's evidence is raised (1: never)
 */
public record TopicScoring(double scale, int referenceWords, double lengthExponent, double repeatExponent,
                           double titleWeight, double minShare, int shortWords, double shortBoost) {

    /** Chosen on the measurements in {@code eval/TOPICS.md}. */
    public static final TopicScoring DEFAULT = new TopicScoring(5.0, 400, 1.0, 1.0, 2.0, 0.5, 40, 2.0);

    /** Without a short-item boost. */
    public TopicScoring(final double scale, final int referenceWords, final double lengthExponent,
                        final double repeatExponent, final double titleWeight, final double minShare) {
        this(scale, referenceWords, lengthExponent, repeatExponent, titleWeight, minShare, 0, 1.0);
    }

    public TopicScoring {
        if (scale <= 0.0 || referenceWords <= 0 || titleWeight < 1.0 || lengthExponent < 0.0 || repeatExponent < 0.0
                || minShare < 0.0 || minShare > 1.0 || shortWords < 0 || shortBoost < 1.0) {
            throw new IllegalArgumentException("topic scoring parameters out of range: scale and referenceWords must"
                    + " be positive, titleWeight >= 1, exponents >= 0, minShare within 0..1, shortWords >= 0, "
                    + "shortBoost >= 1; were " + scale + ", " + referenceWords + ", " + lengthExponent + ", "
                    + repeatExponent + ", " + titleWeight + ", " + minShare + ", " + shortWords + ", " + shortBoost);
        }
    }

    /** Every topic's score, in the given topic order (0 for topics without hits), rounded to 3 decimals. */
    public Map<String, Double> scores(final List<String> topics, final List<TermHits> hits, final int words) {
        final Map<String, Double> evidence = new HashMap<>();
        for (final TermHits hit : hits) {
            final double occurrences = hit.inText() + (titleWeight - 1.0) * hit.inTitle();
            evidence.merge(hit.topic(), hit.weight() * Math.pow(occurrences, repeatExponent), Double::sum);
        }
        final double strongest = evidence.values().stream().mapToDouble(Double::doubleValue).max().orElse(0.0);
        final double lengthFactor = Math.max(1.0, Math.pow((double) words / referenceWords, lengthExponent))
                / (words < shortWords ? Math.min(shortBoost, (double) shortWords / Math.max(1, words)) : 1.0);
        final Map<String, Double> scores = new LinkedHashMap<>();
        for (final String topic : topics) {
            final double e = evidence.getOrDefault(topic, 0.0);
            final double score = e > 0.0 && e >= minShare * strongest ? 1.0 - Math.exp(-e / lengthFactor / scale) : 0.0;
            scores.put(topic, Math.round(score * 1000.0) / 1000.0);
        }
        return scores;
    }
}

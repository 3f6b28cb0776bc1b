package io.newswire.streams.enrich;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.newswire.schema.TopicScore;

/**
 * Scores an item's topics from a {@link TopicLexicon}: title and text in, the topics scoring at or above the
 * threshold out, strongest first (ties by name, so the order is deterministic). The score is described in
 * {@link TopicScoring}. Immutable and thread-safe.
 */
public final class TopicClassifier {

    private final TopicLexicon lexicon;
    private final TopicScoring scoring;
    private final double threshold;

    public TopicClassifier(final TopicLexicon lexicon, final TopicScoring scoring, final double threshold) {
        this.lexicon = lexicon;
        this.scoring = scoring;
        this.threshold = threshold;
    }

    /** The topics at or above the threshold, strongest first. */
    public List<TopicScore> classify(final String title, final String text) {
        final List<TopicScore> topics = new ArrayList<>();
        scores(title, text).forEach((topic, score) -> {
            if (score >= threshold && score > 0.0) {
                topics.add(new TopicScore(topic, score));
            }
        });
        topics.sort(Comparator.comparingDouble(TopicScore::getScore).reversed().thenComparing(TopicScore::getName));
        return topics;
    }

    /** Every topic of the lexicon with its score (0 when no term was found), in lexicon order. */
    public Map<String, Double> scores(final String title, final String text) {
        final List<Token> words = Token.of(text);
        return scoring.scores(lexicon.topics(), hits(Token.of(title), words), words.size());
    }

    /** The lexicon terms found in the text (which should include the title) and in the title. */
    public List<TermHits> hits(final String title, final String text) {
        return hits(Token.of(title), Token.of(text));
    }

    /** The topics of the lexicon, in its order. */
    public List<String> topics() {
        return lexicon.topics();
    }

    private List<TermHits> hits(final List<Token> title, final List<Token> text) {
        final Map<TopicLexicon.Term, Integer> inText = count(text);
        final Map<TopicLexicon.Term, Integer> inTitle = count(title);
        final List<TermHits> hits = new ArrayList<>();
        inText.forEach((term, n) -> hits.add(new TermHits(term.topic(), term.weight(), n, inTitle.getOrDefault(term, 0))));
        inTitle.forEach((term, n) -> {
            if (!inText.containsKey(term)) {
                hits.add(new TermHits(term.topic(), term.weight(), n, n));
            }
        });
        return hits;
    }

    /**
     * Occurrences of each term. Where several terms of one topic start at the same word ({@code militar*} and
     * {@code military exercise*}) only the heaviest counts, so one phrase is one piece of evidence; terms of
     * different topics may share a word ({@code energy security}).
     */
    private Map<TopicLexicon.Term, Integer> count(final List<Token> tokens) {
        final Map<TopicLexicon.Term, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            final Map<String, TopicLexicon.Term> heaviest = new HashMap<>();
            for (final TopicLexicon.Term term : lexicon.termsAt(tokens, i)) {
                heaviest.merge(term.topic(), term, (a, b) -> a.weight() >= b.weight() ? a : b);
            }
            heaviest.values().forEach(term -> counts.merge(term, 1, Integer::sum));
        }
        return counts;
    }
}

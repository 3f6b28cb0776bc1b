package io.newswire.streams.enrich;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.newswire.schema.TopicScore;

/**
 * Scores an item's topics: its language, title words and text words in, the topics scoring at or above the
 * threshold out, strongest first (ties by name, so the order is deterministic). Immutable and thread-safe.
 *
 * <p>Two sources, both data: the multilingual {@link TopicLexicon} scored as {@link TopicScoring} describes, for
 * every language; and a trained {@link TopicModel} for the languages that have one (English), which replaces the
 * lexicon's score for the topics it knows and reads the lexicon's scores as features. A topic the model does not
 * know (trade, in the bundled English model) keeps its lexicon score; and where the item is unlike the model's
 * training data ({@link #unfamiliar}: under {@link #FAMILIAR} of its words known to the model) a topic the lexicon
 * is sure of ({@link #LEXICON_SURE}) keeps its lexicon score when that is higher: the model speaks for the kind of
 * text it was trained on, the lexicon for the rest. Optionally, items of one language that get no topic go to a
 * second stage ({@link #withSecondStage}, {@link TopicEmbedding}). Each topic found carries its IPTC Media Topic code
 * from the {@link TopicTaxonomy}.
 */
public final class TopicClassifier {

    /**
     * A model trained on one source knows that source's words and little else: the Kremlin-trained English model
     * gives "Arsenal through on penalties" no topic at all, and is sure that a takeover between two countries'
     * companies is diplomacy. Where fewer than this share of an item's words are words the model knows
     * ({@link TopicModel#familiarity}), the item is not like what it learned from...
     */
    public static final double FAMILIAR = 0.96;
    /**
     * A headline or a flash is made of common words that any model knows, so its familiarity says little; there, as
     * before familiarity was measured, the sign is a quiet model: no topic of its own at this probability.
     */
    public static final double MODEL_QUIET = 0.7;
    /** ...and a lexicon score of at least this much stands beside the model's probability (the higher counts). */
    public static final double LEXICON_SURE = 0.8;
    /** The topic a results line in the headline points to ({@link ScoreLine}). */
    private static final String SPORT = "sport";

    private final TopicLexicon lexicon;
    private final TopicScoring scoring;
    private final double threshold;
    private final Map<String, TopicModel> models;
    private final List<String> topics;
    private final TopicTaxonomy taxonomy;
    /** The second stage for the items of its language this classifier gives no topic; null without one. */
    private final Supplier<TopicEmbedding> secondStage;
    private final String secondStageLanguage;

    public TopicClassifier(final TopicLexicon lexicon, final TopicScoring scoring, final double threshold) {
        this(lexicon, scoring, threshold, List.of());
    }

    /** A classifier that uses the given models for their languages (one model a language; a later one wins). */
    public TopicClassifier(final TopicLexicon lexicon, final TopicScoring scoring, final double threshold,
                           final List<TopicModel> models) {
        this(lexicon, scoring, threshold, models, TopicTaxonomy.bundled());
    }

    /** As above, with the taxonomy that gives each topic its IPTC code. */
    public TopicClassifier(final TopicLexicon lexicon, final TopicScoring scoring, final double threshold,
                           final List<TopicModel> models, final TopicTaxonomy taxonomy) {
        this.taxonomy = taxonomy;
        this.lexicon = lexicon;
        this.scoring = scoring;
        this.threshold = threshold;
        final Map<String, TopicModel> byLanguage = new HashMap<>();
        final List<String> all = new ArrayList<>(lexicon.topics());
        for (final TopicModel model : models) {
            byLanguage.put(model.language(), model);
            model.topics().stream().filter(topic -> !all.contains(topic)).forEach(all::add);
        }
        this.models = Map.copyOf(byLanguage);
        this.topics = List.copyOf(all);
        this.secondStage = null;
        this.secondStageLanguage = null;
    }

    private TopicClassifier(final TopicClassifier first, final String language,
                            final Supplier<TopicEmbedding> secondStage) {
        this.taxonomy = first.taxonomy;
        this.lexicon = first.lexicon;
        this.scoring = first.scoring;
        this.threshold = first.threshold;
        this.models = first.models;
        this.topics = first.topics;
        this.secondStage = secondStage;
        this.secondStageLanguage = language;
    }

    /**
     * This classifier, with a second stage for the items of {@code language} it gives no topic (asked for the stage
     * only then, and not at all when the supplier gives null).
     */
    public TopicClassifier withSecondStage(final String language, final Supplier<TopicEmbedding> stage) {
        return new TopicClassifier(this, language, stage);
    }

    /**
     * The topics at or above the threshold, strongest first; {@code language} may be null (unknown). The title and
     * text as written (the text should include the title) show what their words do not: the shape of a results line
     * ({@link ScoreLine}), and for the second stage, the text itself.
     */
    public List<TopicScore> classify(final String language, final String title, final String text,
                                     final List<Token> titleWords, final List<Token> textWords) {
        final List<TopicScore> found = new ArrayList<>();
        scores(language, ScoreLine.count(title), titleWords, textWords).forEach((topic, score) -> {
            if (score >= threshold && score > 0.0) {
                found.add(new TopicScore(topic, score, taxonomy.qcodeOf(topic)));
            }
        });
        if (found.isEmpty() && secondStage != null && secondStageLanguage.equals(language)) {
            final TopicEmbedding stage = secondStage.get();
            if (stage != null) {
                stage.topic(text, threshold).ifPresent(topic ->
                        found.add(new TopicScore(topic.getKey(), topic.getValue(), taxonomy.qcodeOf(topic.getKey()))));
            }
        }
        found.sort(Comparator.comparingDouble(TopicScore::getScore).reversed().thenComparing(TopicScore::getName));
        return found;
    }

    /** {@link #classify(String, String, String, List, List)} on raw title and text (which should include the title). */
    public List<TopicScore> classify(final String language, final String title, final String text) {
        return classify(language, title, text, Token.of(title), Token.of(text));
    }

    /** The lexicon alone, whatever the language: the topics at or above the threshold, strongest first. */
    public List<TopicScore> classify(final String title, final String text) {
        return classify(null, title, text);
    }

    /** Every topic with its score (0 when nothing points to it), lexicon topics first, in their order. */
    public Map<String, Double> scores(final String language, final List<Token> title, final List<Token> text) {
        return scores(language, 0, title, text);
    }

    private Map<String, Double> scores(final String language, final int scoreLines, final List<Token> title,
                                       final List<Token> text) {
        final List<TermHits> hits = hits(title, text);
        if (scoreLines > 0 && lexicon.topics().contains(SPORT)) {
            hits.add(new TermHits(SPORT, ScoreLine.WEIGHT, scoreLines, scoreLines));
        }
        final Map<String, Double> lexiconScores = scoring.scores(lexicon.topics(), hits, words(text));
        final TopicModel model = language == null ? null : models.get(language);
        if (model == null) {
            return lexiconScores;
        }
        final Map<String, Double> extras = new HashMap<>();
        lexiconScores.forEach((topic, score) -> extras.put(TopicModel.LEXICON_FEATURE + topic, score));
        final double[] probabilities = model.probabilities(title, text, extras);
        final Map<String, Double> scores = new LinkedHashMap<>(lexiconScores);
        final boolean unfamiliar = unfamiliar(model, text, probabilities, scoring.shortWords());
        for (int k = 0; k < probabilities.length; k++) {
            final String topic = model.topics().get(k);
            scores.put(topic, combined(Math.round(probabilities[k] * 1000.0) / 1000.0,
                    lexiconScores.getOrDefault(topic, 0.0), unfamiliar));
        }
        return scores;
    }

    /**
     * Whether an item is unlike the model's training data: under {@link #FAMILIAR} of its words known to the model,
     * or, for an item shorter than {@code shortWords}, no topic of the model's own at {@link #MODEL_QUIET}.
     */
    public static boolean unfamiliar(final TopicModel model, final List<Token> text, final double[] probabilities,
                                     final int shortWords) {
        if (model.familiarity(text) < FAMILIAR) {
            return true;
        }
        double strongest = 0.0;
        for (final double p : probabilities) {
            strongest = Math.max(strongest, p);
        }
        return words(text) < shortWords && strongest < MODEL_QUIET;
    }

    /**
     * The score of a topic the model knows: its probability, or the lexicon's score where that is higher, the lexicon
     * is sure ({@link #LEXICON_SURE}) and the item {@link #unfamiliar} to the model.
     */
    public static double combined(final double probability, final double lexicon, final boolean unfamiliar) {
        return lexicon >= LEXICON_SURE && unfamiliar ? Math.max(probability, lexicon) : probability;
    }

    /**
     * The text's length in words: a token of Han characters is a whole run of them, which holds about one word every
     * two characters.
     */
    static int words(final List<Token> text) {
        int words = 0;
        for (final Token token : text) {
            // A token is all Han or none (Token.of splits runs of Han from other letters).
            words += TopicLexicon.isHan(token.lower()) ? (token.lower().length() + 1) / 2 : 1;
        }
        return words;
    }

    /** The lexicon's scores of every lexicon topic, in lexicon order. */
    public Map<String, Double> scores(final String title, final String text) {
        return scores(null, ScoreLine.count(title), Token.of(title), Token.of(text));
    }

    /** The lexicon terms found in the text (which should include the title) and in the title. */
    public List<TermHits> hits(final String title, final String text) {
        return hits(Token.of(title), Token.of(text));
    }

    /** Every topic this classifier can give, lexicon topics first. */
    public List<String> topics() {
        return topics;
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

    /** Occurrences of each term in the tokens ({@link TopicLexicon#countAt} says what counts once). */
    private Map<TopicLexicon.Term, Integer> count(final List<Token> tokens) {
        final Map<TopicLexicon.Term, Integer> counts = new LinkedHashMap<>();
        final Map<String, List<TopicLexicon.Term>> memo = new HashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            lexicon.countAt(tokens, i, counts, memo);
        }
        return counts;
    }
}

package io.newswire.streams.enrich;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A multilingual topic lexicon: weighted terms per topic, read from a TSV file (topic, language, term, weight).
 * Terms are one or more words; a word ending in {@code *} matches any word it begins ({@code militar*} matches
 * {@code military}, {@code militari}); {@code {a,b}} lists alternatives. Matching ignores case. Immutable and
 * thread-safe.
 */
public final class TopicLexicon {

    static final String BUNDLED = "topics.tsv";

    /** One term of a topic. */
    record Term(String topic, List<String> words, List<Boolean> prefixes, double weight) {

        boolean matches(final List<Token> tokens, final int at) {
            if (at + words.size() > tokens.size()) {
                return false;
            }
            for (int k = 0; k < words.size(); k++) {
                final String token = tokens.get(at + k).lower();
                final boolean ok = prefixes.get(k) ? token.startsWith(words.get(k)) : token.equals(words.get(k));
                if (!ok) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<String> topics;
    private final Map<String, List<Term>> byFirstWord;
    private final Map<String, List<Term>> byFirstPrefix;
    /** Lengths of the prefix terms' first words, ascending. */
    private final int[] prefixLengths;

    private TopicLexicon(final List<String> topics, final List<Term> terms) {
        this.topics = List.copyOf(topics);
        final Map<String, List<Term>> words = new HashMap<>();
        final Map<String, List<Term>> prefixes = new HashMap<>();
        final Set<Integer> lengths = new TreeSet<>();
        for (final Term term : terms) {
            if (term.prefixes().get(0)) {
                prefixes.computeIfAbsent(term.words().get(0), k -> new ArrayList<>()).add(term);
                lengths.add(term.words().get(0).length());
            } else {
                words.computeIfAbsent(term.words().get(0), k -> new ArrayList<>()).add(term);
            }
        }
        this.byFirstWord = copy(words);
        this.byFirstPrefix = copy(prefixes);
        this.prefixLengths = lengths.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The lexicon shipped with newswire ({@code topics.tsv}). */
    public static TopicLexicon bundled() {
        return of(LexiconFile.resource(BUNDLED, 4));
    }

    /** A user's lexicon file, in the same format as the bundled one. */
    public static TopicLexicon fromFile(final Path path) {
        return of(LexiconFile.file(path, 4));
    }

    static TopicLexicon of(final List<LexiconFile.Line> lines) {
        final Set<String> topics = new LinkedHashSet<>();
        final List<Term> terms = new ArrayList<>();
        for (final LexiconFile.Line line : lines) {
            final String topic = line.column(0);
            final double weight = weight(line);
            topics.add(topic);
            for (final String form : LexiconFile.expand(line.column(2))) {
                final List<String> words = new ArrayList<>();
                final List<Boolean> prefixes = new ArrayList<>();
                for (final String word : form.strip().split("\\s+")) {
                    // Split like the text is split ("free-trade" -> free, trade); a final * marks the last part.
                    final boolean prefix = word.endsWith("*");
                    final List<Token> parts = Token.of(prefix ? word.substring(0, word.length() - 1) : word);
                    if (parts.isEmpty()) {
                        throw new IllegalArgumentException(line.origin() + ": term '" + form + "' has no word");
                    }
                    for (int k = 0; k < parts.size(); k++) {
                        words.add(parts.get(k).lower());
                        prefixes.add(prefix && k == parts.size() - 1);
                    }
                }
                terms.add(new Term(topic, List.copyOf(words), List.copyOf(prefixes), weight));
            }
        }
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("topic lexicon has no terms");
        }
        return new TopicLexicon(new ArrayList<>(topics), terms);
    }

    /** The topics, in the order the lexicon first names them. */
    public List<String> topics() {
        return topics;
    }

    /** Every term that starts at this token. */
    List<Term> termsAt(final List<Token> tokens, final int at) {
        final String word = tokens.get(at).lower();
        final List<Term> found = new ArrayList<>();
        for (final Term term : byFirstWord.getOrDefault(word, List.of())) {
            if (term.matches(tokens, at)) {
                found.add(term);
            }
        }
        for (final int length : prefixLengths) {
            if (length > word.length()) {
                break;
            }
            for (final Term term : byFirstPrefix.getOrDefault(word.substring(0, length), List.of())) {
                if (term.matches(tokens, at)) {
                    found.add(term);
                }
            }
        }
        return found;
    }

    private static double weight(final LexiconFile.Line line) {
        try {
            final double weight = Double.parseDouble(line.column(3));
            if (weight <= 0.0 || Double.isInfinite(weight) || Double.isNaN(weight)) {
                throw new NumberFormatException("not positive");
            }
            return weight;
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException(line.origin() + ": weight '" + line.column(3)
                    + "' is not a positive number", e);
        }
    }

    private static Map<String, List<Term>> copy(final Map<String, List<Term>> index) {
        final Map<String, List<Term>> copy = new HashMap<>();
        index.forEach((key, terms) -> copy.put(key, List.copyOf(terms)));
        return Map.copyOf(copy);
    }
}

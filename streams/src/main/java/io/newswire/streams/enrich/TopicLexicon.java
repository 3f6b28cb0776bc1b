package io.newswire.streams.enrich;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A multilingual topic lexicon: weighted terms per topic, read from a TSV file (topic, language, term, weight).
 * Terms are one or more words; a word ending in {@code *} matches any word it begins ({@code militar*} matches
 * {@code military}, {@code militari}); {@code {a,b}} lists alternatives. Matching ignores case. Immutable and
 * thread-safe.
 *
 * <p>Two scripts need more than whole words. Chinese is written without spaces, so a {@link Token} is a whole run of
 * Han characters: a Han term (e.g. {@code 军事}) matches wherever it occurs inside such a run, each occurrence
 * counting. Arabic attaches the article and one-letter conjunctions and prepositions to the word
 * ({@code والعسكرية}): an Arabic word also matches with those proclitics stripped.
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
                if (!matchesWord(k, tokens.get(at + k).lower())) {
                    return false;
                }
            }
            return true;
        }

        private boolean matchesWord(final int k, final String token) {
            for (final String form : ArabicProclitics.forms(token)) {
                if (prefixes.get(k) ? form.startsWith(words.get(k)) : form.equals(words.get(k))) {
                    return true;
                }
            }
            return false;
        }
    }

    private final List<String> topics;
    /** Han terms by their first character. */
    private final Map<Character, List<Term>> hanByFirstChar;
    private final Map<String, List<Term>> byFirstWord;
    /** Prefix terms by their first word's prefix, as a character trie: one walk per word, no substrings. */
    private final PrefixNode prefixTrie;
    /** A node of the prefix trie: the terms whose first-word prefix ends here. */
    private static final class PrefixNode {
        private final Map<Character, PrefixNode> children = new HashMap<>();
        private final List<Term> terms = new ArrayList<>();

        void add(final String prefix, final Term term) {
            PrefixNode node = this;
            for (int i = 0; i < prefix.length(); i++) {
                node = node.children.computeIfAbsent(prefix.charAt(i), c -> new PrefixNode());
            }
            node.terms.add(term);
        }
    }

    private TopicLexicon(final List<String> topics, final List<Term> terms) {
        this.topics = List.copyOf(topics);
        final Map<String, List<Term>> words = new HashMap<>();
        final Map<String, List<Term>> prefixes = new HashMap<>();
        final Map<Character, List<Term>> han = new HashMap<>();
        for (final Term term : terms) {
            if (term.words().size() == 1 && isHan(term.words().get(0))) {
                han.computeIfAbsent(term.words().get(0).charAt(0), k -> new ArrayList<>()).add(term);
            } else if (term.prefixes().get(0)) {
                prefixes.computeIfAbsent(term.words().get(0), k -> new ArrayList<>()).add(term);
            } else {
                words.computeIfAbsent(term.words().get(0), k -> new ArrayList<>()).add(term);
            }
        }
        this.byFirstWord = copy(words);
        final Map<Character, List<Term>> hanCopy = new HashMap<>();
        han.forEach((c, list) -> hanCopy.put(c, List.copyOf(list)));
        this.hanByFirstChar = Map.copyOf(hanCopy);
        this.prefixTrie = new PrefixNode();
        prefixes.forEach((prefix, list) -> list.forEach(term -> prefixTrie.add(prefix, term)));
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

    /**
     * Adds to {@code counts} the terms found at this token. Where several terms of one topic start at the same place
     * ({@code militar*} and {@code military exercise*}) only the heaviest counts, so one phrase is one piece of
     * evidence; terms of different topics may share a word ({@code energy security}). In a run of Han characters
     * every character is such a place. {@code memo} holds the terms each word could start, kept by the caller for
     * one text: most words of a text repeat, and most start no term at all, so they cost one lookup.
     */
    void countAt(final List<Token> tokens, final int at, final Map<Term, Integer> counts,
                 final Map<String, List<Term>> memo) {
        final String word = tokens.get(at).lower();
        final List<Term> candidates = memo.computeIfAbsent(word, this::candidatesOf);
        Map<String, Term> heaviest = null;
        for (final Term term : candidates) {
            if (term.matches(tokens, at)) {
                if (heaviest == null) {
                    heaviest = new HashMap<>();
                }
                heaviest.merge(term.topic(), term, (a, b) -> a.weight() >= b.weight() ? a : b);
            }
        }
        if (heaviest != null) {
            heaviest.values().forEach(term -> counts.merge(term, 1, Integer::sum));
        }
        if (!hanByFirstChar.isEmpty() && hasHan(word)) {
            countHan(word, counts);
        }
    }

    /** The terms whose first word is this word or a prefix of it (Arabic: also without proclitics). */
    private List<Term> candidatesOf(final String word) {
        List<Term> found = null;
        for (final String form : ArabicProclitics.forms(word)) {
            final List<Term> exact = byFirstWord.get(form);
            if (exact != null) {
                found = found == null ? new ArrayList<>() : found;
                found.addAll(exact);
            }
            PrefixNode node = prefixTrie;
            for (int i = 0; i < form.length() && node != null; i++) {
                node = node.children.get(form.charAt(i));
                if (node != null && !node.terms.isEmpty()) {
                    found = found == null ? new ArrayList<>() : found;
                    found.addAll(node.terms);
                }
            }
        }
        return found == null ? List.of() : found;
    }

    private void countHan(final String run, final Map<Term, Integer> counts) {
        for (int i = 0; i < run.length(); i++) {
            final List<Term> candidates = hanByFirstChar.get(run.charAt(i));
            if (candidates == null) {
                continue;
            }
            final Map<String, Term> heaviest = new HashMap<>();
            for (final Term term : candidates) {
                if (run.startsWith(term.words().get(0), i)) {
                    heaviest.merge(term.topic(), term, (a, b) -> a.weight() >= b.weight() ? a : b);
                }
            }
            heaviest.values().forEach(term -> counts.merge(term, 1, Integer::sum));
        }
    }

    static boolean isHan(final String word) {
        return !word.isEmpty() && word.codePoints().allMatch(c -> Character.UnicodeScript.of(c)
                == Character.UnicodeScript.HAN);
    }

    private static boolean hasHan(final String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.UnicodeScript.of(word.charAt(i)) == Character.UnicodeScript.HAN) {
                return true;
            }
        }
        return false;
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

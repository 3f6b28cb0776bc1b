package io.newswire.streams.enrich;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds known names in a text: each entry maps a written form ({@code Organizzazione per la cooperazione di
 * Shanghai}, {@code ШОС}, {@code 上海合作组织}) to a canonical value ({@code SCO}) of a {@link Kind}; tokens in, the
 * names found out, in order of appearance. Immutable and thread-safe.
 *
 * <p>Matching is on whole {@link Token}s, longest form first (so {@code Shanghai Cooperation Organisation} is an
 * organization, not the place Shanghai), and case-aware, because lower-case words collide with names ({@code un} is
 * an Italian article, {@code UN} the United Nations):
 * <ul>
 *   <li>a form written in capitals ({@code UN}, {@code ШОС}, {@code G20}) matches only the same capitals;</li>
 *   <li>a form starting with a capital ({@code Russia}) needs a capital on the text's first word, any case after
 *   ({@code Organizzazione per la cooperazione}, {@code RUSSIA});</li>
 *   <li>a lower-case form (adjectives such as {@code kazako}, {@code российский}) matches in any case; when the
 *   text's language is known, a lower-case form in Latin script matches only in its own language, so that Spanish
 *   {@code china} says nothing about English china plates.</li>
 * </ul>
 * Inflections match through the form's language's {@link Stemming}: a token matches a word of a form when its stem
 * equals the word's stem or the word itself ({@code Токаева} → {@code токаев}, while {@code Токаев} stems to
 * {@code тока}). Only tokens whose first letters begin some stemmed form are stemmed, so most words of a text cost
 * one hash lookup. Forms in Han characters match as substrings of Han tokens, since Chinese has no spaces.
 *
 * <p>A name whose value is {@link #BLOCKED} consumes its words without naming anything, so that a longer phrase
 * ({@code Latin America}) keeps a shorter form inside it ({@code America}) from matching.
 */
public final class Gazetteer {

    /** The value of names that name nothing. */
    public static final String BLOCKED = "";

    /** What a name names. */
    public enum Kind { COUNTRY, ORGANIZATION, PLACE, PERSON, TITLE }

    /** A name found in tokens {@code from} (inclusive) to {@code to} (exclusive). */
    public record Match(Kind kind, String value, int from, int to) {
    }

    /** Receives each name found, in order of appearance. */
    @FunctionalInterface
    public interface Sink {
        void found(Kind kind, String value, int from, int to);
    }

    private static final int PREFIX = Stemming.MIN_KEY_LENGTH;
    private static final Set<String> LATIN_LANGUAGES = Set.of("en", "de", "fr", "es", "pt", "it", "pl", "tr");

    /**
     * Stemmings not applied to lower-case forms: Romance and English adjectives inflect only for gender and number,
     * which the data files list, and their light stemmers cut short adjectives down to stems that words of other
     * languages share (Spanish chino → chin, which English china would then match).
     */
    private static final Set<Stemming> UNSTEMMED_LOWER_CASE = Set.of(Stemming.ENGLISH, Stemming.FRENCH,
            Stemming.SPANISH, Stemming.PORTUGUESE, Stemming.ITALIAN);

    private enum CaseRule { EXACT, CAPITALIZED, ANY }

    private record Name(Kind kind, String value) {
    }

    /**
     * One form: its words (for a stemmed entry, each word's accepted keys), how case is checked, the names it gives,
     * and the languages it was listed in (for lower-case forms: where it may match).
     */
    private static final class Entry {
        private final String[][] words;
        private final String first;
        private final CaseRule rule;
        private final Stemming stemming;
        private final List<Name> names = new ArrayList<>();
        private final Set<String> languages = new LinkedHashSet<>();
        private boolean gated;

        Entry(final String[][] words, final String first, final CaseRule rule, final Stemming stemming) {
            this.words = words;
            this.first = first;
            this.rule = rule;
            this.stemming = stemming;
        }

        int length() {
            return words.length;
        }

        boolean allowedIn(final String language) {
            return language == null || !gated || languages.contains(language);
        }
    }

    private static final Entry[] NONE = {};
    private static final Stemming[] STEMMINGS = Stemming.values();

    /** Exact entries by their first word (folded), longest first. */
    private final Map<String, Entry[]> exact;
    /** Stemmed entries by the keys of their first word, per {@link Stemming} ordinal, longest first. */
    private final List<Map<String, Entry[]>> stemmed;
    /** First letters of stemmed forms → bit set of the stemmings that have such forms: for any token / lower case. */
    private final PrefixMasks capitalizedPrefixes;
    private final PrefixMasks lowerCasePrefixes;
    private final HanTrie han;

    private Gazetteer(final Map<String, Entry[]> exact, final List<Map<String, Entry[]>> stemmed,
                      final PrefixMasks capitalizedPrefixes, final PrefixMasks lowerCasePrefixes,
                      final HanTrie han) {
        this.exact = exact;
        this.stemmed = stemmed;
        this.capitalizedPrefixes = capitalizedPrefixes;
        this.lowerCasePrefixes = lowerCasePrefixes;
        this.han = han;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The distinct values named in the text, in order of first appearance (any language). */
    public List<String> find(final String text) {
        return find(Token.of(text), null);
    }

    /** The distinct values named in the text of the given language (ISO 639-1, null when unknown). */
    public List<String> find(final String text, final String language) {
        return find(Token.of(text), language);
    }

    /** The distinct values named in the tokens, in order of first appearance (any language). */
    public List<String> find(final List<Token> tokens) {
        return find(tokens, null);
    }

    /** The distinct values named in the tokens of a text in the given language (null when unknown). */
    public List<String> find(final List<Token> tokens, final String language) {
        final Set<String> found = new LinkedHashSet<>();
        scan(tokens, language, (kind, value, from, to) -> found.add(value));
        return List.copyOf(found);
    }

    /** Every name in the tokens, in order of appearance, repeats included. */
    public List<Match> matches(final List<Token> tokens, final String language) {
        final List<Match> found = new ArrayList<>();
        scan(tokens, language, (kind, value, from, to) -> found.add(new Match(kind, value, from, to)));
        return found;
    }

    /** Reports every name in the tokens to the sink, in order; blocked names are consumed silently. */
    public void scan(final List<Token> tokens, final String language, final Sink sink) {
        int i = 0;
        while (i < tokens.size()) {
            final Token token = tokens.get(i);
            if (token.isHan()) {
                han.scan(token.text(), i, sink);
                i++;
                continue;
            }
            final Entry match = longestMatch(tokens, i, language);
            if (match == null) {
                i++;
            } else {
                for (final Name name : match.names) {
                    if (!BLOCKED.equals(name.value())) {
                        sink.found(name.kind(), name.value(), i, i + match.length());
                    }
                }
                i += match.length();
            }
        }
    }

    /** True when the word alone is a form of a name of one of the kinds (used to tell title words from names). */
    public boolean isSingleWordForm(final String word, final Set<Kind> kinds) {
        final List<Token> tokens = List.of(Token.word(word));
        final Entry match = longestMatch(tokens, 0, null);
        return match != null && match.names.stream()
                .anyMatch(name -> kinds.contains(name.kind()) && !BLOCKED.equals(name.value()));
    }

    private Entry longestMatch(final List<Token> tokens, final int at, final String language) {
        final Token token = tokens.get(at);
        Entry best = longest(exact.getOrDefault(token.lower(), NONE), tokens, at, language, null);
        final String lower = token.lower();
        if (Stemming.isArabic(lower)) {
            best = longestStemmed(Stemming.ARABIC, lower, tokens, at, language, best);
            final String bare = Stemming.withoutProclitic(lower);
            if (bare != null) {
                best = longestStemmed(Stemming.ARABIC, bare, tokens, at, language, best);
            }
            return best;
        }
        if (lower.length() < PREFIX) {
            return best;
        }
        int mask = (token.isCapitalized() ? capitalizedPrefixes : lowerCasePrefixes).mask(lower);
        if (language != null) {
            // One stemmer per token: the text's own (Cyrillic words keep the Russian one, whatever the text).
            mask &= 1 << Stemming.of(language).ordinal() | 1 << Stemming.RUSSIAN.ordinal();
        }
        for (int s = 0; mask != 0; s++, mask >>>= 1) {
            if ((mask & 1) != 0) {
                best = longestStemmed(STEMMINGS[s], lower, tokens, at, language, best);
            }
        }
        return best;
    }

    private Entry longestStemmed(final Stemming stemming, final String lower, final List<Token> tokens, final int at,
                                 final String language, final Entry best) {
        final String key = stemming.key(lower);
        if (key == null) {
            return best;
        }
        final Entry[] candidates = stemmed.get(stemming.ordinal()).get(key);
        return candidates == null ? best : longest(candidates, tokens, at, language, best);
    }

    /** The first (longest) candidate that matches, if longer than the best so far. */
    private static Entry longest(final Entry[] candidates, final List<Token> tokens, final int at,
                                 final String language, final Entry best) {
        for (final Entry entry : candidates) {
            if (best != null && entry.length() <= best.length()) {
                return best;
            }
            if (entry.allowedIn(language) && matches(entry, tokens, at)) {
                return entry;
            }
        }
        return best;
    }

    private static boolean matches(final Entry entry, final List<Token> tokens, final int at) {
        final int length = entry.length();
        if (at + length > tokens.size() || !caseMatches(entry, tokens.get(at))) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            if (!wordMatches(entry, k, tokens.get(at + k).lower())) {
                return false;
            }
        }
        return true;
    }

    private static boolean caseMatches(final Entry entry, final Token first) {
        return switch (entry.rule) {
            case EXACT -> first.text().equals(entry.first);
            case CAPITALIZED -> first.isCapitalized();
            case ANY -> true;
        };
    }

    private static boolean wordMatches(final Entry entry, final int k, final String lower) {
        final String[] accepted = entry.words[k];
        if (contains(accepted, lower)) {
            return true;
        }
        if (entry.stemming == Stemming.NONE) {
            return false;
        }
        final String key = entry.stemming.key(lower);
        if (key != null && contains(accepted, key)) {
            return true;
        }
        if (entry.stemming == Stemming.ARABIC) {
            final String bare = Stemming.withoutProclitic(lower);
            final String bareKey = bare == null ? null : Stemming.ARABIC.key(bare);
            return bareKey != null && contains(accepted, bareKey);
        }
        return false;
    }

    private static boolean contains(final String[] values, final String value) {
        for (final String candidate : values) {
            if (candidate.equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** Collects forms; for each kind, the first value given for a form wins. */
    public static final class Builder {

        private final Map<String, Entry> entries = new LinkedHashMap<>();
        private final HanTrie.Builder han = new HanTrie.Builder();

        private Builder() {
        }

        /** Adds a form of a country (for tests and single-purpose gazetteers), in no particular language. */
        public Builder add(final String form, final String value) {
            return add(Kind.COUNTRY, "*", form, value);
        }

        /**
         * Adds a form (words as written) of a name of the given kind, written in the given language (ISO 639-1, or
         * {@code *} for any: it is then matched as written, without stemming); forms without any word are ignored.
         */
        public Builder add(final Kind kind, final String language, final String form, final String value) {
            final Name name = new Name(kind, value);
            if (isHan(form)) {
                han.add(form, name);
                return this;
            }
            final List<Token> tokens = Token.of(form);
            if (tokens.isEmpty()) {
                return this;
            }
            final CaseRule rule = rule(tokens);
            addEntry(tokens, rule, Stemming.NONE, language, name);
            final Stemming stemming = Stemming.of(language);
            if (stemming != Stemming.NONE && rule != CaseRule.EXACT
                    && !(rule == CaseRule.ANY && UNSTEMMED_LOWER_CASE.contains(stemming))) {
                addEntry(tokens, rule, stemming, language, name);
            }
            return this;
        }

        public Gazetteer build() {
            final Map<String, List<Entry>> exact = new HashMap<>();
            final List<Map<String, List<Entry>>> stemmed = new ArrayList<>();
            for (int s = 0; s < Stemming.values().length; s++) {
                stemmed.add(new HashMap<>());
            }
            final Map<String, Integer> capitalized = new HashMap<>();
            final Map<String, Integer> lowerCase = new HashMap<>();
            for (final Entry entry : entries.values()) {
                entry.gated = entry.rule == CaseRule.ANY && LATIN_LANGUAGES.containsAll(entry.languages);
                if (entry.stemming == Stemming.NONE) {
                    exact.computeIfAbsent(entry.words[0][0], k -> new ArrayList<>()).add(entry);
                    continue;
                }
                for (final String key : entry.words[0]) {
                    stemmed.get(entry.stemming.ordinal()).computeIfAbsent(key, k -> new ArrayList<>()).add(entry);
                }
                final String word = entry.words[0][entry.words[0].length - 1];
                if (entry.stemming != Stemming.ARABIC && word.length() >= PREFIX) {
                    final int bit = 1 << entry.stemming.ordinal();
                    capitalized.merge(word.substring(0, PREFIX), bit, (a, b) -> a | b);
                    if (entry.rule == CaseRule.ANY) {
                        lowerCase.merge(word.substring(0, PREFIX), bit, (a, b) -> a | b);
                    }
                }
            }
            final List<Map<String, Entry[]>> stemmedIndex = new ArrayList<>();
            stemmed.forEach(index -> stemmedIndex.add(sorted(index)));
            return new Gazetteer(sorted(exact), List.copyOf(stemmedIndex), new PrefixMasks(capitalized),
                    new PrefixMasks(lowerCase), han.build());
        }

        private void addEntry(final List<Token> tokens, final CaseRule rule, final Stemming stemming,
                              final String language, final Name name) {
            final Entry entry = entries.computeIfAbsent(identity(tokens, rule, stemming),
                    k -> new Entry(words(tokens, stemming), tokens.get(0).text(), rule, stemming));
            if (entry.names.stream().noneMatch(known -> known.kind() == name.kind())) {
                entry.names.add(name);
            }
            entry.languages.add(language);
        }

        /**
         * Each word's accepted keys: the word itself and, when stemmed, its stem. The word itself is kept because
         * light stemmers treat some name endings as case endings: {@code Токаев} stems to {@code тока}, yet
         * {@code Токаева} to {@code токаев}.
         */
        private static String[][] words(final List<Token> tokens, final Stemming stemming) {
            final String[][] words = new String[tokens.size()][];
            for (int k = 0; k < tokens.size(); k++) {
                final String lower = tokens.get(k).lower();
                final String key = stemming.key(lower);
                words[k] = key == null || key.equals(lower) ? new String[] {lower} : new String[] {key, lower};
            }
            return words;
        }

        private static String identity(final List<Token> tokens, final CaseRule rule, final Stemming stemming) {
            final StringBuilder identity = new StringBuilder(stemming.name()).append('|').append(rule).append('|');
            tokens.forEach(token -> identity.append(token.lower()).append(' '));
            return identity.toString();
        }

        private static Map<String, Entry[]> sorted(final Map<String, List<Entry>> index) {
            final Comparator<Entry> longestFirst = Comparator.comparingInt((Entry e) -> -e.length())
                    .thenComparing(e -> e.rule.ordinal())
                    .thenComparing(e -> e.first);
            final Map<String, Entry[]> sorted = new HashMap<>();
            index.forEach((word, list) -> sorted.put(word, list.stream().sorted(longestFirst).toArray(Entry[]::new)));
            // A HashMap, not Map.copyOf: the immutable map probes linearly with equals and is several times slower on
            // misses, which most tokens of a text are.
            return sorted;
        }

        private static boolean isHan(final String form) {
            return !form.isEmpty() && form.chars().allMatch(c -> Token.isHan((char) c));
        }

        private static CaseRule rule(final List<Token> tokens) {
            final String first = tokens.get(0).text();
            if (tokens.size() == 1 && first.length() > 1 && first.equals(first.toUpperCase(Locale.ROOT))
                    && first.chars().anyMatch(Character::isUpperCase)) {
                return CaseRule.EXACT;
            }
            return tokens.get(0).isCapitalized() ? CaseRule.CAPITALIZED : CaseRule.ANY;
        }
    }

    /**
     * First letters of words → bit set of {@link Stemming}s, in an open-addressing table of the letters packed into a
     * long: looked up for most tokens of a text, so without allocating a prefix string.
     */
    private static final class PrefixMasks {

        private final long[] keys;
        private final int[] masks;

        PrefixMasks(final Map<String, Integer> byPrefix) {
            final int size = Integer.highestOneBit(Math.max(16, byPrefix.size() * 2)) * 2;
            keys = new long[size];
            masks = new int[size];
            byPrefix.forEach((prefix, mask) -> {
                int slot = slot(pack(prefix));
                while (keys[slot] != 0) {
                    slot = (slot + 1) & (keys.length - 1);
                }
                keys[slot] = pack(prefix);
                masks[slot] = mask;
            });
        }

        /** The stemmings with forms that begin like the word (at least {@value #PREFIX} chars long); 0 for none. */
        int mask(final String word) {
            final long key = pack(word);
            for (int slot = slot(key); keys[slot] != 0; slot = (slot + 1) & (keys.length - 1)) {
                if (keys[slot] == key) {
                    return masks[slot];
                }
            }
            return 0;
        }

        private int slot(final long key) {
            return (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & (keys.length - 1);
        }

        /** The first chars of the word, 16 bits each: never 0, as words hold no NUL. */
        private static long pack(final String word) {
            long key = 0;
            for (int i = 0; i < PREFIX; i++) {
                key = key << 16 | word.charAt(i);
            }
            return key;
        }
    }

    /**
     * Han forms as a character trie, scanned at every position of a Han token, longest form first: Chinese names are
     * substrings of runs without spaces ({@code 普京总统在莫斯科} holds {@code 普京} and {@code 莫斯科}).
     */
    private static final class HanTrie {

        private final char[] labels;
        private final HanTrie[] children;
        private final List<Name> names;

        private HanTrie(final char[] labels, final HanTrie[] children, final List<Name> names) {
            this.labels = labels;
            this.children = children;
            this.names = names;
        }

        void scan(final String text, final int token, final Sink sink) {
            int at = 0;
            while (at < text.length()) {
                HanTrie node = this;
                List<Name> found = null;
                int length = 0;
                for (int k = at; k < text.length() && node != null; k++) {
                    node = node.child(text.charAt(k));
                    if (node != null && node.names != null) {
                        found = node.names;
                        length = k - at + 1;
                    }
                }
                if (found == null) {
                    at++;
                } else {
                    for (final Name name : found) {
                        if (!BLOCKED.equals(name.value())) {
                            sink.found(name.kind(), name.value(), token, token + 1);
                        }
                    }
                    at += length;
                }
            }
        }

        private HanTrie child(final char c) {
            final int index = Arrays.binarySearch(labels, c);
            return index < 0 ? null : children[index];
        }

        /** A mutable trie, frozen by {@link #build}. */
        static final class Builder {
            private final Map<Character, Builder> children = new HashMap<>();
            private List<Name> names;

            void add(final String form, final Name name) {
                Builder node = this;
                for (int k = 0; k < form.length(); k++) {
                    node = node.children.computeIfAbsent(form.charAt(k), c -> new Builder());
                }
                if (node.names == null) {
                    node.names = new ArrayList<>();
                }
                if (node.names.stream().noneMatch(known -> known.kind() == name.kind())) {
                    node.names.add(name);
                }
            }

            HanTrie build() {
                final char[] labels = new char[children.size()];
                final HanTrie[] built = new HanTrie[children.size()];
                int k = 0;
                for (final Character c : children.keySet().stream().sorted().toList()) {
                    labels[k] = c;
                    built[k] = children.get(c).build();
                    k++;
                }
                return new HanTrie(labels, built, names == null ? null : List.copyOf(names));
            }
        }
    }
}

package io.newswire.streams.enrich;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds known names in a text: each entry maps a written form ({@code Organizzazione per la cooperazione di
 * Shanghai}, {@code ШОС}) to a canonical value ({@code SCO}); text in, the distinct values found out, in order of
 * first appearance. Immutable and thread-safe.
 *
 * <p>Matching is on whole {@link Token}s, longest form first, and case-aware, because lower-case words collide with
 * names in the three languages ({@code un} is an Italian article, {@code UN} the United Nations):
 * <ul>
 *   <li>a form written in capitals ({@code UN}, {@code ШОС}, {@code G20}) matches only the same capitals;</li>
 *   <li>a form starting with a capital ({@code Russia}) needs a capital on the text's first word, any case after
 *   ({@code Organizzazione per la cooperazione}, {@code RUSSIA});</li>
 *   <li>a lower-case form (adjectives such as {@code kazako}, {@code российский}) matches in any case.</li>
 * </ul>
 * An entry whose value is {@link #BLOCKED} consumes its words without naming anything, so that a longer phrase
 * ({@code Latin America}) keeps a shorter form inside it ({@code America}) from matching.
 */
public final class Gazetteer {

    /** The value of entries that name nothing. */
    public static final String BLOCKED = "";

    private enum CaseRule { EXACT, CAPITALIZED, ANY }

    private record Entry(List<String> words, String form, CaseRule rule, String value) {
    }

    /** Entries by their first word (folded), longest first. */
    private final Map<String, List<Entry>> byFirstWord;

    private Gazetteer(final Map<String, List<Entry>> byFirstWord) {
        this.byFirstWord = byFirstWord;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The distinct values named in the text, in order of first appearance. */
    public List<String> find(final String text) {
        return find(Token.of(text));
    }

    /** The distinct values named in the tokens, in order of first appearance. */
    public List<String> find(final List<Token> tokens) {
        final Set<String> found = new LinkedHashSet<>();
        int i = 0;
        while (i < tokens.size()) {
            final Entry match = longestMatch(tokens, i);
            if (match == null) {
                i++;
            } else {
                if (!BLOCKED.equals(match.value())) {
                    found.add(match.value());
                }
                i += match.words().size();
            }
        }
        return List.copyOf(found);
    }

    /** True when the word alone is one of the forms (used to tell title words from names). */
    public boolean isSingleWordForm(final String word) {
        final List<Entry> entries = byFirstWord.get(Token.fold(word));
        return entries != null && entries.stream()
                .anyMatch(entry -> entry.words().size() == 1 && !BLOCKED.equals(entry.value()));
    }

    private Entry longestMatch(final List<Token> tokens, final int at) {
        final List<Entry> candidates = byFirstWord.get(tokens.get(at).lower());
        if (candidates == null) {
            return null;
        }
        for (final Entry entry : candidates) {
            if (matches(entry, tokens, at)) {
                return entry;
            }
        }
        return null;
    }

    private static boolean matches(final Entry entry, final List<Token> tokens, final int at) {
        final int length = entry.words().size();
        if (at + length > tokens.size()) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            if (!tokens.get(at + k).lower().equals(entry.words().get(k))) {
                return false;
            }
        }
        return switch (entry.rule()) {
            case EXACT -> tokens.get(at).text().equals(entry.form());
            case CAPITALIZED -> tokens.get(at).isCapitalized();
            case ANY -> true;
        };
    }

    /** Collects forms; the first value given for a form wins. */
    public static final class Builder {

        private final Map<String, Entry> byForm = new HashMap<>();

        private Builder() {
        }

        /** Adds a form (words as written) for a canonical value; forms without any word are ignored. */
        public Builder add(final String form, final String value) {
            final List<Token> tokens = Token.of(form);
            if (tokens.isEmpty()) {
                return this;
            }
            final List<String> words = tokens.stream().map(Token::lower).toList();
            byForm.putIfAbsent(String.join(" ", words) + "|" + rule(tokens),
                    new Entry(words, tokens.get(0).text(), rule(tokens), value));
            return this;
        }

        public boolean contains(final String form) {
            final List<Token> tokens = Token.of(form);
            return !tokens.isEmpty() && byForm.containsKey(
                    String.join(" ", tokens.stream().map(Token::lower).toList()) + "|" + rule(tokens));
        }

        public Gazetteer build() {
            final Map<String, List<Entry>> index = new HashMap<>();
            for (final Entry entry : byForm.values()) {
                index.computeIfAbsent(entry.words().get(0), k -> new ArrayList<>()).add(entry);
            }
            final Comparator<Entry> longestFirst = Comparator.comparingInt((Entry e) -> -e.words().size())
                    .thenComparing(e -> e.rule().ordinal())
                    .thenComparing(Entry::form);
            index.replaceAll((word, entries) -> entries.stream().sorted(longestFirst).toList());
            return new Gazetteer(Map.copyOf(index));
        }

        private static CaseRule rule(final List<Token> tokens) {
            final String first = tokens.get(0).text();
            if (tokens.size() == 1 && first.length() > 1 && first.equals(first.toUpperCase(Locale.ROOT))
                    && first.chars().anyMatch(Character::isLetter)) {
                return CaseRule.EXACT;
            }
            return tokens.get(0).isCapitalized() ? CaseRule.CAPITALIZED : CaseRule.ANY;
        }
    }
}

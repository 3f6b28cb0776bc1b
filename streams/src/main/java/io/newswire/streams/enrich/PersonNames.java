package io.newswire.streams.enrich;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.newswire.schema.text.TextNormalizer;

/**
 * Tells the person a speaker label names: {@code President of Russia Vladimir Putin} → {@code Vladimir Putin},
 * {@code Presidente della Federazione Russa Vladimir Putin} → {@code Vladimir Putin}, {@code Question} → none.
 * Immutable and thread-safe.
 *
 * <p>The name is the run of capitalized words at the end of the label, stopped by the first word that is a title
 * or office ({@code person-titles.tsv}), a country or an organization: titles are an open set ({@code Minister of
 * Industry and Trade}, {@code Gazprom CEO}), names are what is left after them. A name has two to five words, or is
 * an initial and a surname ({@code В.Путин}); anything else (roles such as {@code Question}, sentences mistaken for
 * speakers) is not a person.
 */
public final class PersonNames {

    static final String TITLES = "person-titles.tsv";

    private static final int MIN_WORDS = 2;
    private static final int MAX_WORDS = 5;
    private static final Pattern NAME_WORD = Pattern.compile("\\p{Lu}[\\p{L}\\p{M}'’.-]*");
    private static final Pattern INITIAL_AND_SURNAME = Pattern.compile("\\p{Lu}\\.\\s?\\p{Lu}\\p{L}+");
    private static final Pattern POSSESSIVE = Pattern.compile("['’]s$");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\p{Punct}«»“”„]+|[,:;!?«»“”„\"]+$");

    private final Set<String> titleWords;
    private final Gazetteer countries;
    private final Gazetteer organizations;

    private PersonNames(final Set<String> titleWords, final Gazetteer countries, final Gazetteer organizations) {
        this.titleWords = Set.copyOf(titleWords);
        this.countries = countries;
        this.organizations = organizations;
    }

    /** The bundled title words, with the given gazetteers as further stop words. */
    public static PersonNames load(final Gazetteer countries, final Gazetteer organizations) {
        final Set<String> words = new HashSet<>();
        for (final LexiconFile.Line line : LexiconFile.resource(TITLES, 2)) {
            LexiconFile.expand(line.column(1)).forEach(word -> words.add(Token.fold(word.strip())));
        }
        return new PersonNames(words, countries, organizations);
    }

    /** The person's name in a speaker label, or null when the label names no person. */
    public String personOf(final String speaker) {
        final String label = TextNormalizer.clean(speaker);
        if (label == null || label.isEmpty()) {
            return null;
        }
        if (INITIAL_AND_SURNAME.matcher(label).matches()) {
            return label;
        }
        final String[] words = label.split(" ");
        final Deque<String> name = new ArrayDeque<>();
        for (int i = words.length - 1; i >= 0; i--) {
            final String word = EDGE_PUNCTUATION.matcher(words[i]).replaceAll("");
            if (word.isEmpty() || !isNameWord(word)) {
                break;
            }
            name.addFirst(word);
        }
        if (name.size() < MIN_WORDS || name.size() > MAX_WORDS) {
            return null;
        }
        return String.join(" ", name);
    }

    private boolean isNameWord(final String word) {
        if (!NAME_WORD.matcher(word).matches()) {
            return false;
        }
        final String bare = POSSESSIVE.matcher(word).replaceAll("");
        if (isStopWord(bare) || isAcronym(bare)) {
            return false;
        }
        for (final String part : bare.split("-")) {
            if (part.isEmpty() || Character.isLowerCase(part.codePointAt(0)) || isStopWord(part)) {
                return false;
            }
        }
        return true;
    }

    private boolean isStopWord(final String word) {
        return titleWords.contains(Token.fold(word)) || countries.isSingleWordForm(word)
                || organizations.isSingleWordForm(word);
    }

    /** {@code CEO}, {@code FIFA}, {@code TV}: organizations and offices, not names (names in capitals are longer). */
    private static boolean isAcronym(final String word) {
        return word.length() <= 4 && word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT))
                && word.chars().allMatch(Character::isLetter);
    }

    /** The distinct persons named by the speakers, in the speakers' order. */
    public List<String> persons(final List<String> speakers) {
        return speakers.stream().map(this::personOf).filter(p -> p != null).distinct().toList();
    }
}

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
 * Tells the persons that speaker labels and texts name, each in one canonical form: {@code President of Russia
 * Vladimir Putin}, {@code Владимира Путина}, {@code Poutine} → {@code Vladimir Putin}. Immutable and thread-safe.
 *
 * <p>Known persons come from {@code persons.tsv} (canonical name, language, forms with inflections): a full name
 * matches anywhere, inflected through its language's {@link Stemming}; a form of one word is a bare surname, listed
 * only for persons that the surname alone names unambiguously. A name the file does not know is still taken when it
 * follows a title ({@code President Emmanuel Macron}, {@code Президент Франции Эммануэль Макрон}), as written: the
 * run of two to four capitalized words that ends the title phrase, which may hold the office, a country or an
 * organization between title and name ({@code Governor of Tula Region Alexei Dyumin}). Scripts without capitals
 * (Chinese, Arabic) cannot delimit an unknown name, so only known persons are found there.
 *
 * <p>Speaker labels: the name is the run of capitalized words at the end of the label, stopped by the first word that
 * is a title or office ({@code person-titles.tsv}), a country or an organization: titles are an open set ({@code
 * Minister of Industry and Trade}, {@code Gazprom CEO}), names are what is left after them. A name has two to five
 * words, or is an initial and a surname ({@code В.Путин}); anything else (roles such as {@code Question}, sentences
 * mistaken for speakers) is not a person. The name is then canonicalised through the known persons.
 */
public final class PersonNames {

    static final String TITLES = "person-titles.tsv";
    static final String PERSONS = "persons.tsv";

    /** Title-file kind of a word that stands right before a name ({@code President}, {@code Mr}). */
    static final String TITLE = "title";

    private static final int MIN_WORDS = 2;
    private static final int MAX_WORDS = 5;
    private static final int MAX_NAME_WORDS_AFTER_TITLE = 4;
    /** How far after a title word the name may start: {@code Minister of Foreign Affairs of the Russian Federation}. */
    private static final int MAX_TITLE_PHRASE = 10;
    private static final Set<String> PARTICLES = Set.of("al", "el", "bin", "ibn", "van", "von", "der", "den", "de",
            "da", "di", "du", "dos", "das", "del", "la", "le", "ben");
    private static final Set<Gazetteer.Kind> STOP_KINDS = Set.of(Gazetteer.Kind.COUNTRY,
            Gazetteer.Kind.ORGANIZATION, Gazetteer.Kind.TITLE);
    private static final Pattern NAME_WORD = Pattern.compile("\\p{Lu}[\\p{L}\\p{M}'’.-]*");
    private static final Pattern INITIAL_AND_SURNAME = Pattern.compile("\\p{Lu}\\.\\s?\\p{Lu}\\p{L}+");
    private static final Pattern POSSESSIVE = Pattern.compile("['’]s$");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\p{Punct}«»“”„]+|[,:;!?«»“”„\"]+$");

    private final Set<String> titleWords;
    private final Gazetteer names;

    private PersonNames(final Set<String> titleWords, final Gazetteer names) {
        this.titleWords = Set.copyOf(titleWords);
        this.names = names;
    }

    /**
     * The bundled title words as stop words, with a gazetteer that knows countries and organizations (further stop
     * words) and persons (canonical forms; see {@link #addTo}).
     */
    public static PersonNames load(final Gazetteer names) {
        final Set<String> words = new HashSet<>();
        for (final LexiconFile.Line line : LexiconFile.resource(TITLES, 3)) {
            LexiconFile.expand(line.column(2)).forEach(word -> words.add(Token.fold(word.strip())));
        }
        return new PersonNames(words, names);
    }

    /** Adds the bundled known persons ({@code persons.tsv}) and title words ({@code person-titles.tsv}). */
    public static void addTo(final Gazetteer.Builder builder) {
        for (final LexiconFile.Line line : LexiconFile.resource(PERSONS, 3)) {
            for (final String form : LexiconFile.expand(line.column(2))) {
                builder.add(Gazetteer.Kind.PERSON, line.column(1), form, line.column(0));
            }
        }
        for (final LexiconFile.Line line : LexiconFile.resource(TITLES, 3)) {
            if (TITLE.equals(line.column(1))) {
                for (final String word : LexiconFile.expand(line.column(2))) {
                    builder.add(Gazetteer.Kind.TITLE, line.column(0), word.strip(), TITLE);
                }
            }
        }
    }

    /** The person's canonical name in a speaker label, or null when the label names no person. */
    public String personOf(final String speaker) {
        final String label = TextNormalizer.clean(speaker);
        if (label == null || label.isEmpty()) {
            return null;
        }
        if (INITIAL_AND_SURNAME.matcher(label).matches()) {
            return canonical(label);
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
        return canonical(String.join(" ", name));
    }

    /**
     * The canonical form of a person's name: the known person it names ({@code Путин}, {@code В.Путин} → {@code
     * Vladimir Putin}), or the name as given when it names nobody known; a known surname after another first name
     * ({@code Igor Putin}) names somebody else.
     */
    public String canonical(final String name) {
        final List<Token> tokens = Token.of(name);
        for (final Gazetteer.Match match : names.matches(tokens, null)) {
            if (match.kind() == Gazetteer.Kind.PERSON && match.to() == tokens.size()
                    && tokens.subList(0, match.from()).stream().allMatch(token -> isInitial(token.text()))) {
                return match.value();
            }
        }
        return name;
    }

    /** The distinct persons named by the speakers, canonical, in the speakers' order. */
    public List<String> persons(final List<String> speakers) {
        return speakers.stream().map(this::personOf).filter(p -> p != null).distinct().toList();
    }

    /**
     * Adds to {@code found} the persons named in a text: known persons, canonical, and unknown names after titles, as
     * written; in order of appearance.
     *
     * @param text    the text the tokens were cut from (for names as written)
     * @param tokens  its tokens
     * @param matches the gazetteer's names in the tokens, in order
     */
    public void inText(final String text, final List<Token> tokens, final List<Gazetteer.Match> matches,
                       final Set<String> found) {
        final Gazetteer.Match[] covering = new Gazetteer.Match[tokens.size()];
        for (final Gazetteer.Match match : matches) {
            for (int k = match.from(); k < match.to(); k++) {
                covering[k] = match;
            }
        }
        for (final Gazetteer.Match match : matches) {
            if (match.kind() == Gazetteer.Kind.PERSON) {
                found.add(match.value());
            } else if (match.kind() == Gazetteer.Kind.TITLE && !tokens.get(match.from()).isHan()) {
                final String name = nameAfterTitle(text, tokens, covering, match.to());
                if (name != null) {
                    found.add(name);
                }
            }
        }
    }

    /**
     * The unknown name in the title phrase starting at token {@code at}, or null. The phrase runs over stop words,
     * names of countries, organizations and places, and lone capitalized words ({@code Tula} in {@code Governor of
     * Tula Region}); the name is its first run of two to four capitalized words, ended by a lower-case word, a stop
     * word, another name or punctuation. A known person in the phrase is the name, found already.
     */
    private String nameAfterTitle(final String text, final List<Token> tokens, final Gazetteer.Match[] covering,
                                  final int at) {
        int runStart = -1;
        int runEnd = -1;
        int runWords = 0;
        boolean ended = false;
        for (int k = at; k < tokens.size() && !ended; k++) {
            if (k >= at + MAX_TITLE_PHRASE) {
                return null;
            }
            final Token token = tokens.get(k);
            final Token previous = tokens.get(k - 1);
            final String gap = text.substring(previous.end(), token.start());
            if (endsPhrase(gap, previous, k == at) || runStart >= 0 && !isNameGap(gap, previous)) {
                break;
            }
            final Gazetteer.Match match = covering[k];
            if (match != null && match.kind() == Gazetteer.Kind.PERSON) {
                return null;
            }
            if (runStart >= 0 && "-".equals(gap) && match == null) {
                // Korean and other hyphenated given names: Kim Jong-il, Moon Jae-in.
                runEnd = k;
                continue;
            }
            if (match != null || titleWords.contains(token.lower()) && !isParticleInRun(runStart, token)) {
                // A lower-case connective ends the name (Angela Merkel in Paris); a capitalized office word or a
                // name shows the run was part of an office (Central Election Commission, A Just Russia).
                ended = runWords >= MIN_WORDS && match == null && !token.isCapitalized();
                if (!ended) {
                    runStart = -1;
                    runWords = 0;
                    k = match == null ? k : match.to() - 1;
                }
            } else if (isCapitalizedName(token)) {
                runStart = runStart < 0 ? k : runStart;
                runEnd = k;
                runWords++;
            } else if (!isParticleInRun(runStart, token)) {
                break;
            }
        }
        if (runStart < 0 || runWords < MIN_WORDS || runWords > MAX_NAME_WORDS_AFTER_TITLE) {
            return null;
        }
        return text.substring(tokens.get(runStart).start(), tokens.get(runEnd).end());
    }

    private static boolean isParticleInRun(final int runStart, final Token token) {
        return runStart >= 0 && PARTICLES.contains(token.text());
    }

    /** A capitalized word that can be part of a name: not an acronym, and written with some lower case. */
    private static boolean isCapitalizedName(final Token token) {
        final String word = token.text();
        return token.isCapitalized() && !word.equals(word.toUpperCase(Locale.ROOT)) || isInitial(word);
    }

    private static boolean isInitial(final String word) {
        return word.length() == 1 && Character.isUpperCase(word.charAt(0));
    }

    /**
     * Sentence punctuation or a line break between two words: a title phrase does not run over it. A dot is an
     * abbreviation's right after the title ({@code Mr. Putin}, {@code M. Macron}) or an initial's.
     */
    private static boolean endsPhrase(final String gap, final Token previous, final boolean afterTitle) {
        if (". ".equals(gap) || ".".equals(gap)) {
            return !afterTitle && !isInitial(previous.text());
        }
        for (int i = 0; i < gap.length(); i++) {
            switch (gap.charAt(i)) {
                case '.', '!', '?', ':', ';', '\n', '(', ')', '"', '«', '»', '“', '”' -> {
                    return true;
                }
                default -> {
                }
            }
        }
        return false;
    }

    /** What may stand between two words of one name: a space, a hyphen, an apostrophe, an initial's dot. */
    private static boolean isNameGap(final String gap, final Token previous) {
        return switch (gap) {
            case " ", "-", "'", "’", "ʼ" -> true;
            case ". ", "." -> isInitial(previous.text());
            default -> false;
        };
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
        return titleWords.contains(Token.fold(word)) || names.isSingleWordForm(word, STOP_KINDS);
    }

    /** {@code CEO}, {@code FIFA}, {@code TV}: organizations and offices, not names (names in capitals are longer). */
    private static boolean isAcronym(final String word) {
        return word.length() <= 4 && word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT))
                && word.chars().allMatch(Character::isLetter);
    }
}

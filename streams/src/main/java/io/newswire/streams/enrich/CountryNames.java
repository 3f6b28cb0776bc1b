package io.newswire.streams.enrich;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Country names in twelve languages → ISO 3166-1 alpha-2 codes, for the {@link Gazetteer}.
 *
 * <p>Names come from the JDK ({@link Locale#getISOCountries()} with {@link Locale#getDisplayCountry(Locale)}), which
 * has every country in the nominative only; their inflections match through {@link Stemming} ({@code Kasachstans},
 * {@code Казахстана}). {@code country-aliases.tsv} adds what the JDK lacks (short names such as {@code USA},
 * adjectives and demonyms such as {@code kazako}, {@code kazakhe}, {@code казахстанский}, inflections that no stemmer
 * reaches, in Polish and Ukrainian) and suppresses JDK names that are also common words (Russian {@code Того}, Italian
 * {@code Riunione}, Spanish {@code Mauricio}) or phrases that hold a name but are no country ({@code Latin America}).
 * A JDK name shared by two codes ({@code Congo}) is dropped rather than guessed.
 */
public final class CountryNames {

    static final String ALIASES = "country-aliases.tsv";
    /** The languages whose JDK names are matched (ISO 639-1). */
    static final List<String> LANGUAGES = List.of("en", "ru", "uk", "de", "fr", "es", "pt", "pl", "tr", "ar", "zh",
            "it");

    /** Code column value that marks a form that names no country: a JDK name to ignore, or a blocking phrase. */
    private static final String SUPPRESS = "-";
    private static final Pattern PARENTHESIS = Pattern.compile("\\s*[(（][^)）]*[)）]");
    private static final Pattern REGION_SUFFIX = Pattern.compile("\\s+[-–]\\s+.*$");
    private static final Map<String, String> AND = Map.of("en", " and ", "it", " e ", "ru", " и ");
    private static final Set<String> CODES = Set.of(Locale.getISOCountries());

    private CountryNames() {
    }

    /** A gazetteer of the bundled country names alone. */
    public static Gazetteer load() {
        final Gazetteer.Builder builder = Gazetteer.builder();
        addTo(builder);
        return builder.build();
    }

    /** Adds the bundled country names: the aliases first (their value wins), then the JDK's names they do not suppress. */
    public static void addTo(final Gazetteer.Builder builder) {
        final Set<String> suppressed = new HashSet<>();
        for (final LexiconFile.Line line : LexiconFile.resource(ALIASES, 3)) {
            final String code = line.column(0);
            final String language = line.column(1);
            for (final String form : LexiconFile.expand(line.column(2))) {
                if (SUPPRESS.equals(code)) {
                    suppressed.add(form);
                    builder.add(Gazetteer.Kind.COUNTRY, language, form, Gazetteer.BLOCKED);
                } else {
                    checkCode(code, line.origin());
                    builder.add(Gazetteer.Kind.COUNTRY, language, form, code);
                }
            }
        }
        final Map<String, Set<String>> codesByForm = new HashMap<>();
        final List<String[]> jdk = new ArrayList<>();
        for (final String code : Locale.getISOCountries()) {
            for (final String language : LANGUAGES) {
                for (final String form : jdkForms(code, language)) {
                    codesByForm.computeIfAbsent(form, k -> new LinkedHashSet<>()).add(code);
                    jdk.add(new String[] {code, language, form});
                }
            }
        }
        for (final String[] name : jdk) {
            if (codesByForm.get(name[2]).size() == 1 && !suppressed.contains(name[2])) {
                builder.add(Gazetteer.Kind.COUNTRY, name[1], name[2], name[0]);
            }
        }
    }

    /**
     * The JDK's name of a country in a language, without bracketed qualifiers and region suffixes
     * ({@code Myanmar (Burma)} → {@code Myanmar}, {@code Congo - Kinshasa} → {@code Congo}) and with "&amp;" spelled
     * out. Bracketed parts are not names of their own ({@code Виргинские о-ва (США)}): aliases belong in the data file.
     */
    static List<String> jdkForms(final String code, final String language) {
        final List<String> forms = new ArrayList<>();
        final String name = new Locale("", code).getDisplayCountry(new Locale(language));
        if (name.isBlank() || name.equals(code)) {
            return forms;
        }
        final String plain = REGION_SUFFIX.matcher(PARENTHESIS.matcher(name).replaceAll("")).replaceAll("").strip();
        if (plain.isEmpty()) {
            return forms;
        }
        forms.add(plain);
        if (plain.contains("&") && AND.containsKey(language)) {
            forms.add(plain.replace(" & ", AND.get(language)));
        }
        return forms;
    }

    private static void checkCode(final String code, final String origin) {
        if (!CODES.contains(code)) {
            throw new IllegalArgumentException(origin + ": '" + code + "' is not an ISO 3166-1 alpha-2 country code");
        }
    }
}

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
 * Builds the country {@link Gazetteer}: country names in Italian, English and Russian → ISO 3166-1 alpha-2 codes.
 *
 * <p>Names come from the JDK ({@link Locale#getISOCountries()} with {@link Locale#getDisplayCountry(Locale)}), which
 * has every country in the nominative only; {@code country-aliases.tsv} adds what it lacks (short names such as
 * {@code USA}, adjectives such as {@code kazako}, Russian inflections such as {@code Казахстана}) and suppresses JDK
 * names that are also common words (Russian {@code Того}, Italian {@code Riunione}) or phrases that hold a name but
 * are no country ({@code Latin America}). A JDK name shared by two codes
 * ({@code Congo}) is dropped rather than guessed.
 */
public final class CountryNames {

    static final String ALIASES = "country-aliases.tsv";
    static final List<Locale> LANGUAGES = List.of(Locale.ITALIAN, Locale.ENGLISH, new Locale("ru"));

    /** Code column value that marks a form that names no country: a JDK name to ignore, or a blocking phrase. */
    private static final String SUPPRESS = "-";
    private static final Pattern PARENTHESIS = Pattern.compile("\\s*\\(([^)]*)\\)");
    private static final Pattern REGION_SUFFIX = Pattern.compile("\\s+-\\s+.*$");
    private static final Map<String, String> AND = Map.of("en", " and ", "it", " e ", "ru", " и ");

    private CountryNames() {
    }

    /** The bundled country gazetteer. */
    public static Gazetteer load() {
        final Set<String> suppressed = new HashSet<>();
        final Gazetteer.Builder builder = Gazetteer.builder();
        for (final LexiconFile.Line line : LexiconFile.resource(ALIASES, 3)) {
            final String code = line.column(0);
            for (final String form : LexiconFile.expand(line.column(2))) {
                if (SUPPRESS.equals(code)) {
                    suppressed.add(form);
                    builder.add(form, Gazetteer.BLOCKED);
                } else {
                    checkCode(code, line.origin());
                    builder.add(form, code);
                }
            }
        }
        final Map<String, Set<String>> codesByForm = new HashMap<>();
        for (final String code : Locale.getISOCountries()) {
            for (final String form : jdkForms(code)) {
                codesByForm.computeIfAbsent(form, k -> new LinkedHashSet<>()).add(code);
            }
        }
        codesByForm.forEach((form, codes) -> {
            if (codes.size() == 1 && !suppressed.contains(form) && !builder.contains(form)) {
                builder.add(form, codes.iterator().next());
            }
        });
        return builder.build();
    }

    /**
     * The JDK's names of a country in the three languages, without bracketed qualifiers and region suffixes
     * ({@code Myanmar (Burma)} → {@code Myanmar}, {@code Congo - Kinshasa} → {@code Congo}) and with "&amp;" spelled out.
     * Bracketed parts are not names of their own ({@code Виргинские о-ва (США)}): aliases belong in the data file.
     */
    static List<String> jdkForms(final String code) {
        final List<String> forms = new ArrayList<>();
        final Locale country = new Locale("", code);
        for (final Locale language : LANGUAGES) {
            final String name = country.getDisplayCountry(language);
            if (name.isBlank() || name.equals(code)) {
                continue;
            }
            final String plain = REGION_SUFFIX.matcher(PARENTHESIS.matcher(name).replaceAll("")).replaceAll("");
            forms.add(plain);
            if (plain.contains("&")) {
                forms.add(plain.replace(" & ", AND.get(language.getLanguage())));
            }
        }
        return forms;
    }

    private static void checkCode(final String code, final String origin) {
        if (!Set.of(Locale.getISOCountries()).contains(code)) {
            throw new IllegalArgumentException(origin + ": '" + code + "' is not an ISO 3166-1 alpha-2 country code");
        }
    }
}

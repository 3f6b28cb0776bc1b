package io.newswire.producer.parse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The words datelines are written with: month and weekday names of each language from the JDK's locale data, plus
 * what {@code datelines.tsv} adds (agency abbreviations, year words, Chinese agencies). Immutable.
 */
final class DatelineVocabulary {

    static final String RESOURCE = "datelines.tsv";

    /** Full and short names, format (genitive in ru/uk/pl: "августа") and standalone (nominative: "август") forms. */
    private static final List<TextStyle> STYLES =
        List.of(TextStyle.FULL, TextStyle.FULL_STANDALONE, TextStyle.SHORT, TextStyle.SHORT_STANDALONE);

    private final Map<String, Integer> months;
    private final Set<String> weekdays;
    private final Set<String> fullWeekdays;
    private final Set<String> yearWords;
    private final List<String> agencies;

    private DatelineVocabulary(final Map<String, Integer> months, final Set<String> weekdays,
                               final Set<String> fullWeekdays, final Set<String> yearWords,
                               final List<String> agencies) {
        this.months = Map.copyOf(months);
        this.weekdays = Set.copyOf(weekdays);
        this.fullWeekdays = Set.copyOf(fullWeekdays);
        this.yearWords = Set.copyOf(yearWords);
        this.agencies = List.copyOf(agencies);
    }

    /** The vocabulary of the bundled {@value #RESOURCE}. */
    static DatelineVocabulary bundled() {
        try (InputStream in = DatelineVocabulary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("dateline resource " + RESOURCE + " is missing from the classpath");
            }
            final BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return of(reader.lines().toList(), RESOURCE);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read dateline resource " + RESOURCE, e);
        }
    }

    /**
     * The vocabulary of data lines in the format of {@value #RESOURCE}.
     *
     * @param origin names the data in error messages
     * @throws IllegalArgumentException naming the line when a line is malformed or gives a name two months
     */
    static DatelineVocabulary of(final List<String> lines, final String origin) {
        final Map<String, Integer> months = new HashMap<>();
        final Set<String> weekdays = new LinkedHashSet<>();
        final Set<String> fullWeekdays = new LinkedHashSet<>();
        final Set<String> yearWords = new LinkedHashSet<>();
        final List<String> agencies = new ArrayList<>();
        for (int index = 0; index < lines.size(); index++) {
            final String line = lines.get(index).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            final String where = origin + " line " + (index + 1);
            final String[] columns = line.split("\t");
            final String kind = columns[0];
            switch (kind) {
                case "locale" -> {
                    requireColumns(columns, 2, where);
                    addLocale(Locale.forLanguageTag(columns[1]), months, weekdays, fullWeekdays, where);
                }
                case "month" -> {
                    requireColumns(columns, 4, where);
                    addMonth(months, columns[2], monthNumber(columns[3], where), where);
                }
                case "year-word" -> {
                    requireColumns(columns, 3, where);
                    yearWords.add(columns[2]);
                }
                case "agency" -> {
                    requireColumns(columns, 3, where);
                    agencies.add(columns[2]);
                }
                default -> throw new IllegalArgumentException(where + ": unknown kind \"" + kind
                    + "\"; expected locale, month, year-word or agency");
            }
        }
        return new DatelineVocabulary(months, weekdays, fullWeekdays, yearWords, agencies);
    }

    /** The month (1–12) named {@code name} in any language, written with or without its abbreviation dot; or null. */
    Integer month(final String name) {
        return months.get(fold(name));
    }

    /**
     * True when {@code word} is the full name of a day of the week in some language: "Monday, Aug 21 - …" opens with
     * a date, not a place. Short names are not checked, as some are places too (Sal, Turkish for Tuesday).
     */
    boolean isWeekday(final String word) {
        return fullWeekdays.contains(fold(word));
    }

    /** A regular-expression alternation of every month name, longest first, so "marzo" is tried before "mar". */
    String monthAlternation() {
        return alternation(months.keySet());
    }

    String weekdayAlternation() {
        return alternation(weekdays);
    }

    String yearWordAlternation() {
        return alternation(yearWords);
    }

    /** Agencies that open Chinese datelines, longest first, so "中国新闻社" is tried before a shorter prefix. */
    List<String> agencies() {
        return agencies.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /**
     * Case folding for look-ups that agrees with case-insensitive regular expressions: upper case, and Turkish dotted
     * capital I as plain I (lower-casing "EKİM" would give "eki̇m" with a combining dot).
     */
    private static String fold(final String word) {
        return word.toUpperCase(Locale.ROOT).replace('\u0130', 'I');
    }

    private static void addLocale(final Locale locale, final Map<String, Integer> months, final Set<String> weekdays,
                                  final Set<String> fullWeekdays, final String where) {
        for (final Month month : Month.values()) {
            for (final TextStyle style : STYLES) {
                addMonth(months, withoutDot(month.getDisplayName(style, locale)), month.getValue(), where);
            }
        }
        for (final DayOfWeek day : DayOfWeek.values()) {
            fullWeekdays.add(fold(day.getDisplayName(TextStyle.FULL, locale)));
            weekdays.add(fold(day.getDisplayName(TextStyle.FULL, locale)));
            weekdays.add(fold(withoutDot(day.getDisplayName(TextStyle.SHORT, locale))));
        }
    }

    private static void addMonth(final Map<String, Integer> months, final String name, final int month,
                                 final String where) {
        final Integer earlier = months.putIfAbsent(fold(name), month);
        if (earlier != null && earlier != month) {
            throw new IllegalArgumentException(where + ": \"" + name + "\" would name both month " + earlier
                + " and month " + month + "; a name must be one month in every listed language");
        }
    }

    /** CLDR writes some abbreviations with a dot ("авг.", "janv."); datelines write them with and without. */
    private static String withoutDot(final String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    private static int monthNumber(final String text, final String where) {
        try {
            final int month = Integer.parseInt(text.strip());
            if (month >= 1 && month <= 12) {
                return month;
            }
        } catch (final NumberFormatException e) {
            // Reported below with the line, like an out-of-range number.
        }
        throw new IllegalArgumentException(where + ": month number \"" + text + "\" is not 1 to 12");
    }

    private static void requireColumns(final String[] columns, final int count, final String where) {
        if (columns.length != count) {
            throw new IllegalArgumentException(where + ": " + columns.length + " tab-separated columns, expected "
                + count + " for kind \"" + columns[0] + "\"");
        }
    }

    private static String alternation(final Collection<String> words) {
        return words.stream()
            .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
            .map(Pattern::quote)
            .collect(Collectors.joining("|"));
    }
}

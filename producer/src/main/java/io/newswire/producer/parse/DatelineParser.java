package io.newswire.producer.parse;

import java.text.ParsePosition;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.newswire.schema.Dateline;

/**
 * Finds the dateline that opens wire copy: input a paragraph such as {@code Mosca, 21 agosto 2021 - …},
 * {@code MOSCOW, Aug 21 - …} or {@code Москва, 21 августа 2021 года — …} and a reference date; output the place as
 * written, the date, and the rest of the paragraph, or null when the paragraph does not open with a dateline.
 */
public final class DatelineParser {

    /** A dateline found at the start of a paragraph. */
    public record Match(String place, LocalDate date, String rest) {

        public Match {
            Objects.requireNonNull(place, "place");
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(rest, "rest");
        }

        /** The Avro dateline: the place as written, the date as ISO yyyy-MM-dd. */
        public Dateline toDateline() {
            return new Dateline(place, date.toString());
        }
    }

    /** A dateline is short; looking further would only find dashes inside sentences. */
    private static final int MAX_PREFIX = 120;
    private static final int MAX_PLACE_LENGTH = 60;
    private static final int MAX_PLACE_WORDS = 6;

    /**
     * The dash after the date: a hyphen (or two) between spaces, or an en/em dash or horizontal bar, which typesetters
     * also set closed up ("Aug 21—Vladimir").
     */
    private static final Pattern SEPARATOR =
        Pattern.compile("\\s+[-\\u2010\\u2011\\u2012\\u2212]{1,2}(?:\\s+|$)|\\s*[\\u2013\\u2014\\u2015]\\s*");
    /** Agency tag between date and dash, as in "MOSCOW, Aug 21 (Reuters) -": not part of the date. */
    private static final Pattern AGENCY_TAG = Pattern.compile("\\s*\\([^()]{1,40}\\)$");
    private static final Pattern PLACE = Pattern.compile("\\p{Lu}[\\p{L}\\p{M}.'\\u2019\\- ,]*");
    /** Russian datelines close the date with "года" (of the year) or its abbreviation "г.". */
    private static final Pattern RUSSIAN_YEAR_WORD =
        Pattern.compile("\\s*(?:года|г\\.?)$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern ORDINAL = Pattern.compile("(\\d)(?:st|nd|rd|th)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ABBREVIATION_DOT = Pattern.compile("(\\p{L})\\.");
    /**
     * Agency style writes September as "Sept."; CLDR's English short month is "Sep", so this one abbreviation is
     * rewritten by hand. Every other month name comes from the JDK's localized data.
     */
    private static final Pattern SEPT = Pattern.compile("\\bSept\\b", Pattern.CASE_INSENSITIVE);

    private static final List<Locale> LOCALES = List.of(Locale.ITALIAN, Locale.ENGLISH, Locale.forLanguageTag("ru"),
        Locale.GERMAN, Locale.FRENCH, Locale.forLanguageTag("es"));
    /**
     * Date shapes of datelines. In Russian, the JDK's "MMMM" is the genitive format form ("августа"), which is what
     * a date after a day number uses, so no hand-written month table is needed; "LLLL" would be the nominative.
     */
    private static final List<String> PATTERNS_WITH_YEAR = List.of("d MMMM uuuu", "d MMM uuuu", "MMMM d, uuuu",
        "MMMM d uuuu", "MMM d, uuuu", "MMM d uuuu", "d. MMMM uuuu", "d 'de' MMMM 'de' uuuu");
    private static final List<String> PATTERNS_WITHOUT_YEAR =
        List.of("d MMMM", "d MMM", "MMMM d", "MMM d", "d. MMMM", "d 'de' MMMM");
    private static final List<DateTimeFormatter> FORMATS = formats();

    /**
     * The dateline at the start of {@code paragraph}, or null when there is none.
     *
     * @param reference the publication date, or today when the input has none: a dateline without a year gets the
     *                  reference's year, or the year before when that date would lie after the reference
     */
    public Match parse(final String paragraph, final LocalDate reference) {
        if (paragraph == null || paragraph.isEmpty()) {
            return null;
        }
        final Matcher separator = SEPARATOR.matcher(paragraph);
        while (separator.find() && separator.start() <= MAX_PREFIX) {
            final String prefix = AGENCY_TAG.matcher(paragraph.substring(0, separator.start()).strip()).replaceFirst("");
            final Match match = placeAndDate(prefix, paragraph.substring(separator.end()).strip(), reference);
            if (match != null) {
                return match;
            }
        }
        return null;
    }

    /** Tries each comma as the end of the place, so "Novo-Ogaryovo, Moscow Region, August 21, 2021" works. */
    private static Match placeAndDate(final String prefix, final String rest, final LocalDate reference) {
        for (int comma = prefix.indexOf(','); comma > 0; comma = prefix.indexOf(',', comma + 1)) {
            final String place = prefix.substring(0, comma).strip();
            if (!isPlace(place)) {
                continue;
            }
            final LocalDate date = date(prefix.substring(comma + 1).strip(), reference);
            if (date != null) {
                return new Match(place, date, rest);
            }
        }
        return null;
    }

    private static boolean isPlace(final String place) {
        return place.length() <= MAX_PLACE_LENGTH
            && place.split(" ").length <= MAX_PLACE_WORDS
            && PLACE.matcher(place).matches();
    }

    /** The date written in {@code text}, in any supported language, or null. */
    static LocalDate date(final String text, final LocalDate reference) {
        final String cleaned = ORDINAL.matcher(RUSSIAN_YEAR_WORD.matcher(text.strip()).replaceFirst("")).replaceAll("$1");
        if (cleaned.isEmpty() || !Character.isDigit(cleaned.charAt(0)) && !Character.isLetter(cleaned.charAt(0))) {
            return null;
        }
        // Abbreviations are written with and without dots ("Aug." and "Aug"), while CLDR keeps the dot in some
        // languages ("авг.") and not in others ("Aug"): try the text as written, then without the dots.
        final String dotless = ABBREVIATION_DOT.matcher(cleaned).replaceAll("$1");
        for (final String candidate : List.of(cleaned, dotless, SEPT.matcher(dotless).replaceAll("Sep"))) {
            for (final DateTimeFormatter format : FORMATS) {
                final LocalDate date = tryFormat(format, candidate, reference);
                if (date != null) {
                    return date;
                }
            }
        }
        return null;
    }

    private static LocalDate tryFormat(final DateTimeFormatter format, final String text, final LocalDate reference) {
        // parseUnresolved reports failure by position instead of throwing: most paragraphs are not datelines.
        final ParsePosition position = new ParsePosition(0);
        final TemporalAccessor parsed = format.parseUnresolved(text, position);
        if (parsed == null || position.getErrorIndex() >= 0 || position.getIndex() != text.length()) {
            return null;
        }
        final int month = (int) parsed.getLong(ChronoField.MONTH_OF_YEAR);
        final int day = (int) parsed.getLong(ChronoField.DAY_OF_MONTH);
        try {
            if (parsed.isSupported(ChronoField.YEAR)) {
                return LocalDate.of((int) parsed.getLong(ChronoField.YEAR), month, day);
            }
            final LocalDate sameYear = LocalDate.of(reference.getYear(), month, day);
            return sameYear.isAfter(reference) ? LocalDate.of(reference.getYear() - 1, month, day) : sameYear;
        } catch (final DateTimeException e) {
            // A day that does not exist (31 June, 29 February of a common year) is not a date: no dateline.
            return null;
        }
    }

    private static List<DateTimeFormatter> formats() {
        final List<DateTimeFormatter> formats = new ArrayList<>();
        for (final Locale locale : LOCALES) {
            for (final String pattern : PATTERNS_WITH_YEAR) {
                formats.add(format(pattern, locale));
            }
            for (final String pattern : PATTERNS_WITHOUT_YEAR) {
                formats.add(format(pattern, locale));
            }
        }
        return List.copyOf(formats);
    }

    private static DateTimeFormatter format(final String pattern, final Locale locale) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(locale);
    }
}

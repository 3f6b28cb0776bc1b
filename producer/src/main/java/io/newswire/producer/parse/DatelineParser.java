package io.newswire.producer.parse;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.newswire.schema.Dateline;

/**
 * Finds the dateline that opens wire copy: input a paragraph such as {@code Mosca, 21 agosto 2021 - …},
 * {@code MOSCOW, Aug 21 (Reuters) - …}, {@code Москва, 21 августа 2021 года — …}, {@code موسكو، 21 أغسطس (رويترز) - …}
 * or {@code 新华社北京8月21日电（记者…）…} and a reference date; output the place as written, the date, and the rest of
 * the paragraph, or null when the paragraph does not open with a dateline.
 *
 * <p>Month and weekday names come from the JDK's locale data for the languages listed in {@code datelines.tsv}
 * (it, en, ru, uk, de, fr, es, pt, pl, tr, ar and its regional month names), which also adds what the JDK lacks:
 * agency abbreviations, the words that close a year, the agencies that open Chinese datelines. Thread-safe.
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
    /** Room after {@link #MAX_PREFIX} for a separator that starts within it. */
    private static final int MAX_SEPARATOR_LENGTH = 8;
    private static final int MAX_PLACE_LENGTH = 60;
    private static final int MAX_PLACE_WORDS = 6;
    private static final int MAX_PARTICLE_LENGTH = 5;
    /** The longest date forms: "الأربعاء، 21 تشرين الثاني/نوفمبر 2021", "Wednesday, September 21st, 2021". */
    private static final int MAX_DATE_LENGTH = 50;
    private static final Pattern PLACE_WORD_BREAK = Pattern.compile("[\\s,\\u060C]+");
    private static final Pattern ELIDED_CAPITAL = Pattern.compile("['\\u2019]\\p{Lu}");
    /** How far back a year-less 29 February looks for a leap year (eight years span 1896–1904). */
    private static final int LEAP_YEAR_SEARCH = 8;

    /**
     * What ends the dateline: a hyphen (or two) between spaces; an en/em dash or horizontal bar, spaced or closed up
     * ("Aug 21—Vladimir"); a hyphen closed up after the date or agency tag, which is what a closed-up dash becomes once
     * the text is normalized ("Aug 21-Vladimir", but not "Aug 21-22"), also in EFE's ".-" ("21 ago (EFE).- El"); or a
     * TASS-style agency between slashes ("21 августа. /ТАСС/. Президент").
     */
    private static final Pattern SEPARATOR = Pattern.compile(
        // Each alternative starts with a space, a dash, a dot or a slash: checking that first makes the scan skip
        // letters at once instead of trying four alternatives (one with a look-behind) at each of them.
        "(?=[\\s\\-\\u2010-\\u2015\\u2212./])(?:"
            + "\\s+[-\\u2010\\u2011\\u2012\\u2212]{1,2}(?:\\s+|$)"
            + "|\\s*[\\u2013\\u2014\\u2015]{1,2}\\s*"
            + "|(?<=[\\p{N}).])\\.?-{1,2}(?:\\s+|(?=[\\p{L}\"']))"
            + "|\\.?\\s*/[^/\\s][^/]{0,38}/\\.?\\s*)");
    /** Agency tag between date and dash, as in "MOSCOW, Aug 21 (Reuters) -": not part of the date. */
    private static final Pattern AGENCY_TAG = Pattern.compile("\\s*\\([^()]{1,40}\\)$");
    /** The comma after the place: Latin, Arabic (،) or full-width (，). */
    private static final Pattern PLACE_END = Pattern.compile("[,\\u060C\\uFF0C]");
    /** A place starts with a capital, or with a letter of a script without case (Arabic, Chinese). */
    private static final Pattern PLACE =
        Pattern.compile("[\\p{Lu}\\p{Lt}\\p{Lo}][\\p{L}\\p{M}.'\\u2019\\- ,\\u060C]*");
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private final Pattern dayFirst;
    private final Pattern monthFirst;
    private final Pattern numeric;
    private final Pattern agencyFirst;
    private final Pattern chinesePlaceFirst;
    private final DatelineVocabulary vocabulary;

    /** A parser for the bundled languages. */
    public DatelineParser() {
        this(Bundled.VOCABULARY);
    }

    DatelineParser(final DatelineVocabulary vocabulary) {
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
        final String weekday = "(?:(?:" + vocabulary.weekdayAlternation() + ")\\.?[,\\u060C]?\\s+)?";
        final String names = "(?:" + vocabulary.monthAlternation() + ")";
        final String month = "(?<month>" + names + ")\\.?(?:\\s*/\\s*(?<month2>" + names + ")\\.?)?";
        final String year = "(?<year>\\d{4})(?:\\s*(?:" + vocabulary.yearWordAlternation() + ")\\.?)?";
        // "21 agosto", "21. August", "21 de agosto de 2021", "1er août", "21 августа 2021 года", "21 آب/أغسطس".
        this.dayFirst = Pattern.compile(weekday + "(?<day>\\d{1,2})(?:\\.|er|\\u00BA|\\u00AA)?\\s*(?:de\\s+)?" + month
            + "(?:\\s*,?\\s*(?:de\\s+)?" + year + ")?", FLAGS);
        // "Aug 21", "Aug. 21st", "August 21, 2021".
        this.monthFirst = Pattern.compile(weekday + month + "\\s*(?<day>\\d{1,2})(?:st|nd|rd|th)?(?:\\s*,?\\s*"
            + year + ")?", FLAGS);
        // "21.08.2021": day first wherever dots are used, and only with a year, so a decimal is never a date.
        this.numeric = Pattern.compile(weekday + "(?<day>\\d{1,2})\\.(?<monthNumber>\\d{1,2})\\." + year, FLAGS);
        final String chineseDate = "(?:(?<year>\\d{4})年)?(?<monthNumber>\\d{1,2})月(?<day>\\d{1,2})日";
        final String byline = "(?:\\s*[\\uFF08(][^\\uFF09()]{1,40}[\\uFF09)])?\\s*";
        // "新华社北京8月21日电（记者张三）": agency, place, date, "dispatch" (电) or "news" (讯), reporter.
        this.agencyFirst = Pattern.compile("(?:" + String.join("|", vocabulary.agencies().stream()
            .map(Pattern::quote).toList()) + ")(?<place>\\p{IsHan}{1,12}?)" + chineseDate + "[电讯]" + byline);
        // "北京，2021年8月21日——": place, comma, date, dash.
        this.chinesePlaceFirst = Pattern.compile("(?<place>\\p{IsHan}[\\p{IsHan}\\u00B7]{0,11})\\s*[,\\uFF0C]\\s*"
            + chineseDate + byline + "(?:[-\\u2013\\u2014\\u2015]{1,2}|[电讯])\\s*");
    }

    /**
     * The dateline at the start of {@code paragraph}, or null when there is none.
     *
     * @param reference the publication date, or today when the input has none: a dateline without a year gets the
     *                  reference's year, or the year before when that date would lie after the reference (for 29
     *                  February, the last leap year whose 29 February is not after it)
     */
    public Match parse(final String paragraph, final LocalDate reference) {
        if (paragraph == null || paragraph.isEmpty()) {
            return null;
        }
        // Every dateline holds a day number near the start: most paragraphs are rejected here, unscanned.
        if (paragraph.chars().limit(MAX_PREFIX).noneMatch(Character::isDigit)) {
            return null;
        }
        final Match chinese = chinese(paragraph, reference);
        if (chinese != null) {
            return chinese;
        }
        // Transparent, non-anchoring bounds: the separator may look past the region, and its end is not the text's.
        final Matcher separator = SEPARATOR.matcher(paragraph)
            .region(0, Math.min(paragraph.length(), MAX_PREFIX + MAX_SEPARATOR_LENGTH))
            .useTransparentBounds(true).useAnchoringBounds(false);
        while (separator.find() && separator.start() <= MAX_PREFIX) {
            final String prefix = AGENCY_TAG.matcher(paragraph.substring(0, separator.start()).strip()).replaceFirst("");
            final Match match = placeAndDate(prefix, paragraph.substring(separator.end()).strip(), reference);
            if (match != null) {
                return match;
            }
        }
        return null;
    }

    /** Chinese datelines have no spaces, and after an agency no dash: each form is matched whole from the start. */
    private Match chinese(final String paragraph, final LocalDate reference) {
        if (!Character.isIdeographic(paragraph.codePointAt(0))) {
            return null;
        }
        // Digits are mapped one character to one, so offsets into the mapped text are offsets into the paragraph.
        final String text = asciiDigits(paragraph.substring(0, Math.min(paragraph.length(), MAX_PREFIX)));
        for (final Pattern form : List.of(agencyFirst, chinesePlaceFirst)) {
            final Matcher matcher = form.matcher(text);
            if (matcher.lookingAt()) {
                final LocalDate date = resolve(matcher.group("year"), Integer.parseInt(matcher.group("monthNumber")),
                    Integer.parseInt(matcher.group("day")), reference);
                if (date != null) {
                    return new Match(matcher.group("place"), date, paragraph.substring(matcher.end()).strip());
                }
            }
        }
        return null;
    }

    /** Tries each comma as the end of the place, so "Novo-Ogaryovo, Moscow Region, August 21, 2021" works. */
    private Match placeAndDate(final String prefix, final String rest, final LocalDate reference) {
        final Matcher comma = PLACE_END.matcher(prefix);
        while (comma.find()) {
            final String place = prefix.substring(0, comma.start()).strip();
            if (!isPlace(place)) {
                continue;
            }
            final LocalDate date = date(prefix.substring(comma.end()).strip(), reference);
            if (date != null) {
                return new Match(place, date, rest);
            }
        }
        return null;
    }

    private boolean isPlace(final String place) {
        if (place.isEmpty() || place.length() > MAX_PLACE_LENGTH || !PLACE.matcher(place).matches()
            || vocabulary.isWeekday(place)) {
            return false;
        }
        final String[] words = PLACE_WORD_BREAK.split(place);
        return words.length <= MAX_PLACE_WORDS && isCapitalized(words[words.length - 1])
            && Arrays.stream(words).allMatch(word -> isCapitalized(word) || word.length() <= MAX_PARTICLE_LENGTH);
    }

    /**
     * Names of places are capitalized but for short particles ("Frankfurt am Main", "Ciudad de México", "Castiglione
     * della Pescaia"), elisions included ("Reggio nell'Emilia"): a longer lower-case word, or one at the end, makes a
     * sentence ("Il presidente, 21 agosto - …"). Words of scripts without case count as capitalized.
     */
    private static boolean isCapitalized(final String word) {
        return !Character.isLowerCase(word.codePointAt(0)) || ELIDED_CAPITAL.matcher(word).find();
    }

    /** The date written in {@code text}, in any supported language, or null. */
    private LocalDate date(final String text, final LocalDate reference) {
        // Every date form holds a day number and is short; checking that first spares most sentences the month-name
        // alternations, which try several hundred names.
        if (text.length() > MAX_DATE_LENGTH || text.chars().noneMatch(Character::isDigit)) {
            return null;
        }
        final String digits = asciiDigits(text);
        Matcher matcher = dayFirst.matcher(digits);
        if (!matcher.matches()) {
            matcher = monthFirst.matcher(digits);
        }
        if (matcher.matches()) {
            final Integer month = vocabulary.month(matcher.group("month"));
            final String second = matcher.group("month2");
            // "21 آب/أغسطس": the same month in two regional names; two different months are no date.
            if (second != null && !month.equals(vocabulary.month(second))) {
                return null;
            }
            return resolve(matcher.group("year"), month, Integer.parseInt(matcher.group("day")), reference);
        }
        matcher = numeric.matcher(digits);
        if (matcher.matches()) {
            return resolve(matcher.group("year"), Integer.parseInt(matcher.group("monthNumber")),
                Integer.parseInt(matcher.group("day")), reference);
        }
        return null;
    }

    /**
     * The date of {@code day} and {@code month}, in {@code year} when written, else the latest such date that is not
     * after {@code reference}; null when there is no such day (31 June, 29 February of a common year).
     */
    private static LocalDate resolve(final String year, final int month, final int day, final LocalDate reference) {
        try {
            if (year != null) {
                return LocalDate.of(Integer.parseInt(year), month, day);
            }
            final MonthDay monthDay = MonthDay.of(month, day);
            for (int candidate = reference.getYear(); candidate >= reference.getYear() - LEAP_YEAR_SEARCH;
                 candidate--) {
                if (monthDay.isValidYear(candidate) && !monthDay.atYear(candidate).isAfter(reference)) {
                    return monthDay.atYear(candidate);
                }
            }
            return null;
        } catch (final DateTimeException e) {
            return null;
        }
    }

    /**
     * {@code text} with every decimal digit of the Basic Multilingual Plane (Arabic-Indic ٢١, full-width ２１, …) as
     * its ASCII digit, one character for one.
     */
    private static String asciiDigits(final String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            if (c > '9' && Character.isDigit(c)) {
                if (out == null) {
                    out = new StringBuilder(text);
                }
                out.setCharAt(i, (char) ('0' + Character.digit(c, 10)));
            }
        }
        return out == null ? text : out.toString();
    }

    /** The bundled vocabulary, read once, when the first parser is made. */
    private static final class Bundled {
        static final DatelineVocabulary VOCABULARY = DatelineVocabulary.bundled();
    }
}

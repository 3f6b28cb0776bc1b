package io.newswire.streams.enrich;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Results lines in headlines: {@code Hearts 2-1 Livingston}, {@code Bayern 3:0 Dortmund}. Agencies send match results
 * as a headline of two names and a score and nothing else, and no word of it names a sport; the shape does. A name,
 * two scores of at most two digits joined by a hyphen, en dash or colon, and a name again: decimals and versions
 * ({@code Windows 3.1}) use a dot, times are not followed by a name ({@code at 10:30 GMT} is, but "at" is not a name,
 * as a name here starts with a capital and is not written all in capitals).
 */
final class ScoreLine {

    /** How much one results line weighs as sport evidence: as much as a word that alone says sport. */
    static final double WEIGHT = 2.0;

    private static final Pattern RESULT = Pattern.compile(
            "(?<![\\p{L}\\d])\\p{Lu}\\p{Ll}[\\p{L}'.]*\\s+\\d{1,2}\\s?[-\u2013:]\\s?\\d{1,2}\\s+\\p{Lu}\\p{Ll}");

    private ScoreLine() {
    }

    /** The number of results lines in a headline (null: none). */
    static int count(final String title) {
        if (title == null || title.isEmpty()) {
            return 0;
        }
        final Matcher matcher = RESULT.matcher(title);
        int found = 0;
        while (matcher.find()) {
            found++;
        }
        return found;
    }
}

package io.newswire.streams;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write and read them: {@code 7d}, {@code 12h}, {@code 30m}, {@code 90s}, {@code 500ms}, ISO-8601. */
public final class Durations {

    private static final Pattern SHORT_FORM = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private Durations() {
    }

    /**
     * Reads a short form ({@code 7d}, {@code 12h}, {@code 30m}, {@code 90s}, {@code 500ms}) or ISO-8601
     * ({@code P7D}, {@code PT90S}).
     *
     * @throws IllegalArgumentException when {@code text} is neither
     */
    public static Duration parse(final String text) {
        final String trimmed = text.trim().toLowerCase(Locale.ROOT);
        try {
            final Matcher shortForm = SHORT_FORM.matcher(trimmed);
            if (!shortForm.matches()) {
                return Duration.parse(trimmed.toUpperCase(Locale.ROOT));
            }
            final long amount = Long.parseLong(shortForm.group(1));
            switch (shortForm.group(2)) {
                case "ms":
                    return Duration.ofMillis(amount);
                case "s":
                    return Duration.ofSeconds(amount);
                case "m":
                    return Duration.ofMinutes(amount);
                case "h":
                    return Duration.ofHours(amount);
                default:
                    return Duration.ofDays(amount);
            }
        } catch (final DateTimeParseException | ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration: use e.g. 7d, 12h, 90s or PT90S", e);
        }
    }

    /** For messages: {@code 7 days}, {@code 1 day}, {@code 36 h}, {@code 5 min}, {@code 90 s}, {@code 250 ms}. */
    public static String human(final Duration duration) {
        final long millis = duration.toMillis();
        if (millis != 0 && millis % 86_400_000L == 0) {
            final long days = millis / 86_400_000L;
            return days + (days == 1 ? " day" : " days");
        }
        if (millis != 0 && millis % 3_600_000L == 0) {
            return millis / 3_600_000L + " h";
        }
        if (millis != 0 && millis % 60_000L == 0) {
            return millis / 60_000L + " min";
        }
        if (millis % 1000L == 0) {
            return millis / 1000L + " s";
        }
        return millis + " ms";
    }
}

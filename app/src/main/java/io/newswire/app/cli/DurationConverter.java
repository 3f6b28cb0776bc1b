package io.newswire.app.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads positive durations like {@code 90s}, {@code 5m}, {@code 2h}, {@code 500ms} or ISO-8601 {@code PT90S}. */
public final class DurationConverter implements ITypeConverter<Duration> {

    private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    @Override
    public Duration convert(final String value) {
        final String text = value.trim().toLowerCase(Locale.ROOT);
        final Duration duration;
        try {
            final Matcher shortForm = SHORT.matcher(text);
            if (shortForm.matches()) {
                final long amount = Long.parseLong(shortForm.group(1));
                switch (shortForm.group(2)) {
                    case "ms":
                        duration = Duration.ofMillis(amount);
                        break;
                    case "s":
                        duration = Duration.ofSeconds(amount);
                        break;
                    case "m":
                        duration = Duration.ofMinutes(amount);
                        break;
                    case "h":
                        duration = Duration.ofHours(amount);
                        break;
                    default:
                        duration = Duration.ofDays(amount);
                        break;
                }
            } else {
                duration = Duration.parse(text.toUpperCase(Locale.ROOT));
            }
        } catch (final DateTimeParseException | ArithmeticException | NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a duration: use e.g. 90s, 5m, 2h or PT90S");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new TypeConversionException("'" + value + "' is not a positive duration: use e.g. 90s, 5m or 2h");
        }
        return duration;
    }
}

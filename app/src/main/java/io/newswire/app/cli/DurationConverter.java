package io.newswire.app.cli;

import java.time.Duration;

import io.newswire.streams.Durations;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads positive durations for options: {@code 90s}, {@code 5m}, {@code 2h}, {@code 500ms}, ISO-8601 {@code PT90S}. */
public final class DurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(final String value) {
        final Duration duration;
        try {
            duration = Durations.parse(value);
        } catch (final IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new TypeConversionException("'" + value + "' is not a positive duration: use e.g. 90s, 5m or 2h");
        }
        return duration;
    }
}

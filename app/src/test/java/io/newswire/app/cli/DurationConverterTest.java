package io.newswire.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

/** --timeout, --idle and --poll-interval read short forms and ISO-8601, as the option help promises. */
class DurationConverterTest {

    private final DurationConverter converter = new DurationConverter();

    @ParameterizedTest
    @CsvSource({"90s, PT90S", "5m, PT5M", "2h, PT2H", "250ms, PT0.25S", "' 10S ', PT10S", "P1D, PT24H"})
    void shouldReadShortFormsAndIsoDurationsWithoutATimePart(final String text, final String expected) {
        assertThat(converter.convert(text)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT90S", "PT5M", "PT2H", "pt90s"})
    void shouldReadIsoDurationsWithATimePart(final String text) {
        assertThat(converter.convert(text)).isEqualTo(Duration.parse(text.toUpperCase(java.util.Locale.ROOT)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-5s", "-1m", "PT-90S"})
    void shouldRejectNegativeDurations(final String text) {
        assertThatThrownBy(() -> converter.convert(text)).isInstanceOf(TypeConversionException.class)
            .hasMessageContaining(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "", "5 parsecs", "-"})
    void shouldRejectTextThatIsNoDurationNamingIt(final String text) {
        assertThatThrownBy(() -> converter.convert(text))
            .isInstanceOf(TypeConversionException.class)
            .hasMessageContaining("'" + text + "' is not a duration");
    }
}

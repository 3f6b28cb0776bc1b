package io.newswire.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({"7d, P7D", "12h, PT12H", "30m, PT30M", "90s, PT90S", "250ms, PT0.25S", "' 10S ', PT10S",
        "PT90S, PT90S", "pt5m, PT5M", "P1D, PT24H"})
    void shouldReadShortFormsAndIso(final String text, final String expected) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "", "5 parsecs", "99999999999999999999d"})
    void shouldRejectWhatIsNoDurationNamingIt(final String text) {
        assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("'" + text + "' is not a duration");
    }

    @ParameterizedTest
    @CsvSource({"P7D, 7 days", "P1D, 1 day", "PT36H, 36 h", "PT5M, 5 min", "PT90S, 90 s", "PT0.25S, 250 ms"})
    void shouldSayDurationsForPeople(final String iso, final String expected) {
        assertThat(Durations.human(Duration.parse(iso))).isEqualTo(expected);
    }
}

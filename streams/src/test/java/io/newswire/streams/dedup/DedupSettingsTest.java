package io.newswire.streams.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class DedupSettingsTest {

    private static DedupSettings withSimilarities(final double duplicate, final double update) {
        return new DedupSettings(Duration.ofSeconds(2), duplicate, update, 0.5, 50);
    }

    @Test
    void shouldRejectThresholdsOutOfOrderOrRange() {
        assertThatThrownBy(() -> withSimilarities(0.5, 0.8)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("update.similarity (0.8)");
        assertThatThrownBy(() -> withSimilarities(1.2, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> withSimilarities(0.8, -0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> withSimilarities(Double.NaN, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRejectANegativeGraceAndNoCandidates() {
        assertThatThrownBy(() -> DedupSettings.defaults().withGrace(Duration.ofSeconds(-1)))
            .hasMessageContaining("newswire.dedup.grace");
        assertThatThrownBy(() -> new DedupSettings(Duration.ZERO, 0.8, 0.5, 0.5, 0))
            .hasMessageContaining("newswire.dedup.max.candidates");
        assertThat(DedupSettings.defaults().withGrace(Duration.ZERO).grace()).isZero();
    }
}

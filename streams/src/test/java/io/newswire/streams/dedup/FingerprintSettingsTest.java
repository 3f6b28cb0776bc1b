package io.newswire.streams.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FingerprintSettingsTest {

    private static final FingerprintSettings DEFAULTS = FingerprintSettings.defaults();

    @Test
    void shouldMakeTextsOfJaccardSixTenthsCandidatesAlmostSurelyAndTextsOfTwoTenthsRarely() {
        assertThat(DEFAULTS.hashes()).isEqualTo(128);
        assertThat(DEFAULTS.candidateProbability(0.6)).isCloseTo(0.988, within(0.001));
        assertThat(DEFAULTS.candidateProbability(0.62)).isGreaterThan(0.99);
        assertThat(DEFAULTS.candidateProbability(0.2)).isLessThanOrEqualTo(0.05);
        assertThat(DEFAULTS.candidateProbability(0.05)).isLessThan(0.001);
    }

    @Test
    void shouldFollowTheSCurveOfItsBandsAndRows() {
        final FingerprintSettings fewBands = DEFAULTS.withBands(16, 4);

        // 1 - (1 - 0.6^4)^16
        assertThat(fewBands.candidateProbability(0.6)).isCloseTo(0.8915, within(0.0001));
        assertThat(fewBands.candidateProbability(1.0)).isEqualTo(1.0);
        assertThat(fewBands.candidateProbability(0.0)).isZero();
    }

    @Test
    void shouldRejectLayoutsThatDoNotFitAFingerprint() {
        assertThatThrownBy(() -> DEFAULTS.withBands(256, 1)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("256 bands");
        assertThatThrownBy(() -> DEFAULTS.withBands(128, 9)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("at most 1024 hashes");
        assertThatThrownBy(() -> DEFAULTS.withBands(8, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DEFAULTS.withShingleWords(0)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("was 0");
    }
}

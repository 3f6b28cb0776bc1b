package io.newswire.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class LatencySummaryTest {

    @Test
    void shouldTakeNearestRankPercentilesOfUnsortedLatencies() {
        final List<Long> latencies = new ArrayList<>();
        for (long ms = 200; ms >= 1; ms--) {
            latencies.add(ms);
        }

        assertThat(LatencySummary.of(latencies)).isEqualTo(new LatencySummary(200, 100, 198, 200));
    }

    @Test
    void shouldGiveTheOnlyLatencyForEveryPercentile() {
        assertThat(LatencySummary.of(List.of(42L))).isEqualTo(new LatencySummary(1, 42, 42, 42));
    }

    @Test
    void shouldSayNotApplicableWithoutLatencies() {
        assertThat(LatencySummary.of(List.of())).isEqualTo(LatencySummary.NONE);
        assertThat(LatencySummary.NONE.describe()).isEqualTo("n/a");
        assertThat(new LatencySummary(3, 5, 9, 12).describe()).isEqualTo("5 / 9 / 12");
    }
}

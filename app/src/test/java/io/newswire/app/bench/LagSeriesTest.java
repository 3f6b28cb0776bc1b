package io.newswire.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a method serves between its readings, and the exporter replayed at another poll phase. */
class LagSeriesTest {

    private static final double NAN = Double.NaN;

    @Test
    void shouldServeTheLatestReadingUntilTheNext() {
        final double[] readings = {1, NAN, NAN, 4, NAN, NAN, 7};

        assertThat(LagSeries.served(readings, 3, 0)).containsExactly(1, 1, 1, 4, 4, 4, 7);
    }

    @Test
    void shouldServeNothingBeforeTheFirstReadingOfALaterPhase() {
        final double[] readings = {NAN, 2, NAN, NAN, 5, NAN};

        assertThat(LagSeries.served(readings, 3, 1)).containsExactly(NAN, 2, 2, 2, 5, 5);
    }

    @Test
    void shouldPollTheExporterAtTheGivenPhaseFromTheSimulatedOffsets() {
        // 20 records/s, the group 10 records (half a second) behind from instant 30 on.
        final int seconds = 90;
        final long[] logEnd = new long[seconds + 1];
        final long[] committed = new long[seconds + 1];
        for (int t = 0; t <= seconds; t++) {
            logEnd[t] = 20L * t;
            committed[t] = t < 30 ? logEnd[t] : logEnd[t] - 10;
        }
        final LagSeries series = new LagSeries(LagScenario.steady(5), 1_000_000, new double[seconds + 1], logEnd,
            committed, new double[seconds + 1], new double[seconds + 1], 30, 0, 0, 0);

        final double[] readings = series.exporterReadings(15);

        assertThat(readings[0]).isNaN();
        assertThat(readings[15]).isZero();
        // Two points (300 at 15 s, 900 at 45 s): 45000 - 10 * 30000 / 600 = 44500, half a second behind.
        assertThat(readings[45]).isEqualTo(0.5);
        assertThat(readings[75]).isEqualTo(0.5);
        assertThat(readings[46]).isNaN();
    }
}

package io.newswire.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a lag figure's error against the true lag is summarised. */
class ErrorSummaryTest {

    @Test
    void shouldAllowOneSecondOrTwoPercentOfTheTrueLag() {
        assertThat(ErrorSummary.tolerance(0)).isEqualTo(1.0);
        assertThat(ErrorSummary.tolerance(50)).isEqualTo(1.0);
        assertThat(ErrorSummary.tolerance(300)).isEqualTo(6.0);
    }

    @Test
    void shouldSummariseAbsoluteErrorsAndCountUnknownFiguresAsOutside() {
        final double[] truth = {0, 10, 100, 300, 300, 0};
        final double[] figures = {0.5, 8, 101, 290, Double.NaN, Double.POSITIVE_INFINITY};

        final ErrorSummary summary = ErrorSummary.of(figures, truth, 0, 1);

        // Errors 0.5, 2, 1, 10 over the four known figures; within: 0.5 <= 1, 1 <= 2 (2 % of 100).
        // Lagging (true lag > 1 s): 10, 100, 300, 300, of which only 100 within.
        assertThat(summary).isEqualTo(new ErrorSummary(6, 1.0, 10.0, 10.0, 2, 2, 4, 1));
        assertThat(summary.laggingWithinShare()).isEqualTo(0.25);
        assertThat(summary.withinShare()).isEqualTo(2.0 / 6);
        assertThat(summary.meetsTarget()).isFalse();
    }

    @Test
    void shouldCompareOnlyTheInstantsAsked() {
        final double[] truth = {0, 10, 20, 30, 40};
        final double[] figures = {0, Double.NaN, 20.5, Double.NaN, 40};

        final ErrorSummary summary = ErrorSummary.of(figures, truth, 0, 2);

        assertThat(summary).isEqualTo(new ErrorSummary(3, 0.0, 0.5, 0.5, 3, 0, 2, 2));
        assertThat(summary.meetsTarget()).isTrue();
        assertThat(ErrorSummary.of(figures, truth, 1, 2).p95()).isNaN();
        assertThat(ErrorSummary.of(new double[] {0}, new double[] {0}, 0, 1).laggingWithinShare()).isNaN();
    }
}

package io.newswire.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import io.newswire.app.bench.ExporterLagEstimate.LagIsZero;
import io.newswire.app.bench.ExporterLagEstimate.Point;
import io.newswire.app.bench.ExporterLagEstimate.Prediction;
import io.newswire.app.bench.ExporterLagEstimate.TooFewPoints;
import org.junit.jupiter.api.Test;

/** kafka-lag-exporter's lookup table, with values computed by hand from its formula. */
class ExporterLagEstimateTest {

    private static ExporterLagEstimate aTableOf(final Point... points) {
        final ExporterLagEstimate table = new ExporterLagEstimate();
        for (final Point point : points) {
            table.addPoint(point);
        }
        return table;
    }

    @Test
    void shouldStretchAFlatLineInsteadOfAddingPoints() {
        final ExporterLagEstimate table = aTableOf(new Point(100, 1_000), new Point(100, 2_000), new Point(100, 3_000));

        assertThat(table.points()).containsExactly(new Point(100, 1_000), new Point(100, 3_000));

        table.addPoint(new Point(150, 4_000));
        table.addPoint(new Point(150, 5_000));

        // One point on the new level is not yet a flat line: it is appended, not replaced.
        assertThat(table.points()).containsExactly(new Point(100, 1_000), new Point(100, 3_000),
            new Point(150, 4_000), new Point(150, 5_000));
    }

    @Test
    void shouldIgnoreAPointThatIsNotLaterOrWhoseOffsetWentBack() {
        final ExporterLagEstimate table = aTableOf(new Point(100, 1_000));

        table.addPoint(new Point(120, 1_000));
        table.addPoint(new Point(90, 2_000));

        assertThat(table.points()).containsExactly(new Point(100, 1_000));
    }

    @Test
    void shouldDropTheOldestPointWhenTheTableIsFull() {
        final ExporterLagEstimate table = new ExporterLagEstimate(3);
        for (int poll = 1; poll <= 4; poll++) {
            table.addPoint(new Point(10L * poll, 1_000L * poll));
        }

        assertThat(table.points()).containsExactly(new Point(20, 2_000), new Point(30, 3_000), new Point(40, 4_000));
        assertThat(new ExporterLagEstimate().points()).isEmpty();
        assertThat(ExporterLagEstimate.DEFAULT_LIMIT).isEqualTo(60);
    }

    @Test
    void shouldSayLagIsZeroWhenTheGroupIsAtTheLastOffset() {
        final ExporterLagEstimate table = aTableOf(new Point(100, 1_000));

        assertThat(table.lookup(100)).isEqualTo(new LagIsZero());
        assertThat(table.lagSeconds(100, 1_000)).isZero();
    }

    @Test
    void shouldSayTooFewPointsWithLessThanTwo() {
        assertThat(new ExporterLagEstimate().lookup(0)).isEqualTo(new TooFewPoints());
        final ExporterLagEstimate table = aTableOf(new Point(100, 1_000));

        assertThat(table.lookup(50)).isEqualTo(new TooFewPoints());
        assertThat(table.lagSeconds(50, 1_000)).isNaN();
    }

    @Test
    void shouldInterpolateInTheMostRecentPairThatHoldsTheOffset() {
        // 20 records/s for 30 s, then 200/s for 30 s.
        final ExporterLagEstimate table = aTableOf(new Point(0, 0), new Point(600, 30_000), new Point(6_600, 60_000));

        // 60000 - (6600 - 3600) * 30000 / 6000 = 45000
        assertThat(table.lookup(3_600)).isEqualTo(new Prediction(45_000, false));
        assertThat(table.lagSeconds(3_600, 60_000)).isEqualTo(15.0);
        // 30000 - (600 - 300) * 30000 / 600 = 15000
        assertThat(table.lagSeconds(300, 60_000)).isEqualTo(45.0);
        // On a shared point the later pair is taken: 60000 - 6000 * 30000 / 6000 = 30000
        assertThat(table.lookup(600)).isEqualTo(new Prediction(30_000, false));
    }

    @Test
    void shouldExtrapolateAlongTheOldestAndNewestPointOutsideTheTable() {
        final ExporterLagEstimate table = aTableOf(new Point(1_000, 10_000), new Point(1_200, 20_000),
            new Point(1_600, 30_000));

        // 30000 - (1600 - 900) * 20000 / 600 = 6666.67
        final ExporterLagEstimate.Result behind = table.lookup(900);
        assertThat(behind).isInstanceOf(Prediction.class);
        assertThat(((Prediction) behind).time()).isCloseTo(6_666.667, within(0.001));
        assertThat(((Prediction) behind).extrapolated()).isTrue();
        assertThat(table.lagSeconds(900, 30_000)).isCloseTo(23.333, within(0.001));
        // Ahead of the log end: 30000 + 100 * 20000 / 600, a negative lag that is not clamped.
        assertThat(table.lagSeconds(1_700, 30_000)).isCloseTo(-3.333, within(0.001));
    }

    @Test
    void shouldGiveAnInfiniteLagOnAFlatTableAsTheOriginalDoes() {
        final ExporterLagEstimate table = aTableOf(new Point(500, 0), new Point(500, 30_000), new Point(500, 60_000));

        // Extrapolated along a flat line: 100 * 60000 / 0 is infinite.
        assertThat(table.lagSeconds(400, 60_000)).isInfinite().isPositive();
        assertThat(table.lagSeconds(500, 60_000)).isZero();
    }

    @Test
    void shouldAddThePollsPointBeforeLookingUpTheGroup() {
        final ExporterLagEstimate table = new ExporterLagEstimate();

        assertThat(table.poll(0, 0, 0)).isZero();
        // 30000 - 10 * 30000 / 600 = 29500: half a second behind.
        assertThat(table.poll(600, 590, 30_000)).isEqualTo(0.5);
        assertThat(table.points()).isEqualTo(List.of(new Point(0, 0), new Point(600, 30_000)));
    }
}

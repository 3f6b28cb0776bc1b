package io.newswire.streams.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WatermarksTest {

    @Test
    void shouldKnowNothingUntilEveryPartitionReported() {
        final Watermarks marks = new Watermarks(2);
        marks.advance(0, 100);

        assertThat(marks.low()).isEqualTo(Watermarks.UNKNOWN);
        marks.advance(1, 50);
        assertThat(marks.low()).isEqualTo(50);
        assertThat(marks.high()).isEqualTo(100);
    }

    @Test
    void shouldOnlyMoveForward() {
        final Watermarks marks = new Watermarks(1);

        assertThat(marks.advance(0, 100)).isTrue();
        assertThat(marks.advance(0, 90)).isFalse();
        assertThat(marks.of(0)).isEqualTo(100);
    }

    @Test
    void shouldWaitForAPartitionThatNewsRawGained() {
        final Watermarks marks = new Watermarks(1);
        marks.advance(0, 100);
        marks.advance(3, 20);

        assertThat(marks.low()).isEqualTo(20);
        assertThat(marks.all()).containsOnlyKeys(0, 3);
    }
}

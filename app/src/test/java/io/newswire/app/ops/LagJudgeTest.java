package io.newswire.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** Statuses over a 60 s window, thresholds 1 record and 10 s. */
class LagJudgeTest {

    private static final TopicPartition RAW = new TopicPartition("news.raw", 0);
    private final LagJudge judge = new LagJudge(Duration.ofSeconds(60), 1, Duration.ofSeconds(10));

    private static PartitionLag reading(final long at, final long committed, final long lag, final double seconds,
                                        final boolean active) {
        return reading(at, committed, lag, seconds, active, "id-1");
    }

    private static PartitionLag reading(final long at, final long committed, final long lag, final double seconds,
                                        final boolean active, final String topicId) {
        return new PartitionLag("newswire", "input", RAW, topicId, committed, committed + lag + 1, committed + lag + 1,
            lag, lag == 0 ? -1 : at - (long) (seconds * 1000), seconds, active, at);
    }

    @Test
    void shouldStayOkWhenIdleWhateverTheMarkers() {
        for (long at = 0; at <= 300_000; at += 5_000) {
            assertThat(judge.judge(reading(at, 100, 0, 0, true)).status()).isEqualTo(LagStatus.OK);
        }
    }

    @Test
    void shouldSayStopWhenRecordsWaitAndTheGroupHasNoMembers() {
        final LagJudge.Judged first = judge.judge(reading(0, 100, 5, 30, false));
        assertThat(first.status()).isEqualTo(LagStatus.STOP);
        assertThat(first.consumedPerSecond()).as("no rate from one reading").isNaN();
        assertThat(new LagJudge(Duration.ofSeconds(60), 10, Duration.ofSeconds(10))
            .judge(reading(0, 100, 5, 30, false)).status()).as("below the record threshold").isEqualTo(LagStatus.OK);
        assertThat(new LagJudge(Duration.ofSeconds(60), 1, Duration.ofSeconds(10))
            .judge(reading(0, 100, 2, 0.3, false)).status()).as("STOP does not wait for the records to age")
            .isEqualTo(LagStatus.STOP);
        assertThat(new LagJudge(Duration.ofSeconds(60), 1, Duration.ofSeconds(10))
            .judge(reading(0, 100, 2, 0.3, true)).status()).as("young records with members: nothing to say")
            .isEqualTo(LagStatus.OK);
    }

    @Test
    void shouldSayStallOnlyOnceTheOffsetHasNotMovedForTheWholeWindow() {
        assertThat(judge.judge(reading(0, 100, 50, 12, true)).status()).isEqualTo(LagStatus.OK);
        assertThat(judge.judge(reading(30_000, 100, 80, 42, true)).status()).as("half a window")
            .isEqualTo(LagStatus.OK);
        assertThat(judge.judge(reading(60_000, 100, 90, 72, true)).status()).isEqualTo(LagStatus.STALL);
    }

    @Test
    void shouldWarnWhenTheLagGrowsThroughTheWindowAndNotWhenItShrinksOnce() {
        judge.judge(reading(0, 100, 50, 12, true));
        judge.judge(reading(30_000, 150, 70, 15, true));
        final LagJudge.Judged growing = judge.judge(reading(60_000, 200, 90, 16, true));
        assertThat(growing.status()).isEqualTo(LagStatus.WARN);
        assertThat(growing.consumedPerSecond()).isCloseTo(100.0 / 60, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(growing.secondsToCatchUp()).isCloseTo(90 / (100.0 / 60), org.assertj.core.data.Offset.offset(1e-6));

        assertThat(judge.judge(reading(90_000, 290, 20, 11, true)).status()).isEqualTo(LagStatus.OK);
    }

    @Test
    void shouldSayRewindWhenTheCommittedOffsetGoesBackButNotForATopicCreatedAgain() {
        judge.judge(reading(0, 100, 0, 0, true));
        assertThat(judge.judge(reading(5_000, 40, 0, 0, true)).status()).isEqualTo(LagStatus.REWIND);

        final LagJudge fresh = new LagJudge(Duration.ofSeconds(60), 1, Duration.ofSeconds(10));
        fresh.judge(reading(0, 100, 0, 0, true, "id-1"));
        assertThat(fresh.judge(reading(5_000, 0, 0, 0, true, "id-2")).status()).as("another topic id")
            .isEqualTo(LagStatus.OK);
    }
}

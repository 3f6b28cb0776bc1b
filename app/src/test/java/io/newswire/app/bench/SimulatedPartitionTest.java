package io.newswire.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The true lag of the lag benchmark: records on a virtual clock and a consumer that reads them in order. */
class SimulatedPartitionTest {

    @Test
    void shouldSpreadASecondsRecordsEvenlyOverIt() {
        final SimulatedPartition partition = new SimulatedPartition();

        assertThat(partition.produce(10_000, 4)).containsExactly(10_000, 10_250, 10_500, 10_750);
        assertThat(partition.produce(11_000, 3)).containsExactly(11_000, 11_333, 11_666);
        assertThat(partition.end()).isEqualTo(7);
        assertThat(partition.timestamp(4)).isEqualTo(11_000);
    }

    @Test
    void shouldConsumeInOrderUpToCapacityAndNothingNotYetAvailable() {
        final SimulatedPartition partition = new SimulatedPartition();
        partition.produce(0, 4);

        partition.consume(500, 10);
        assertThat(partition.committed()).isEqualTo(3);

        partition.produce(1_000, 4);
        partition.consume(5_000, 2);
        assertThat(partition.committed()).isEqualTo(5);
    }

    @Test
    void shouldMeasureTheTrueLagFromTheFirstUnconsumedRecord() {
        final SimulatedPartition partition = new SimulatedPartition();
        assertThat(partition.trueLagSeconds(1_000)).isZero();
        partition.produce(0, 4);
        partition.consume(500, 10);

        // The first unconsumed record is at 750 ms.
        assertThat(partition.trueLagSeconds(1_000)).isEqualTo(0.25);

        partition.consume(1_000, 10);
        assertThat(partition.trueLagSeconds(1_000)).isZero();

        partition.resetTo(0);
        assertThat(partition.trueLagSeconds(1_800_000)).isEqualTo(1_800.0);
    }

    @Test
    void shouldRefuseAResetOutsideThePartition() {
        final SimulatedPartition partition = new SimulatedPartition();
        partition.produce(0, 2);

        assertThatThrownBy(() -> partition.resetTo(3)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("outside the partition [0, 2]");
    }
}

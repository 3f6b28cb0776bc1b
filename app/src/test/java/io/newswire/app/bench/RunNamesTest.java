package io.newswire.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.streams.PipelineConfig;
import org.junit.jupiter.api.Test;

class RunNamesTest {

    private final RunNames saturation = RunNames.of("ab12cd", BenchPhase.WHOLE, "", PipelineConfig.defaults(), 3);
    private final RunNames paced = RunNames.of("ab12cd", BenchPhase.WHOLE, "50ps", PipelineConfig.defaults(), 3);

    @Test
    void shouldNameTheApplicationAndTopicsAfterTheBenchThePhaseAndTheRun() {
        assertThat(saturation.applicationId()).isEqualTo("bench-ab12cd-whole");
        assertThat(saturation.input()).isEqualTo("bench-ab12cd-whole.raw");
        assertThat(saturation.outputs()).contains("bench-ab12cd-whole.security", "bench-ab12cd-whole.general",
            "bench-ab12cd-whole.duplicates", "bench-ab12cd-whole.dlq");
        assertThat(paced.applicationId()).isEqualTo("bench-ab12cd-whole.50ps");
        assertThat(saturation.config().partitions()).isEqualTo(3);
    }

    @Test
    void shouldOwnItsInternalTopicsButNotThoseOfTheOtherRunsOfThePhase() {
        assertThat(saturation.owns("bench-ab12cd-whole-dedup-bands-changelog")).isTrue();
        assertThat(saturation.owns("bench-ab12cd-whole.50ps.raw")).isFalse();
        assertThat(saturation.owns("bench-ab12cd-whole.50ps-dedup-bands-changelog")).isFalse();
        assertThat(paced.owns("bench-ab12cd-whole-dedup-bands-changelog")).isFalse();
    }

    @Test
    void shouldTellTheRoleOfEachTopic() {
        assertThat(saturation.roleOf("bench-ab12cd-whole.raw")).isEqualTo(RunNames.Role.INPUT);
        assertThat(saturation.roleOf("bench-ab12cd-whole.trade")).isEqualTo(RunNames.Role.OUTPUT);
        assertThat(saturation.roleOf("bench-ab12cd-whole.duplicates")).isEqualTo(RunNames.Role.DECISIONS);
        assertThat(saturation.roleOf("bench-ab12cd-whole.dlq")).isEqualTo(RunNames.Role.DEAD_LETTERS);
        assertThat(saturation.roleOf("bench-ab12cd-whole-dedup-by-band-repartition"))
            .isEqualTo(RunNames.Role.REPARTITION);
        assertThat(saturation.roleOf("bench-ab12cd-whole-dedup-bands-changelog")).isEqualTo(RunNames.Role.CHANGELOG);
    }

    @Test
    void shouldWriteThePassThroughToOneOutputOnly() {
        final RunNames passThrough = RunNames.of("ab12cd", BenchPhase.PASSTHROUGH, "", PipelineConfig.defaults(), 1);

        assertThat(passThrough.outputs()).containsExactly("bench-ab12cd-passthrough.out");
        assertThat(passThrough.createdTopics()).containsExactly("bench-ab12cd-passthrough.raw",
            "bench-ab12cd-passthrough.out");
    }
}

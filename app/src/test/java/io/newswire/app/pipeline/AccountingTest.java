package io.newswire.app.pipeline;

import static io.newswire.app.pipeline.OutputRecords.aDeadLetter;
import static io.newswire.app.pipeline.OutputRecords.aDuplicateDecision;
import static io.newswire.app.pipeline.OutputRecords.anItem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.newswire.app.pipeline.Accounting.Outcome;
import io.newswire.streams.PipelineConfig;
import org.junit.jupiter.api.Test;

/** Accounting matches outputs to inputs by trace: each input out exactly once, as one kind of outcome. */
class AccountingTest {

    private static final String RUN = "run-1";
    private static final PipelineConfig CONFIG = PipelineConfig.defaults();

    @Test
    void shouldCountAnInputRoutedToTwoRouteTopicsOnceAsRouted() {
        final Accounting accounting = Accounting.of(RUN, List.of(
            anItem("seed").in("news.security").tracedAs("run-1/0").build(),
            anItem("seed").in("news.trade").tracedAs("run-1/0").build()), CONFIG);

        assertThat(accounting.violations()).isEmpty();
        assertThat(accounting.accounted()).isEqualTo(1);
        assertThat(accounting.count(Outcome.ROUTED)).isEqualTo(1);
        assertThat(accounting.outcomes()).containsExactly(Map.entry("run-1/0", Outcome.ROUTED));
    }

    @Test
    void shouldCountEachKindOfOutcomeByItsTopic() {
        final Accounting accounting = Accounting.of(RUN, List.of(
            anItem("seed").in("news.security").tracedAs("run-1/0").build(),
            anItem("8006").in("news.general").tracedAs("run-1/1").build(),
            aDuplicateDecision("copy-of-17591", "17591").tracedAs("run-1/2").build(),
            aDeadLetter("items.jsonl:5").tracedAs("run-1/3").build()), CONFIG);

        assertThat(accounting.violations()).isEmpty();
        assertThat(accounting.accounted()).isEqualTo(4);
        assertThat(accounting.count(Outcome.ROUTED)).isEqualTo(2);
        assertThat(accounting.count(Outcome.DUPLICATE)).isEqualTo(1);
        assertThat(accounting.count(Outcome.DEAD_LETTER)).isEqualTo(1);
    }

    @Test
    void shouldReportAnInputThatCameOutTwiceInOneTopic() {
        final Accounting accounting = Accounting.of(RUN, List.of(
            anItem("seed").in("news.security").tracedAs("run-1/0").build(),
            anItem("seed").in("news.security").tracedAs("run-1/0").build()), CONFIG);

        assertThat(accounting.violations()).singleElement().asString()
            .contains("run-1/0", "seed", "twice", "news.security");
        assertThat(accounting.accounted()).isEqualTo(1);
    }

    @Test
    void shouldReportAnInputThatWasRoutedAndDeadLettered() {
        final Accounting accounting = Accounting.of(RUN, List.of(
            anItem("seed").in("news.security").tracedAs("run-1/0").build(),
            aDeadLetter("seed.it.txt").tracedAs("run-1/0").build()), CONFIG);

        assertThat(accounting.violations()).singleElement().asString()
            .contains("run-1/0", Outcome.ROUTED.name(), Outcome.DEAD_LETTER.name());
        assertThat(accounting.outcomes()).as("the first outcome is kept")
            .containsExactly(Map.entry("run-1/0", Outcome.ROUTED));
    }

    @Test
    void shouldReportAnInputThatWasRoutedAndDecidedADuplicate() {
        final Accounting accounting = Accounting.of(RUN, List.of(
            aDuplicateDecision("copy-of-17591", "17591").tracedAs("run-1/4").build(),
            anItem("copy-of-17591").in("news.security").tracedAs("run-1/4").build()), CONFIG);

        assertThat(accounting.violations()).singleElement().asString()
            .contains("run-1/4", Outcome.DUPLICATE.name(), Outcome.ROUTED.name());
    }

    @Test
    void shouldIgnoreRecordsOfOtherRunsAndRecordsWithoutTrace() {
        final Accounting accounting = Accounting.of(RUN, List.of(
            anItem("earlier").in("news.security").tracedAs("run-0/0").build(),
            anItem("similar-run-id").in("news.security").tracedAs("run-10/0").build(),
            anItem("untraced").in("news.security").build(),
            anItem("untraced").in("news.security").build(),
            anItem("seed").in("news.security").tracedAs("run-1/0").build()), CONFIG);

        assertThat(accounting.violations()).isEmpty();
        assertThat(accounting.outcomes()).containsOnlyKeys("run-1/0");
    }

    @Test
    void shouldAccountNothingForNoRecords() {
        final Accounting accounting = Accounting.of(RUN, List.of(), CONFIG);

        assertThat(accounting.accounted()).isZero();
        assertThat(accounting.violations()).isEmpty();
        assertThat(accounting.outcomes()).isEmpty();
    }
}

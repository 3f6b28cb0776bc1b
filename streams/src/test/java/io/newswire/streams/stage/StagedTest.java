package io.newswire.streams.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class StagedTest {

    private static final byte[] ORIGINAL = "  the raw text  ".getBytes(StandardCharsets.UTF_8);

    @Test
    void shouldApplyEachStageInTurn() {
        final Staged<Integer> staged = Staged.ok("  the raw text  ", ORIGINAL)
            .then("trim", String::strip)
            .then("measure", String::length);

        assertThat(staged.isFailed()).isFalse();
        assertThat(staged.value()).isEqualTo(12);
        assertThat(staged.original()).isSameAs(ORIGINAL);
    }

    @Test
    void shouldTurnAThrowingStepIntoAFailureOfThatStageKeepingTheLastGoodValue() {
        final IllegalArgumentException error = new IllegalArgumentException("no digits in 'the raw text'");

        final Staged<Integer> staged = Staged.ok("  the raw text  ", ORIGINAL)
            .then("trim", String::strip)
            .then("parse", text -> {
                throw error;
            });

        assertThat(staged.isFailed()).isTrue();
        assertThat(staged.failure().stage()).isEqualTo("parse");
        assertThat(staged.failure().error()).isSameAs(error);
        assertThat(staged.failure().message()).isEqualTo("no digits in 'the raw text'");
        assertThat(staged.lastGood()).isEqualTo("the raw text");
        assertThat(staged.original()).isSameAs(ORIGINAL);
    }

    @Test
    void shouldPassAFailureThroughLaterStagesWithoutRunningThem() {
        final AtomicInteger laterRuns = new AtomicInteger();

        final Staged<String> staged = Staged.ok("  the raw text  ", ORIGINAL)
            .then("trim", String::strip)
            .<Integer>then("parse", text -> {
                throw new NumberFormatException("not a number");
            })
            .then("double", number -> {
                laterRuns.incrementAndGet();
                return number * 2;
            })
            .then("format", number -> {
                laterRuns.incrementAndGet();
                throw new IllegalStateException("a later stage failing too");
            });

        assertThat(laterRuns).hasValue(0);
        assertThat(staged.failure().stage()).isEqualTo("parse");
        assertThat(staged.failure().error()).isInstanceOf(NumberFormatException.class);
        assertThat(staged.lastGood()).isEqualTo("the raw text");
        assertThat(staged.original()).isSameAs(ORIGINAL);
    }

    @Test
    void shouldTreatAStepReturningNullAsAFailureOfThatStage() {
        final Staged<String> staged = Staged.ok("the raw text", ORIGINAL).then("lookup", text -> null);

        assertThat(staged.isFailed()).isTrue();
        assertThat(staged.failure().stage()).isEqualTo("lookup");
        assertThat(staged.failure().error()).isInstanceOf(IllegalStateException.class);
        assertThat(staged.failure().message()).isEqualTo("lookup produced no value");
        assertThat(staged.lastGood()).isEqualTo("the raw text");
    }

    @Test
    void shouldKeepADecodingFailureWithoutALastGoodValue() {
        final Staged<String> staged = Staged.<String>failed("deserialize", new IllegalArgumentException("bad bytes"),
            ORIGINAL).then("trim", String::strip);

        assertThat(staged.failure().stage()).isEqualTo("deserialize");
        assertThat(staged.lastGood()).isNull();
        assertThat(staged.original()).isSameAs(ORIGINAL);
    }

    @Test
    void shouldRecordAnExplicitFailWithTheCurrentValueAsLastGood() {
        final Staged<Integer> staged = Staged.ok("the raw text", ORIGINAL)
            .fail("route", new IllegalStateException("no route"));

        assertThat(staged.failure().stage()).isEqualTo("route");
        assertThat(staged.lastGood()).isEqualTo("the raw text");
    }

    @Test
    void shouldNameTheErrorClassWhenTheErrorHasNoMessage() {
        final Staged<String> staged = Staged.ok("text", ORIGINAL).then("enrich", text -> {
            throw new UnsupportedOperationException();
        });

        assertThat(staged.failure().message()).isEqualTo("java.lang.UnsupportedOperationException");
    }

    @Test
    void shouldRefuseToGiveAValueForAFailureOrAFailureForAValue() {
        final Staged<String> failed = Staged.failed("deserialize", new IllegalArgumentException("bad"), ORIGINAL);
        final Staged<String> ok = Staged.ok("text", ORIGINAL);

        assertThatThrownBy(failed::value).isInstanceOf(IllegalStateException.class)
            .hasMessage("record failed at stage deserialize");
        assertThatThrownBy(ok::failure).isInstanceOf(IllegalStateException.class).hasMessage("record did not fail");
    }

    @Test
    void shouldRefuseANullValue() {
        assertThatThrownBy(() -> Staged.ok(null, ORIGINAL))
            .isInstanceOf(NullPointerException.class).hasMessage("value");
    }
}

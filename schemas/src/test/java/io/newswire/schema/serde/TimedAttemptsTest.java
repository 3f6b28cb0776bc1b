package io.newswire.schema.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TimedAttemptsTest {

    private static final Duration DEADLINE = Duration.ofMillis(200);

    /** Holds the calls that hang until the test ends. */
    private final CountDownLatch never = new CountDownLatch(1);

    @AfterEach
    void releaseHungCalls() {
        never.countDown();
    }

    @Test
    void shouldTryAgainWhenACallHangsAndReturnTheFirstAnswer() throws TimeoutException {
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger timeouts = new AtomicInteger();

        final String answer = TimedAttempts.call(() -> calls.incrementAndGet() == 1 ? hang() : "registered", DEADLINE,
            3, timeouts::incrementAndGet);

        assertThat(answer).isEqualTo("registered");
        assertThat(calls).hasValue(2);
        assertThat(timeouts).as("the caller drops the client of the call that hung").hasValue(1);
    }

    @Test
    void shouldGiveUpAfterTheLastAttemptHangs() {
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger timeouts = new AtomicInteger();

        assertThatThrownBy(() -> TimedAttempts.call(() -> {
            calls.incrementAndGet();
            return hang();
        }, DEADLINE, 3, timeouts::incrementAndGet))
            .isInstanceOf(TimeoutException.class).hasMessageContaining("3 times");
        assertThat(calls).hasValue(3);
        assertThat(timeouts).hasValue(3);
    }

    @Test
    void shouldPassOnAFailureAtOnceWithoutTryingAgain() {
        final AtomicInteger calls = new AtomicInteger();
        final IllegalStateException refused = new IllegalStateException("409 incompatible schema");

        assertThatThrownBy(() -> TimedAttempts.call(() -> {
            calls.incrementAndGet();
            throw refused;
        }, DEADLINE, 3, () -> { }))
            .isSameAs(refused);
        assertThat(calls).hasValue(1);
    }

    private String hang() {
        try {
            never.await();
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "too late";
    }
}

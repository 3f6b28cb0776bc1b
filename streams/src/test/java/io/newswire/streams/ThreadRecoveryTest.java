package io.newswire.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.streams.errors.ProcessorStateException;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

class ThreadRecoveryTest {

    private final AtomicLong now = new AtomicLong();
    private final ThreadRecovery recovery = new ThreadRecovery(2, Duration.ofMinutes(10), now::get);

    /** What a stream thread died of after a broker bounce in BrokerBounceIT. */
    private static StreamsException commitAfterBounce() {
        return new StreamsException("Error encountered trying to commit a transaction",
            new InvalidTxnStateException("The producer attempted a transactional operation in an invalid state."));
    }

    @Test
    void shouldReplaceAThreadThatDiedOfWhatTheClusterDid() {
        assertThat(recovery.replace(commitAfterBounce())).isTrue();
        assertThat(recovery.replace(new StreamsException(new ProducerFencedException("fenced")))).isTrue();
    }

    @Test
    void shouldStopOnWhatANewThreadWouldMeetAgain() {
        assertThat(recovery.replace(new StreamsException(new TopicAuthorizationException("news.raw")))).isFalse();
        assertThat(recovery.replace(new StreamsException(new ProcessorStateException("store closed")))).isFalse();
        assertThat(recovery.replace(new StreamsException(new IllegalStateException("a bug")))).isFalse();
        assertThat(recovery.replace(new NullPointerException())).isFalse();
    }

    @Test
    void shouldStopWhenClusterErrorsKeepComingBackAndReplaceAgainLater() {
        assertThat(recovery.replace(commitAfterBounce())).isTrue();
        assertThat(recovery.replace(commitAfterBounce())).isTrue();
        assertThat(recovery.replace(commitAfterBounce())).as("a third within the window").isFalse();

        now.addAndGet(Duration.ofMinutes(11).toNanos());
        assertThat(recovery.replace(commitAfterBounce())).as("the window has passed").isTrue();
    }
}

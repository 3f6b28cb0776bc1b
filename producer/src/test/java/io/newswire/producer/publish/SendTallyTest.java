package io.newswire.producer.publish;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

class SendTallyTest {

    @Test
    void shouldTellFailuresWorthAnotherTryFromThoseThatRepeat() {
        assertThat(SendTally.retriable(new TimeoutException("Expiring 1 record(s): 120000 ms has passed"))).isTrue();
        assertThat(SendTally.retriable(new NotEnoughReplicasException("2 in-sync replicas, 3 required"))).isTrue();
        assertThat(SendTally.retriable(new KafkaException("send failed", new TimeoutException("no broker")))).isTrue();

        assertThat(SendTally.retriable(new RecordTooLargeException("over message.max.bytes"))).isFalse();
        assertThat(SendTally.retriable(new SerializationException("cannot encode"))).isFalse();
        assertThat(SendTally.retriable(new InvalidTopicException("news raw"))).isFalse();
        assertThat(SendTally.retriable(new TopicAuthorizationException("not authorized to write news.raw")))
            .isFalse();
    }

    @Test
    void shouldKeepOnlyTheFirstRefusalsInWords() {
        final SendTally tally = new SendTally();

        for (int refusal = 1; refusal <= SendTally.REFUSALS_KEPT + 2; refusal++) {
            tally.failed("item " + refusal + " not published", new InvalidTopicException("news raw"));
        }
        tally.failed("item 99 not published", new TimeoutException("no broker"));

        assertThat(tally.permanentFailures()).isEqualTo(SendTally.REFUSALS_KEPT + 2);
        assertThat(tally.refusals()).hasSize(SendTally.REFUSALS_KEPT).first().isEqualTo("item 1 not published");
        assertThat(tally.refusedForGood()).isTrue();
        assertThat(tally.retriableFailures()).isEqualTo(1);
        assertThat(tally.lastRetriableFailure()).isEqualTo("item 99 not published");
    }
}

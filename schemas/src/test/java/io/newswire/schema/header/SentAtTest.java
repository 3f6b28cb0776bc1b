package io.newswire.schema.header;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class SentAtTest {

    @Test
    void shouldReadWhatItWrote() {
        final RecordHeaders headers = new RecordHeaders();
        SentAt.write(headers, 1_764_859_200_123_456L);
        SentAt.write(headers, 1_764_859_200_123_457L);

        assertThat(headers.headers(SentAt.HEADER)).as("written once, replaced").hasSize(1);
        assertThat(SentAt.read(headers)).isEqualTo(1_764_859_200_123_457L);
    }

    @Test
    void shouldReadAMissingOrUnusableHeaderAsUnknown() {
        assertThat(SentAt.read(new RecordHeaders())).isEqualTo(SentAt.UNKNOWN);
        for (final String value : new String[] {"", "-5", "12a", " 12", "1.5", "99999999999999999999"}) {
            final RecordHeaders headers = new RecordHeaders();
            headers.add(SentAt.HEADER, value.getBytes(StandardCharsets.US_ASCII));
            assertThat(SentAt.read(headers)).as("'%s'", value).isEqualTo(SentAt.UNKNOWN);
        }
        final RecordHeaders nullValue = new RecordHeaders();
        nullValue.add(SentAt.HEADER, null);
        assertThat(SentAt.read(nullValue)).isEqualTo(SentAt.UNKNOWN);
    }

    @Test
    void shouldGiveEachSendALaterTimeThanTheOneBefore() {
        final SentAt clock = new SentAt();
        long previous = clock.next();
        assertThat(previous / 1_000L).as("microseconds of the wall clock")
            .isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(5_000L));
        for (int i = 0; i < 10_000; i++) {
            final long next = clock.next();
            assertThat(next).isGreaterThan(previous);
            previous = next;
        }
    }
}

package io.newswire.schema.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import io.newswire.schema.DeadLetter;
import io.newswire.schema.DedupDecision;
import io.newswire.schema.EnrichedItem;
import io.newswire.schema.Records;
import io.newswire.schema.WireItem;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

    private final NewswireSerdes serdes = new NewswireSerdes();

    @Test
    void shouldRoundTripEveryRecordType() {
        final WireItem item = Records.aWireItem();
        final EnrichedItem enriched = Records.anEnrichedItem();
        final DedupDecision decision = Records.aDedupDecision();
        final DeadLetter deadLetter = Records.aDeadLetter();

        assertThat(roundTrip(serdes.wireItem(), item)).isEqualTo(item);
        assertThat(roundTrip(serdes.enrichedItem(), enriched)).isEqualTo(enriched);
        assertThat(roundTrip(serdes.dedupDecision(), decision)).isEqualTo(decision);
        assertThat(roundTrip(serdes.deadLetter(), deadLetter)).isEqualTo(deadLetter);
    }

    @Test
    void shouldWriteSingleObjectEncodingHeader() {
        final byte[] bytes = serdes.wireItem().serializer().serialize("news.raw", Records.aWireItem());

        // Avro single-object encoding: marker C3 01, then the 8-byte schema fingerprint.
        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
    }

    @Test
    void shouldRejectBytesThatAreNotAnAvroMessage() {
        final byte[] garbage = "{\"title\": \"not avro\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> serdes.wireItem().deserializer().deserialize("news.raw", garbage))
            .isInstanceOf(SerializationException.class)
            .hasMessageContaining("cannot decode WireItem");
    }

    @Test
    void shouldRejectMessagesOfAnotherRecordType() {
        final byte[] decisionBytes = serdes.dedupDecision().encode(Records.aDedupDecision());

        assertThatThrownBy(() -> serdes.wireItem().decode(decisionBytes))
            .isInstanceOf(SerializationException.class)
            .hasMessageContaining("WireItem");
    }

    @Test
    void shouldPassNullsThrough() {
        assertThat(serdes.wireItem().serializer().serialize("t", null)).isNull();
        assertThat(serdes.wireItem().deserializer().deserialize("t", null)).isNull();
    }

    private static <T extends org.apache.avro.specific.SpecificRecord> T roundTrip(final AvroSerde<T> serde,
                                                                                 final T value) {
        return serde.deserializer().deserialize("topic", serde.serializer().serialize("topic", value));
    }
}

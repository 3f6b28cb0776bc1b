package io.newswire.schema.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

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

    /** Regression: Avro threw UnsupportedOperationException (no SerializationException, so no dead letter). */
    @Test
    void shouldRejectALengthPrefixOverTwoGigabytes() {
        final byte[] bytes = AvroDecoderPropertiesTest.concat(header(serdes.wireItem()),
            AvroDecoderPropertiesTest.zigZagVarint(3L * 1024 * 1024 * 1024));

        assertThatThrownBy(() -> serdes.wireItem().decode(bytes))
            .isInstanceOf(SerializationException.class)
            .hasMessageContaining("cannot decode WireItem (" + bytes.length + " bytes)");
    }

    /** Regression: through Avro's stream decoder, a 1 MiB string claimed by a 130-byte message was allocated first. */
    @Test
    void shouldRejectAStringLongerThanTheMessageBeforeAllocatingIt() {
        final byte[] bytes = AvroDecoderPropertiesTest.concat(header(serdes.deadLetter()),
            AvroDecoderPropertiesTest.zigZagVarint(16L * 1024 * 1024));
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        serdes.deadLetter().decode(serdes.deadLetter().encode(Records.aDeadLetter()));

        final long before = threads.getCurrentThreadAllocatedBytes();
        assertThatThrownBy(() -> serdes.deadLetter().decode(bytes))
            .isInstanceOf(SerializationException.class)
            .hasRootCauseInstanceOf(EOFException.class);
        assertThat(threads.getCurrentThreadAllocatedBytes() - before).isLessThan(1024 * 1024);
    }

    @Test
    void shouldNameAnUnknownWriterSchemaByItsFingerprint() {
        final byte[] bytes = serdes.wireItem().encode(Records.aWireItem());
        bytes[2] ^= 1;

        assertThatThrownBy(() -> serdes.wireItem().decode(bytes))
            .isInstanceOf(SerializationException.class)
            .hasMessageContaining("unknown schema (fingerprint");
    }

    @Test
    void shouldPassNullsThrough() {
        assertThat(serdes.wireItem().serializer().serialize("t", null)).isNull();
        assertThat(serdes.wireItem().deserializer().deserialize("t", null)).isNull();
    }

    /** The marker and fingerprint of a message of {@code serde}'s current schema. */
    private static byte[] header(final AvroSerde<?> serde) {
        return Arrays.copyOf(AvroDecoderPropertiesTest.SAMPLES.get(serde.type().getSimpleName()).bytes(), 10);
    }

    private static <T extends org.apache.avro.specific.SpecificRecord> T roundTrip(final AvroSerde<T> serde,
                                                                                 final T value) {
        return serde.deserializer().deserialize("topic", serde.serializer().serialize("topic", value));
    }
}

package io.newswire.schema.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.newswire.schema.DedupRequest;
import io.newswire.schema.DedupSketch;
import io.newswire.schema.Records;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Hostile bytes against the single-object decoder of every value type of {@link NewswireSerdes}: random bytes, a
 * valid header before random data, truncated and bit-flipped messages, huge length prefixes, tampered fingerprints and
 * writer schemas the reader does not know. A decoder may return a value or throw {@link SerializationException} (what
 * the topology turns into a dead letter), nothing else, and it may allocate only in proportion to the bytes given.
 */
public class AvroDecoderPropertiesTest {

    /**
     * Allocation allowed per decode: a constant (the decoder's buffers, the exception and its stack trace, a resolver
     * built for a released writer schema) plus a multiple of the input (a string decoded as UTF-16, the record's objects).
     * A length prefix trusted blindly allocates megabytes to gigabytes from a few bytes and fails this at once.
     */
    static final long ALLOCATION_CONSTANT = 512 * 1024;
    static final long ALLOCATION_PER_INPUT_BYTE = 64;

    private static final byte[] MARKER = {(byte) 0xC3, 0x01};
    private static final int HEADER_LENGTH = 10;

    private static final NewswireSerdes SERDES = new NewswireSerdes();
    static final Map<String, Sample> SAMPLES = Map.of(
        "WireItem", new Sample(SERDES.wireItem(), SERDES.wireItem().encode(Records.aWireItem())),
        "EnrichedItem", new Sample(SERDES.enrichedItem(), SERDES.enrichedItem().encode(Records.anEnrichedItem())),
        "DedupDecision", new Sample(SERDES.dedupDecision(), SERDES.dedupDecision().encode(Records.aDedupDecision())),
        "DeadLetter", new Sample(SERDES.deadLetter(), SERDES.deadLetter().encode(Records.aDeadLetter())),
        "DedupSketch", new Sample(SERDES.dedupSketch(), SERDES.dedupSketch().encode(aDedupSketch())),
        "DedupRequest", new Sample(SERDES.dedupRequest(), SERDES.dedupRequest().encode(aDedupRequest())));

    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final AtomicLong MAX_ALLOCATED = new AtomicLong();
    private static final AtomicLong DECODES = new AtomicLong();

    static {
        // The first decode of each type builds its readers; the bound is about one message, not class initialization.
        SAMPLES.values().forEach(sample -> {
            for (int round = 0; round < 3; round++) {
                sample.serde().decode(sample.bytes());
            }
        });
    }

    /** One value type's serde and a valid message of it. */
    record Sample(AvroSerde<?> serde, byte[] bytes) {

        @Override
        public String toString() {
            return serde.type().getSimpleName();
        }
    }

    @Property(tries = 200)
    void shouldRejectRandomBytes(@ForAll("samples") final Sample sample, @ForAll("randomBytes") final byte[] bytes) {
        assertDecodesOrRejects(sample, bytes);
    }

    @Property(tries = 400)
    void shouldRejectRandomDataAfterAValidHeader(@ForAll("samples") final Sample sample,
                                                 @ForAll("randomBytes") final byte[] body) {
        assertDecodesOrRejects(sample, concat(Arrays.copyOf(sample.bytes(), HEADER_LENGTH), body));
    }

    @Property(tries = 300)
    void shouldRejectTruncatedMessages(@ForAll("samples") final Sample sample, @ForAll final double where) {
        final int length = (int) (Math.abs(where) % 1.0 * sample.bytes().length);
        assertDecodesOrRejects(sample, Arrays.copyOf(sample.bytes(), length));
    }

    @Property(tries = 400)
    void shouldDecodeOrRejectBitFlippedMessages(@ForAll("samples") final Sample sample,
                                                @ForAll("flips") final List<Integer> flips) {
        final byte[] bytes = sample.bytes().clone();
        for (final int flip : flips) {
            final int bit = Math.floorMod(flip, bytes.length * 8);
            bytes[bit / 8] ^= (byte) (1 << (bit % 8));
        }
        assertDecodesOrRejects(sample, bytes);
    }

    /** A varint claiming megabytes to exabytes (or a negative length) where a length, count or union index is read. */
    @Property(tries = 400)
    void shouldRejectHugeLengthPrefixes(@ForAll("samples") final Sample sample, @ForAll("hugeLengths") final long claim,
                                        @ForAll final int where, @ForAll final boolean replace) {
        final byte[] valid = sample.bytes();
        final int at = HEADER_LENGTH + Math.floorMod(where, valid.length - HEADER_LENGTH);
        final byte[] varint = zigZagVarint(claim);
        final byte[] tail = Arrays.copyOfRange(valid, replace ? Math.min(valid.length, at + varint.length) : at,
            valid.length);
        assertDecodesOrRejects(sample, concat(concat(Arrays.copyOf(valid, at), varint), tail));
    }

    @Property(tries = 200)
    void shouldRejectTamperedFingerprints(@ForAll("samples") final Sample sample, @ForAll final long fingerprint) {
        final byte[] bytes = sample.bytes().clone();
        final byte[] tampered = ByteBuffer.allocate(8).putLong(fingerprint).array();
        System.arraycopy(tampered, 0, bytes, MARKER.length, tampered.length);
        assertDecodesOrRejects(sample, bytes);
    }

    /** The messages of every other value type, and of a schema of the same name the reader never saw. */
    @Property(tries = 100)
    void shouldRejectWriterSchemasTheReaderDoesNotKnow(@ForAll("samples") final Sample sample,
                                                       @ForAll("samples") final Sample writer,
                                                       @ForAll final String field) {
        assertDecodesOrRejects(sample, writer.bytes());
        assertDecodesOrRejects(sample, encodedWithUnknownSchema(sample, field));
    }

    @Provide
    Arbitrary<Sample> samples() {
        return Arbitraries.of(SAMPLES.values());
    }

    @Provide
    Arbitrary<byte[]> randomBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(600);
    }

    @Provide
    Arbitrary<List<Integer>> flips() {
        return Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofMinSize(1).ofMaxSize(8);
    }

    @Provide
    Arbitrary<Long> hugeLengths() {
        return Arbitraries.oneOf(
            Arbitraries.of(Integer.MAX_VALUE - 8L, Integer.MAX_VALUE + 1L, Long.MAX_VALUE, Long.MIN_VALUE, -1L,
                Integer.MIN_VALUE * 2L, 16L * 1024 * 1024 + 1, 3L * 1024 * 1024 * 1024),
            Arbitraries.longs().between(1L << 20, Long.MAX_VALUE),
            Combinators.combine(Arbitraries.longs().between(1L << 20, Long.MAX_VALUE), Arbitraries.of(-1L, 1L))
                .as((size, sign) -> size * sign));
    }

    @AfterContainer
    static void reportAllocation() {
        System.out.printf("AvroDecoderPropertiesTest: %d decodes, largest allocation %d bytes%n", DECODES.get(),
            MAX_ALLOCATED.get());
    }

    /** Decoding {@code bytes} gives a value or the declared rejection, allocating in proportion to the input. */
    static void assertDecodesOrRejects(final Sample sample, final byte[] bytes) {
        final long before = THREADS.getCurrentThreadAllocatedBytes();
        RuntimeException thrown = null;
        Object value = null;
        try {
            value = sample.serde().decode(bytes);
        } catch (final SerializationException e) {
            thrown = e;
        }
        final long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        DECODES.incrementAndGet();
        MAX_ALLOCATED.accumulateAndGet(allocated, Math::max);
        assertThat(value != null || thrown != null).as("a value or a rejection").isTrue();
        if (thrown != null) {
            assertThat(thrown).hasMessageContaining("cannot decode " + sample);
        }
        assertThat(allocated).as("bytes allocated decoding %d bytes as %s", bytes.length, sample)
            .isLessThanOrEqualTo(ALLOCATION_CONSTANT + ALLOCATION_PER_INPUT_BYTE * bytes.length);
    }

    public static byte[] zigZagVarint(final long value) {
        long zigZag = (value << 1) ^ (value >> 63);
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        while ((zigZag & ~0x7FL) != 0) {
            out.write((int) ((zigZag & 0x7F) | 0x80));
            zigZag >>>= 7;
        }
        out.write((int) zigZag);
        return out.toByteArray();
    }

    public static byte[] concat(final byte[] first, final byte[] second) {
        final byte[] joined = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }

    /** A message whose writer schema has the reader's full name but one field, of a name the reader has no field of. */
    private static byte[] encodedWithUnknownSchema(final Sample sample, final String field) {
        final String name = "f_" + Integer.toHexString(field.hashCode());
        final Schema schema = SchemaBuilder.record(sample.serde().type().getName()).fields()
            .requiredString(name).endRecord();
        final GenericRecord record = new GenericData.Record(schema);
        record.put(name, field);
        try {
            final ByteBuffer buffer = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), schema).encode(record);
            final byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DedupSketch aDedupSketch() {
        return DedupSketch.newBuilder()
            .setId("6152")
            .setEventTime(Records.AT.toEpochMilli())
            .setSourcePartition(1)
            .setSourceOffset(42L)
            .setLanguage("en")
            .setContentHash(7L)
            .setSourceUrl("http://kremlin.ru/6152")
            .setSignature(ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}))
            .setWords(120)
            .setNumbers(List.of("2021", "15"))
            .setNames(List.of("Vladimir Putin", "Kassym-Jomart Tokayev"))
            .setEventKeys(List.of("2021-08-21|moscow"))
            .setDecision("new")
            .setStoryId("6152")
            .build();
    }

    public static DedupRequest aDedupRequest() {
        return DedupRequest.newBuilder()
            .setSourcePartition(1)
            .setTime(Records.AT.toEpochMilli())
            .setSketch(aDedupSketch())
            .setItem(ByteBuffer.wrap(SERDES.wireItem().encode(Records.aWireItem())))
            .setHeaders(Map.of("newswire.sent", ByteBuffer.wrap(new byte[] {0, 1, 2, 3})))
            .build();
    }
}

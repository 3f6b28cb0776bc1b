package io.newswire.schema.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka serde for one generated Avro record type using Avro's single-object encoding: each value carries its
 * writer schema's fingerprint, and the decoder resolves any released version of the schema to the current class.
 * No schema registry is needed; the released schemas ship on the classpath ({@link ReleasedSchemas}).
 *
 * <p>In schema registry mode ({@link SchemaRegistrySettings}) its {@link #serializer()} writes the Confluent wire
 * format instead, with the schema registered under {@code <topic>-value}; {@link #encode} stays single-object (values
 * nested in other values and in state stores). {@link #decode} reads both framings, told apart by the first byte.
 *
 * @param <T> the generated record class
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {

    /** Single-object encoding: the marker C3 01, then the writer schema's CRC-64-AVRO fingerprint (little-endian). */
    private static final byte[] MARKER = {(byte) 0xC3, 0x01};
    private static final int HEADER_LENGTH = MARKER.length + Long.BYTES;

    private final Class<T> type;
    private final Schema current;
    private final SpecificData model;
    private final SchemaStore.Cache store = new SchemaStore.Cache();
    private final BinaryMessageEncoder<T> encoder;
    /** One reader per writer schema met; at most one per released version, as unknown fingerprints are refused. */
    private final Map<Long, DatumReader<T>> readers = new ConcurrentHashMap<>();
    /** The Confluent wire format through a registry; null without one, when such values are refused. */
    private final ConfluentFormat<T> registry;

    AvroSerde(final Class<T> type, final Schema current, final List<Schema> released) {
        this(type, current, released, null);
    }

    AvroSerde(final Class<T> type, final Schema current, final List<Schema> released,
              final ConfluentFormat<T> registry) {
        SchemaTrust.trustNewswireSchemas();
        this.registry = registry;
        this.type = type;
        this.current = current;
        this.model = new SpecificData(type.getClassLoader());
        released.forEach(store::addSchema);
        store.addSchema(current);
        this.encoder = new BinaryMessageEncoder<>(model, current);
    }

    /** Encodes {@code value} as a single-object encoded message. */
    public byte[] encode(final T value) {
        try {
            final ByteBuffer buffer = encoder.encode(value);
            final byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (final IOException | AvroRuntimeException | ClassCastException | NullPointerException e) {
            throw new SerializationException("cannot encode " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Encodes {@code value} as written to {@code topic}: in the Confluent wire format in schema registry mode
     * (registering the schema under {@code <topic>-value}), single-object encoded otherwise.
     */
    public byte[] encodeFor(final String topic, final T value) {
        return registry == null ? encode(value) : registry.encode(topic, value);
    }

    /**
     * In schema registry mode, registers (or finds) the schema under {@code <topic>-value} with BACKWARD compatibility
     * now rather than at the topic's first record; nothing otherwise.
     *
     * @throws SerializationException naming the topic and the registry when the registry cannot do it
     */
    public void registerSchemaFor(final String topic) {
        if (registry != null) {
            registry.register(topic);
        }
    }

    /** Whether {@link #serializer()} writes the Confluent wire format (schema registry mode). */
    public boolean writesRegistryFormat() {
        return registry != null;
    }

    /**
     * Decodes a value in either framing, by its first byte: {@code 00} the Confluent wire format (through the schema
     * registry), {@code C3 01} single-object encoding.
     *
     * @throws SerializationException naming what was wrong: not a value of this type, a schema id the registry does
     *                                not know or cannot serve, or a Confluent-format value without a registry
     */
    public T decode(final byte[] bytes) {
        if (WireFormat.of(bytes) != WireFormat.CONFLUENT) {
            return decodeSingleObject(bytes);
        }
        if (registry == null) {
            throw new SerializationException("cannot decode " + type.getSimpleName() + " (" + bytes.length
                + " bytes): it is in the Confluent wire format (schema id " + WireFormat.confluentSchemaId(bytes)
                + "), written in schema registry mode; set newswire.schema.registry.url to the registry to read it");
        }
        return registry.decode(bytes);
    }

    /**
     * Decodes a single-object encoded message written with the current or any released schema.
     *
     * <p>The datum is read from a decoder over the byte array itself, not over a stream as Avro's
     * {@code BinaryMessageDecoder} does: only then does Avro know how many bytes remain, and refuse a string, bytes or
     * collection whose length prefix claims more than that before allocating it. Through a stream, 130 bytes claiming a
     * 16 MiB string allocated the 16 MiB first. Whatever else hostile bytes make Avro throw (it throws
     * {@code UnsupportedOperationException} for lengths over 2^31, for one) is the same rejection.
     *
     * @throws SerializationException naming what was wrong when the bytes are not such a message
     */
    private T decodeSingleObject(final byte[] bytes) {
        try {
            final DatumReader<T> reader = readerFor(bytes);
            final BinaryDecoder in =
                DecoderFactory.get().binaryDecoder(bytes, HEADER_LENGTH, bytes.length - HEADER_LENGTH, null);
            return reader.read(null, in);
        } catch (final IOException | RuntimeException e) {
            throw new SerializationException("cannot decode " + type.getSimpleName() + " (" + bytes.length + " bytes): "
                + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** The reader from the writer schema named by the message's header to the current schema. */
    private DatumReader<T> readerFor(final byte[] bytes) {
        if (bytes.length < HEADER_LENGTH) {
            throw new BadHeaderException("not a single-object encoded message: " + bytes.length
                + " bytes, shorter than its " + HEADER_LENGTH + "-byte header");
        }
        if (bytes[0] != MARKER[0] || bytes[1] != MARKER[1]) {
            throw new BadHeaderException("not a single-object encoded message: starts with "
                + HexFormat.of().formatHex(bytes, 0, MARKER.length) + ", not c301");
        }
        final long fingerprint = ByteBuffer.wrap(bytes, MARKER.length, Long.BYTES).order(ByteOrder.LITTLE_ENDIAN)
            .getLong();
        final DatumReader<T> known = readers.get(fingerprint);
        if (known != null) {
            return known;
        }
        final Schema writer = store.findByFingerprint(fingerprint);
        if (writer == null) {
            throw new MissingSchemaException("written with an unknown schema (fingerprint "
                + Long.toHexString(fingerprint) + "): no released version of " + type.getSimpleName() + " has it");
        }
        @SuppressWarnings("unchecked")
        final DatumReader<T> reader = (DatumReader<T>) model.createDatumReader(writer, current);
        readers.putIfAbsent(fingerprint, reader);
        return reader;
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : encodeFor(topic, value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> bytes == null ? null : decode(bytes);
    }

    /** The record class this serde reads and writes. */
    public Class<T> type() {
        return type;
    }
}

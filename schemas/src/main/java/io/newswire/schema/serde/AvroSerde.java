package io.newswire.schema.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
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
 * @param <T> the generated record class
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final Class<T> type;
    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;

    AvroSerde(final Class<T> type, final Schema current, final List<Schema> released) {
        SchemaTrust.trustNewswireSchemas();
        this.type = type;
        final SpecificData model = new SpecificData(type.getClassLoader());
        final SchemaStore.Cache store = new SchemaStore.Cache();
        released.forEach(store::addSchema);
        this.encoder = new BinaryMessageEncoder<>(model, current);
        this.decoder = new BinaryMessageDecoder<>(model, current, store);
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
     * Decodes a single-object encoded message written with the current or any released schema.
     *
     * @throws SerializationException naming what was wrong when the bytes are not such a message
     */
    public T decode(final byte[] bytes) {
        try {
            return decoder.decode(bytes);
        } catch (final IOException | AvroRuntimeException | IndexOutOfBoundsException | ClassCastException e) {
            throw new SerializationException("cannot decode " + type.getSimpleName() + " (" + bytes.length + " bytes): "
                + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : encode(value);
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

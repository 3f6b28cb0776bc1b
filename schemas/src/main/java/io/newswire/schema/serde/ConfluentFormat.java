package io.newswire.schema.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

import io.apicurio.registry.resolver.SchemaLookupResult;
import io.apicurio.registry.resolver.strategy.ArtifactReference;
import io.apicurio.registry.serde.Legacy4ByteIdHandler;
import io.apicurio.registry.serde.SerdeConfig;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerdeConfig;
import io.apicurio.registry.serde.data.KafkaSerdeMetadata;
import io.apicurio.registry.serde.data.KafkaSerdeRecord;
import io.apicurio.registry.serde.strategy.TopicIdStrategy;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * One record type in the Confluent wire format ({@code 00}, the 4-byte id of the schema in the registry, the Avro
 * binary datum). Apicurio's Avro serde speaks to the registry: its serializer registers the schema under
 * {@code <topic>-value} (Apicurio's TopicIdStrategy) and writes its content id, which the registry's Confluent API
 * serves as the schema id ({@code /apis/ccompat/v7/schemas/ids/<id>}); its deserializer fetches the writer schema of
 * an id and resolves it to the generated class.
 *
 * <p>The serde does that for the first record of each topic (encoding) and of each schema id (decoding) only; then
 * this class writes and reads the same bytes itself, from what the serde settled: the id it wrote for the topic (read
 * back from the header of its first record) and the writer schema it fetched for an id, so the bytes are the serde's
 * ({@code RegistryModeIT} compares every value of a run with what Apicurio's own serializer writes). Measured reason
 * ({@code ValueFormatBenchmark}, an EnrichedItem of 4 KB of text, CPU per record, one session): through the serde each
 * record cost 27.1 µs to encode and 10.3 µs to decode, against 3.6 and 2.9 µs in single-object encoding. Apicurio's
 * v2 serializer renders the schema to JSON text and converts it again for its cache lookup on every record, and its
 * deserializer builds a new resolving datum reader on every record. In {@code newswire bench} (1,500 items, much of
 * that code not yet compiled) registry mode cost the stream threads 18 % more CPU per item. With the cached id, datum
 * writer and datum readers: 3.2 µs to encode and 1.9 µs to decode (single-object in the same run: 4.4 and 1.8 µs).
 * What stays is the first record of each topic: about 35 ms (registering the subject and its rule, two round trips to
 * the registry), once per topic and process, which {@link #register} lets a topology pay when it starts.
 *
 * @param <T> the generated record class
 */
final class ConfluentFormat<T extends SpecificRecord> {

    /**
     * How long one call to the registry (a registration, or the first fetch of a writer schema by id) may wait, and
     * how many times it is tried ({@link TimedAttempts}).
     */
    static final Duration REGISTRY_DEADLINE = Duration.ofSeconds(20);
    static final int REGISTRY_ATTEMPTS = 3;

    private final Class<T> type;
    private final Schema current;
    private final String url;
    private final Map<String, Object> configs;
    /**
     * One serializer per topic: Apicurio's schema cache is keyed by the schema's content, so a serializer that
     * registered EnrichedItem under news.security-value would write news.trade's values with that artifact's id and
     * never register news.trade-value.
     */
    private final Map<String, AvroKafkaSerializer<T>> serializers = new ConcurrentHashMap<>();
    /** Replaced by a new one when a fetch through it passed its deadline: its client may be stuck. */
    private volatile AvroKafkaDeserializer<T> deserializer;
    private final SubjectCompatibility compatibility;
    private final Duration deadline;
    private final int attempts;

    /** Per topic, the 5-byte header (magic byte, schema id) the serde wrote its first record of the topic with. */
    private final Map<String, byte[]> headers = new ConcurrentHashMap<>();
    /** Per schema id, the reader from that writer schema to {@link #current}, once the serde decoded a value of it. */
    private final Map<Long, DatumReader<T>> readers = new ConcurrentHashMap<>();
    private final SpecificData model;
    private final DatumWriter<T> writer;
    /** Each thread's reused buffer and encoder, as Avro's own message encoder keeps them per thread. */
    private final ThreadLocal<ByteArrayOutputStream> buffers =
        ThreadLocal.withInitial(() -> new ByteArrayOutputStream(4096));
    private final ThreadLocal<BinaryEncoder> encoders = new ThreadLocal<>();

    ConfluentFormat(final Class<T> type, final Schema current, final SchemaRegistrySettings settings,
                    final SubjectCompatibility compatibility) {
        this(type, current, settings, compatibility, REGISTRY_DEADLINE, REGISTRY_ATTEMPTS);
    }

    /** As above, with the deadline and the number of attempts of each registry call. */
    ConfluentFormat(final Class<T> type, final Schema current, final SchemaRegistrySettings settings,
                    final SubjectCompatibility compatibility, final Duration deadline, final int attempts) {
        this.deadline = deadline;
        this.attempts = attempts;
        this.type = type;
        this.current = current;
        this.url = settings.url().orElseThrow();
        this.compatibility = compatibility;
        this.configs = configs(settings);
        this.model = new SpecificData(type.getClassLoader());
        @SuppressWarnings("unchecked")
        final DatumWriter<T> datumWriter = (DatumWriter<T>) model.createDatumWriter(current);
        this.writer = datumWriter;
        this.deserializer = deserializer(configs);
    }

    private static <T> AvroKafkaDeserializer<T> deserializer(final Map<String, Object> configs) {
        final AvroKafkaDeserializer<T> deserializer = new AvroKafkaDeserializer<>();
        deserializer.configure(configs, false);
        return deserializer;
    }

    /**
     * The serde's settings: the user's {@code apicurio.*} keys (auth, TLS, retries, auto-register), then what makes
     * the format the Confluent one, which the user cannot change without breaking every consumer: the 4-byte content
     * id in the value (not a header, not the 8-byte global id) and subjects named {@code <topic>-value}.
     */
    static Map<String, Object> configs(final SchemaRegistrySettings settings) {
        final Map<String, Object> configs = new HashMap<>();
        configs.put(SerdeConfig.AUTO_REGISTER_ARTIFACT, "true");
        configs.put(AvroKafkaSerdeConfig.USE_SPECIFIC_AVRO_READER, "true");
        configs.putAll(settings.serde());
        configs.put(SerdeConfig.REGISTRY_URL, settings.apicurioApi());
        // What apicurio.registry.as-confluent=true means, said directly (setting both makes the serde warn).
        configs.put(SerdeConfig.ID_HANDLER, Legacy4ByteIdHandler.class.getName());
        configs.put(SerdeConfig.USE_ID, "contentId");
        configs.put(SerdeConfig.ENABLE_HEADERS, "false");
        configs.put(AvroKafkaSerdeConfig.AVRO_ENCODING, AvroKafkaSerdeConfig.AVRO_ENCODING_BINARY);
        configs.put(SerdeConfig.ARTIFACT_RESOLVER_STRATEGY, TopicIdStrategy.class.getName());
        return configs;
    }

    /**
     * Encodes {@code value} for {@code topic}, registering its schema under {@code <topic>-value} when the registry does
     * not have it yet and giving the subject BACKWARD compatibility.
     *
     * @throws SerializationException naming the topic and the registry when either cannot be done
     */
    byte[] encode(final String topic, final T value) {
        final byte[] header = headers.get(topic);
        if (header == null) {
            return encodeThroughSerde(topic, value);
        }
        try {
            final ByteArrayOutputStream out = buffers.get();
            out.reset();
            out.write(header);
            final BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, encoders.get());
            encoders.set(encoder);
            writer.write(value, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (final IOException | RuntimeException e) {
            throw new SerializationException("cannot encode " + type.getSimpleName() + " for " + topic + " (schema id "
                + WireFormat.confluentSchemaId(header) + " at the schema registry " + url + "): "
                + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** The first record of a topic, or one after a failure: the serde registers or finds the subject and writes it. */
    private byte[] encodeThroughSerde(final String topic, final T value) {
        final byte[] bytes;
        try {
            bytes = serializers.computeIfAbsent(topic, this::serializer).serialize(topic, value);
        } catch (final RuntimeException e) {
            throw registryFailure(topic, e);
        }
        compatibility.ensureBackward(topic + "-value");
        if (bytes.length < WireFormat.CONFLUENT_HEADER_LENGTH || WireFormat.of(bytes) != WireFormat.CONFLUENT) {
            throw new SerializationException("cannot write " + type.getSimpleName() + " to " + topic + ": Apicurio's "
                + "serializer did not write the Confluent wire format (" + bytes.length + " bytes); check the "
                + "apicurio.* settings");
        }
        headers.putIfAbsent(topic, Arrays.copyOf(bytes, WireFormat.CONFLUENT_HEADER_LENGTH));
        return bytes;
    }

    /**
     * Registers (or finds) the schema of {@code topic}'s values under {@code <topic>-value} with BACKWARD compatibility
     * now, as the serde does for a first record (its schema resolver, then its id handler for the header), so that
     * the topic's first record does not wait on the registry.
     *
     * @throws SerializationException naming the topic and the registry when either cannot be done
     */
    void register(final String topic) {
        if (headers.containsKey(topic)) {
            return;
        }
        final byte[] header;
        try {
            // Both steps are idempotent (the schema is found, the rule found standing), so an attempt may repeat them.
            header = TimedAttempts.call(() -> {
                final byte[] written;
                try {
                    written = header(topic);
                } catch (final RuntimeException e) {
                    throw registryFailure(topic, e);
                }
                compatibility.ensureBackward(topic + "-value");
                return written;
            }, deadline, attempts,
                // The client that did not answer may be stuck: the next attempt, and the topic's records, get a new one.
                () -> serializers.remove(topic));
        } catch (final TimeoutException e) {
            throw registryFailure(topic, e);
        }
        headers.putIfAbsent(topic, header);
    }

    /** The Confluent header of {@code topic}'s values: registers or finds the schema, as the serde would. */
    private byte[] header(final String topic) {
        final ByteArrayOutputStream header = new ByteArrayOutputStream(WireFormat.CONFLUENT_HEADER_LENGTH);
        final AvroKafkaSerializer<T> serializer = serializers.computeIfAbsent(topic, this::serializer);
        // The resolver takes the schema from a record of the type; the record's fields are never read.
        @SuppressWarnings("unchecked")
        final T template = (T) model.newRecord(null, current);
        final SchemaLookupResult<Schema> schema = serializer.getSchemaResolver()
            .resolveSchema(new KafkaSerdeRecord<>(new KafkaSerdeMetadata(topic, false, null), template));
        header.write(WireFormat.CONFLUENT_MAGIC);
        try {
            serializer.getIdHandler().writeId(schema.toArtifactReference(), header);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        return header.toByteArray();
    }

    private SerializationException registryFailure(final String topic, final Exception e) {
        return new SerializationException("cannot write " + type.getSimpleName() + " to " + topic
            + " in schema registry mode: the schema registry " + url + " did not register or find subject "
            + topic + "-value (" + e.getClass().getSimpleName() + ": " + e.getMessage() + "); check that it is "
            + "up, or unset newswire.schema.registry.url to write single-object encoding", e);
    }

    private AvroKafkaSerializer<T> serializer(final String topic) {
        final AvroKafkaSerializer<T> serializer = new AvroKafkaSerializer<>();
        serializer.configure(configs, false);
        return serializer;
    }

    /**
     * Decodes a Confluent-format value by its schema id.
     *
     * @throws SerializationException naming the schema id and the registry when the id is unknown there, the registry
     *                                cannot be reached, or the bytes are not a {@code T}
     */
    T decode(final byte[] bytes) {
        final long id = WireFormat.confluentSchemaId(bytes);
        if (id < 0) {
            throw new SerializationException("cannot decode " + type.getSimpleName() + ": " + bytes.length
                + " bytes, too short for the Confluent wire format's 5-byte header");
        }
        final DatumReader<T> reader = readers.get(id);
        if (reader == null) {
            return decodeThroughSerde(bytes, id);
        }
        try {
            // Over the array itself, as AvroSerde reads single-object values: a length prefix claiming more bytes than
            // remain is refused before anything is allocated.
            return reader.read(null, DecoderFactory.get().binaryDecoder(bytes, WireFormat.CONFLUENT_HEADER_LENGTH,
                bytes.length - WireFormat.CONFLUENT_HEADER_LENGTH, null));
        } catch (final IOException | RuntimeException e) {
            throw new SerializationException("cannot decode " + type.getSimpleName() + " written in the Confluent "
                + "wire format with schema id " + id + " (" + bytes.length + " bytes): " + e.getClass().getSimpleName()
                + ": " + e.getMessage(), e);
        }
    }

    /**
     * The first value of a schema id: the serde fetches the writer schema from the registry and decodes it; once it
     * is a {@code T}, the reader from that writer schema is kept for the id's later values.
     */
    private T decodeThroughSerde(final byte[] bytes, final long id) {
        final Object value;
        final Schema writerSchema;
        try {
            final Decoded decoded = TimedAttempts.call(() -> {
                final AvroKafkaDeserializer<T> through = deserializer;
                final Object read = through.deserialize(null, bytes);
                return new Decoded(read, type.isInstance(read) ? writerSchema(through, bytes) : null);
            }, deadline, attempts, () -> deserializer = deserializer(configs));
            value = decoded.value();
            writerSchema = decoded.writerSchema();
        } catch (final TimeoutException e) {
            throw new SerializationException("cannot decode " + type.getSimpleName() + " written in the Confluent "
                + "wire format with schema id " + id + ": the schema registry " + url + " did not serve it ("
                + e.getMessage() + "); check that it is up", e);
        } catch (final RuntimeException e) {
            throw new SerializationException("cannot decode " + type.getSimpleName() + " written in the Confluent "
                + "wire format with schema id " + id + ": the schema registry " + url + " "
                + (e.getClass().getSimpleName().contains("NotFound") ? "does not know that id" : "could not serve it")
                + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + "); check that newswire.schema"
                + ".registry.url names the registry the writer used and that it is up", e);
        }
        if (writerSchema == null) {
            throw new SerializationException("cannot decode " + type.getSimpleName() + ": schema id " + id
                + " at the schema registry " + url + " is "
                + (value == null ? "nothing" : value.getClass().getName()) + ", not " + type.getName());
        }
        @SuppressWarnings("unchecked")
        final DatumReader<T> reader = (DatumReader<T>) model.createDatumReader(writerSchema, current);
        readers.putIfAbsent(id, reader);
        return type.cast(value);
    }

    /** A value the serde decoded, and its writer schema when it is a {@code T}. */
    private record Decoded(Object value, Schema writerSchema) {
    }

    /** The writer schema of a value a deserializer has just decoded: from its resolver's cache, by its own id. */
    private static Schema writerSchema(final AvroKafkaDeserializer<?> deserializer, final byte[] bytes) {
        final ArtifactReference reference = deserializer.getIdHandler()
            .readId(ByteBuffer.wrap(bytes, 1, WireFormat.CONFLUENT_HEADER_LENGTH - 1));
        return deserializer.getSchemaResolver().resolveSchemaByArtifactReference(reference).getParsedSchema()
            .getParsedSchema();
    }
}

package io.newswire.schema.serde;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.apicurio.registry.serde.Legacy4ByteIdHandler;
import io.apicurio.registry.serde.SerdeConfig;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerdeConfig;
import io.apicurio.registry.serde.strategy.TopicIdStrategy;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * One record type in the Confluent wire format ({@code 00}, the 4-byte id of the schema in the registry, the Avro
 * binary datum), written and read by Apicurio's Avro serde: the serializer registers the schema under
 * {@code <topic>-value} (Apicurio's TopicIdStrategy) and writes its content id, which the registry's Confluent API
 * serves as the schema id ({@code /apis/ccompat/v7/schemas/ids/<id>}); the deserializer fetches and caches the writer
 * schema by that id and resolves it to the generated class.
 *
 * @param <T> the generated record class
 */
final class ConfluentFormat<T extends SpecificRecord> {

    private final Class<T> type;
    private final String url;
    private final Map<String, Object> configs;
    /**
     * One serializer per topic: Apicurio's schema cache is keyed by the schema's content, so a serializer that
     * registered EnrichedItem under news.security-value would write news.trade's values with that artifact's id and
     * never register news.trade-value.
     */
    private final Map<String, AvroKafkaSerializer<T>> serializers = new ConcurrentHashMap<>();
    private final AvroKafkaDeserializer<T> deserializer = new AvroKafkaDeserializer<>();
    private final SubjectCompatibility compatibility;

    ConfluentFormat(final Class<T> type, final SchemaRegistrySettings settings,
                    final SubjectCompatibility compatibility) {
        this.type = type;
        this.url = settings.url().orElseThrow();
        this.compatibility = compatibility;
        this.configs = configs(settings);
        deserializer.configure(configs, false);
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
        final byte[] bytes;
        try {
            bytes = serializers.computeIfAbsent(topic, this::serializer).serialize(topic, value);
        } catch (final RuntimeException e) {
            throw new SerializationException("cannot write " + type.getSimpleName() + " to " + topic
                + " in schema registry mode: the schema registry " + url + " did not register or find subject "
                + topic + "-value (" + e.getClass().getSimpleName() + ": " + e.getMessage() + "); check that it is "
                + "up, or unset newswire.schema.registry.url to write single-object encoding", e);
        }
        compatibility.ensureBackward(topic + "-value");
        return bytes;
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
        final Object value;
        try {
            value = deserializer.deserialize(null, bytes);
        } catch (final RuntimeException e) {
            throw new SerializationException("cannot decode " + type.getSimpleName() + " written in the Confluent "
                + "wire format with schema id " + id + ": the schema registry " + url + " "
                + (e.getClass().getSimpleName().contains("NotFound") ? "does not know that id" : "could not serve it")
                + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + "); check that newswire.schema"
                + ".registry.url names the registry the writer used and that it is up", e);
        }
        if (!type.isInstance(value)) {
            throw new SerializationException("cannot decode " + type.getSimpleName() + ": schema id " + id
                + " at the schema registry " + url + " is "
                + (value == null ? "nothing" : value.getClass().getName()) + ", not " + type.getName());
        }
        return type.cast(value);
    }
}

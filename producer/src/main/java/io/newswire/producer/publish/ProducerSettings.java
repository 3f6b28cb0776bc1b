package io.newswire.producer.publish;

import java.util.Map;
import java.util.Objects;
import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import io.newswire.schema.DeadLetter;
import io.newswire.schema.WireItem;
import io.newswire.schema.config.Limits;
import io.newswire.schema.serde.NewswireSerdes;

/**
 * Settings of newswire's real Kafka producers, in one place: idempotent (a retried send never duplicates a record),
 * acks from all in-sync replicas, batched and compressed; keys are item ids (strings), values Avro single-object
 * encoded by {@link NewswireSerdes}.
 */
public final class ProducerSettings {

    /** Wire items are a few KiB of text: wait a little to fill batches of many, compress them cheaply. */
    static final String LINGER_MS = "20";
    static final String BATCH_SIZE = String.valueOf(128 * 1024);
    /** lz4: fast at both ends with a good ratio on text, and pure Java where the native library is missing. */
    static final String COMPRESSION = "lz4";

    private ProducerSettings() {
    }

    /** The producer properties; {@code overrides} (from the user's config file) win over the defaults. */
    public static Properties properties(final String bootstrapServers, final String clientId,
                                        final Map<String, ?> overrides) {
        final Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Objects.requireNonNull(bootstrapServers, "bootstrap"));
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, Objects.requireNonNull(clientId, "clientId"));
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        // Idempotence keeps order with up to 5 requests in flight per connection; more would be refused.
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, BATCH_SIZE);
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, COMPRESSION);
        properties.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(Limits.MAX_MESSAGE_BYTES));
        properties.putAll(overrides);
        return properties;
    }

    /** The producer properties with the defaults only. */
    public static Properties properties(final String bootstrapServers, final String clientId) {
        return properties(bootstrapServers, clientId, Map.of());
    }

    /** A producer of wire items (news.raw); the caller closes it. */
    public static Producer<String, WireItem> wireItemProducer(final Properties properties,
                                                              final NewswireSerdes serdes) {
        return new KafkaProducer<>(properties, new StringSerializer(), serdes.wireItem().serializer());
    }

    /** A producer of dead letters (news.dlq); the caller closes it. */
    public static Producer<String, DeadLetter> deadLetterProducer(final Properties properties,
                                                                  final NewswireSerdes serdes) {
        return new KafkaProducer<>(properties, new StringSerializer(), serdes.deadLetter().serializer());
    }
}

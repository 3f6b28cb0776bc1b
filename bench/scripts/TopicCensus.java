import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

import io.newswire.schema.DeadLetter;
import io.newswire.schema.DedupDecision;
import io.newswire.schema.EnrichedItem;
import io.newswire.schema.WireItem;
import io.newswire.schema.serde.AvroSerde;
import io.newswire.schema.serde.NewswireSerdes;
import io.newswire.schema.serde.ReleasedSchemas;
import io.newswire.schema.serde.SchemaRegistrySettings;
import io.newswire.schema.serde.WireFormat;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Helper of foreign-clients.sh, run with the app's jar on the class path ({@code java -cp app/target/newswire.jar
 * bench/scripts/TopicCensus.java …}):
 * <ul>
 *   <li>{@code count BOOTSTRAP REGISTRY_URL|- TOPIC…}: per topic, the records a Java read_committed consumer reads from
 *   the beginning to the end, how many of them newswire's own serdes decode (WireItem on {@code *.raw}, DedupDecision
 *   on {@code *.duplicates}, DeadLetter on {@code *.dlq}, EnrichedItem elsewhere), and how many are in each framing:
 *   {@code TOPIC TOTAL DECODED SINGLE_OBJECT CONFLUENT}, one line per topic;</li>
 *   <li>{@code fingerprints}: the CRC-64-AVRO fingerprint of the current and every released schema of the four
 *   published record types (the {@code .avsc} files the schemas artifact ships), one per line, as the unsigned decimal
 *   that kcat's pack format {@code >Q} prints for the 8 header bytes that hold it (little-endian on the wire): what a
 *   single-object value's header may name.</li>
 * </ul>
 */
public final class TopicCensus {

    private static final List<String> PUBLISHED = List.of("WireItem", "EnrichedItem", "DedupDecision", "DeadLetter");

    public static void main(final String[] args) {
        if (args.length >= 1 && args[0].equals("fingerprints")) {
            final TreeSet<String> fingerprints = new TreeSet<>();
            final List<Schema> schemas = new ArrayList<>(List.of(WireItem.getClassSchema(),
                EnrichedItem.getClassSchema(), DedupDecision.getClassSchema(), DeadLetter.getClassSchema()));
            PUBLISHED.forEach(name -> schemas.addAll(ReleasedSchemas.of(name)));
            schemas.forEach(schema -> fingerprints.add(
                Long.toUnsignedString(Long.reverseBytes(SchemaNormalization.parsingFingerprint64(schema)))));
            fingerprints.forEach(System.out::println);
            return;
        }
        if (args.length < 3 || !args[0].equals("count")) {
            System.err.println("usage: TopicCensus count BOOTSTRAP REGISTRY_URL|- TOPIC... | TopicCensus fingerprints");
            System.exit(2);
        }
        final SchemaRegistrySettings registry = args[2].equals("-") ? SchemaRegistrySettings.NONE
            : SchemaRegistrySettings.at(args[2]);
        final NewswireSerdes serdes = new NewswireSerdes(registry);
        final Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args[1]);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
            for (int i = 3; i < args.length; i++) {
                census(consumer, args[i], serdeFor(args[i], serdes));
            }
        }
    }

    private static AvroSerde<?> serdeFor(final String topic, final NewswireSerdes serdes) {
        if (topic.endsWith(".raw")) {
            return serdes.wireItem();
        }
        if (topic.endsWith(".duplicates")) {
            return serdes.dedupDecision();
        }
        if (topic.endsWith(".dlq")) {
            return serdes.deadLetter();
        }
        return serdes.enrichedItem();
    }

    private static void census(final KafkaConsumer<byte[], byte[]> consumer, final String topic,
                               final AvroSerde<?> serde) {
        final List<TopicPartition> partitions = new ArrayList<>();
        consumer.partitionsFor(topic, Duration.ofSeconds(30))
            .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        final Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        int total = 0;
        int decoded = 0;
        int singleObject = 0;
        int confluent = 0;
        final long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(topic + ": not at the end after 120 s (an open transaction?)");
            }
            for (final ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                total++;
                final WireFormat format = WireFormat.of(record.value());
                singleObject += format == WireFormat.SINGLE_OBJECT ? 1 : 0;
                confluent += format == WireFormat.CONFLUENT ? 1 : 0;
                try {
                    serde.decode(record.value());
                    decoded++;
                } catch (final RuntimeException e) {
                    System.err.printf("%s/%d/%d not decoded: %s%n", topic, record.partition(), record.offset(),
                        e.getMessage());
                }
            }
        }
        System.out.printf("%s %d %d %d %d%n", topic, total, decoded, singleObject, confluent);
    }
}

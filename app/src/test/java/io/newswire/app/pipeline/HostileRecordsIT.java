package io.newswire.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.newswire.app.Console;
import io.newswire.broker.testing.SharedKafka;
import io.newswire.schema.DeadLetter;
import io.newswire.schema.DedupDecision;
import io.newswire.schema.EnrichedItem;
import io.newswire.schema.Source;
import io.newswire.schema.WireItem;
import io.newswire.schema.serde.NewswireSerdes;
import io.newswire.streams.PipelineConfig;
import io.newswire.streams.StreamsRunner;
import io.newswire.streams.enrich.Enricher;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile records on news.raw from any client, not only through newswire's parser: 1,000 of them (random bytes,
 * truncated and bit-flipped encodings, empty and null values, null keys, length prefixes claiming gigabytes, a valid
 * encoding under a wrong fingerprint) interleaved with 1,000 valid items, written with a plain byte producer. The
 * topology dead-letters exactly the 1,000, each with its original bytes and key, decides each valid item once, and
 * stays RUNNING throughout.
 */
class HostileRecordsIT {

    private static final NewswireSerdes SERDES = new NewswireSerdes();
    private static final int VALID = 1_000;
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Set<KafkaStreams.State> FAILING = Set.of(KafkaStreams.State.ERROR,
        KafkaStreams.State.PENDING_ERROR, KafkaStreams.State.PENDING_SHUTDOWN, KafkaStreams.State.NOT_RUNNING);

    /** The kinds of hostile record and how many of each; 1,000 in all. */
    enum Kind {
        RANDOM_BYTES(150), TRUNCATED(150), BIT_FLIPPED(150), HUGE_LENGTH_PREFIX(150), WRONG_FINGERPRINT(100),
        EMPTY_VALUE(100), NULL_VALUE(100), NULL_KEY(100);

        final int count;

        Kind(final int count) {
            this.count = count;
        }
    }

    /** A record as written to news.raw; a null key or value is written as null. */
    private record Raw(String key, byte[] value, Kind kind) {

        /** How the dead letter of this record names it: its key and its bytes (none for a null value). */
        String identity() {
            return key + "|" + Base64.getEncoder().encodeToString(value == null ? new byte[0] : value);
        }
    }

    @TempDir
    Path temp;

    @Test
    void shouldDeadLetterEachHostileRecordWithItsBytesAndDecideEachValidItemWhileRunning() {
        final PipelineConfig config = PipelineConfig.fromProperties(TestInputs.isolatedTopics());
        PipelineRun.createTopics(kafka(), config, quiet());
        final Random random = new Random(20261204);
        final List<Raw> valid = validItems(random);
        final List<Raw> hostile = hostileRecords(valid, random);
        final List<Raw> all = new ArrayList<>(valid);
        all.addAll(hostile);
        Collections.shuffle(all, random);

        final Properties props = kafka();
        props.put(StreamsConfig.STATE_DIR_CONFIG, temp.resolve("state").toString());
        final Topics outputs = new Topics(config);
        final StreamsRunner streams = new StreamsRunner(config, props, SERDES, Enricher.create(config.enrichment()));
        final List<String> transitions = new CopyOnWriteArrayList<>();
        streams.onStateChange((now, before) -> transitions.add(before + "->" + now));
        try {
            streams.start();
            Awaitility.await().atMost(WAIT).until(() -> streams.state() == KafkaStreams.State.RUNNING);
            final long start = System.nanoTime();
            publish(config.topics().raw(), all);
            Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
                outputs.poll();
                return outputs.decisions.size() >= VALID && outputs.deadLetters.size() >= hostile.size();
            });
            outputs.readToEnd();
            System.out.printf("HostileRecordsIT: %d valid and %d hostile records accounted for in %d ms;"
                + " state transitions %s%n", VALID, hostile.size(), (System.nanoTime() - start) / 1_000_000, transitions);

            assertThat(transitions).as("state transitions").noneMatch(transition -> FAILING.stream()
                .anyMatch(state -> transition.endsWith("->" + state)));
            assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
            assertDeadLetters(outputs.deadLetters, hostile, config.topics().raw());
            assertDecided(outputs, valid);
        } finally {
            outputs.close();
            streams.close(Duration.ofSeconds(30));
        }
    }

    private static void assertDeadLetters(final List<DeadLetter> deadLetters, final List<Raw> hostile,
                                          final String raw) {
        assertThat(deadLetters).hasSize(hostile.size());
        assertThat(deadLetters).allSatisfy(deadLetter -> {
            assertThat(deadLetter.getStage()).isEqualTo("deserialize");
            assertThat(deadLetter.getTopic()).isEqualTo(raw);
            assertThat(deadLetter.getError()).isNotBlank();
        });
        final List<String> lettered = deadLetters.stream().map(deadLetter -> deadLetter.getOriginalKey() + "|"
            + Base64.getEncoder().encodeToString(bytes(deadLetter.getOriginal()))).sorted().toList();
        assertThat(lettered).containsExactlyElementsOf(hostile.stream().map(Raw::identity).sorted().toList());
    }

    /** Each valid item decided once; each not decided a duplicate is routed (to a route or news.general). */
    private static void assertDecided(final Topics outputs, final List<Raw> valid) {
        final Set<String> ids = valid.stream().map(Raw::key).collect(Collectors.toSet());
        assertThat(outputs.decisions).hasSize(VALID);
        assertThat(outputs.decisions.stream().map(DedupDecision::getId).collect(Collectors.toSet())).isEqualTo(ids);
        assertThat(outputs.decisions).allSatisfy(decision -> assertThat(outputs.routed.contains(decision.getId()))
            .as("%s decided %s is routed", decision.getId(), decision.getDecision())
            .isEqualTo(!"duplicate".equals(decision.getDecision())));
    }

    private static List<Raw> validItems(final Random random) {
        final List<String> words = List.of("minister", "border", "talks", "harvest", "grain", "pipeline", "treaty",
            "election", "vaccine", "tariff", "summit", "drought", "reactor", "league", "museum", "bank", "strike",
            "port", "rail", "satellite", "festival", "court", "budget", "troops", "exports", "oil", "gas", "wheat");
        final List<Raw> items = new ArrayList<>();
        for (int index = 0; index < VALID; index++) {
            final String id = String.format("valid-%04d", index);
            final List<String> body = new ArrayList<>();
            for (int paragraph = 0; paragraph < 2; paragraph++) {
                final StringBuilder text = new StringBuilder("Report " + index + " paragraph " + paragraph + ":");
                for (int word = 0; word < 40; word++) {
                    text.append(' ').append(words.get(random.nextInt(words.size())));
                }
                body.add(text.append('.').toString());
            }
            final WireItem item = WireItem.newBuilder()
                .setId(id)
                .setSource(new Source("hostile-it", null))
                .setTitle("Report " + index + " on " + words.get(index % words.size()))
                .setBody(body)
                .setContentHash(Integer.toHexString(body.hashCode()) + index)
                .setFormat("jsonl")
                .setOrigin("hostile-it:" + index)
                .setIngestedAt(Instant.parse("2026-12-04T12:00:00Z"))
                .build();
            items.add(new Raw(id, SERDES.wireItem().encode(item), null));
        }
        return items;
    }

    private static List<Raw> hostileRecords(final List<Raw> valid, final Random random) {
        final List<Raw> hostile = new ArrayList<>();
        final Map<Kind, Integer> made = new EnumMap<>(Kind.class);
        for (final Kind kind : Kind.values()) {
            for (int index = 0; index < kind.count; index++) {
                final String key = kind == Kind.NULL_KEY ? null : "hostile-" + kind.name().toLowerCase(Locale.ROOT) + "-" + index;
                final byte[] template = valid.get(random.nextInt(valid.size())).value();
                byte[] value;
                do {
                    value = hostileValue(kind, template, random);
                } while (value != null && value.length > 0 && decodes(value));
                hostile.add(new Raw(key, value, kind));
                made.merge(kind, 1, Integer::sum);
            }
        }
        System.out.println("HostileRecordsIT: hostile records by kind " + made);
        return hostile;
    }

    private static byte[] hostileValue(final Kind kind, final byte[] template, final Random random) {
        switch (kind) {
            case RANDOM_BYTES, NULL_KEY -> {
                final byte[] bytes = new byte[1 + random.nextInt(400)];
                random.nextBytes(bytes);
                return bytes;
            }
            case TRUNCATED -> {
                return Arrays.copyOf(template, 1 + random.nextInt(template.length - 1));
            }
            case BIT_FLIPPED -> {
                final byte[] bytes = template.clone();
                for (int flip = 1 + random.nextInt(4); flip > 0; flip--) {
                    final int bit = random.nextInt(bytes.length * 8);
                    bytes[bit / 8] ^= (byte) (1 << (bit % 8));
                }
                return bytes;
            }
            case HUGE_LENGTH_PREFIX -> {
                // The id's length, first in the datum, claiming 2 GiB to 2^62 bytes.
                final long claim = (1L << 31) + (random.nextLong() >>> 2);
                final byte[] varint = zigZagVarint(claim);
                final byte[] bytes = Arrays.copyOf(template, 10 + varint.length + 20);
                System.arraycopy(varint, 0, bytes, 10, varint.length);
                System.arraycopy(template, 10, bytes, 10 + varint.length, 20);
                return bytes;
            }
            case WRONG_FINGERPRINT -> {
                final byte[] bytes = template.clone();
                bytes[2 + random.nextInt(8)] ^= (byte) (1 + random.nextInt(255));
                return bytes;
            }
            case EMPTY_VALUE -> {
                return new byte[0];
            }
            case NULL_VALUE -> {
                return null;
            }
            default -> throw new IllegalArgumentException("no hostile value for " + kind);
        }
    }

    private static boolean decodes(final byte[] value) {
        try {
            SERDES.wireItem().decode(value);
            return true;
        } catch (final SerializationException e) {
            return false;
        }
    }

    private static byte[] zigZagVarint(final long value) {
        long zigZag = (value << 1) ^ (value >> 63);
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        while ((zigZag & ~0x7FL) != 0) {
            out.write((int) ((zigZag & 0x7F) | 0x80));
            zigZag >>>= 7;
        }
        out.write((int) zigZag);
        return out.toByteArray();
    }

    private static void publish(final String topic, final List<Raw> records) {
        final Properties props = kafka();
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
            new ByteArraySerializer())) {
            for (final Raw record : records) {
                producer.send(new ProducerRecord<>(topic,
                    record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8), record.value()));
            }
            producer.flush();
        }
    }

    private static byte[] bytes(final ByteBuffer buffer) {
        final ByteBuffer copy = buffer.duplicate();
        final byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }

    private static Properties kafka() {
        final Properties kafka = new Properties();
        kafka.setProperty("bootstrap.servers", SharedKafka.bootstrapServers());
        kafka.setProperty("num.stream.threads", "1");
        return kafka;
    }

    private static Console quiet() {
        return new Console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false);
    }

    /** Reads the output topics read_committed as records arrive: dead letters, decisions and routed item ids. */
    private static final class Topics implements AutoCloseable {
        private final KafkaConsumer<byte[], byte[]> consumer;
        private final PipelineConfig config;
        private final List<DeadLetter> deadLetters = new ArrayList<>();
        private final List<DedupDecision> decisions = new ArrayList<>();
        private final Set<String> routed = new HashSet<>();

        Topics(final PipelineConfig config) {
            this.config = config;
            final Properties props = kafka();
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
            final List<TopicPartition> partitions = new ArrayList<>();
            for (final String topic : config.outputTopics()) {
                consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic,
                    info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        void poll() {
            for (final ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                if (record.topic().equals(config.topics().dlq())) {
                    deadLetters.add(SERDES.deadLetter().decode(record.value()));
                } else if (record.topic().equals(config.topics().duplicates())) {
                    decisions.add(SERDES.dedupDecision().decode(record.value()));
                } else {
                    final EnrichedItem item = SERDES.enrichedItem().decode(record.value());
                    routed.add(item.getId());
                }
            }
        }

        /** Polls until the position on every partition is its read_committed end. */
        void readToEnd() {
            final Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
            Awaitility.await().atMost(30, TimeUnit.SECONDS).until(() -> {
                poll();
                return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
            });
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}

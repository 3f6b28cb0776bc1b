package io.newswire.app.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Counts what a run wrote to each of its topics — the ones the bench created and every topic Kafka Streams created
 * for it ({@code <application id>-…}, found by listing topics, never from the topology's internals): offsets, data
 * records and their bytes (read with read_uncommitted from the offsets the run started at), and size on disk
 * ({@code Admin.describeLogDirs}).
 */
final class TopicCensus {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final Admin admin;
    private final Properties kafka;

    TopicCensus(final Admin admin, final Properties kafka) {
        this.admin = admin;
        this.kafka = kafka;
    }

    /** The run's topics that exist now, sorted by name. */
    List<String> topicsOf(final RunNames names) {
        return get(admin.listTopics().names(), "listing topics").stream().filter(names::owns).sorted().toList();
    }

    /** The end offset of every partition of {@code topics}: where a run that starts now starts. */
    Map<TopicPartition, Long> endOffsets(final Collection<String> topics) {
        final Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitionsOf(topics).forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        final Map<TopicPartition, Long> offsets = new HashMap<>();
        get(admin.listOffsets(latest).all(), "reading end offsets")
            .forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    /**
     * What the run wrote to each of its topics since {@code start} (partitions missing there, created during the run,
     * start at 0).
     */
    List<TopicTraffic> count(final RunNames names, final Map<TopicPartition, Long> start) {
        final List<String> topics = topicsOf(names);
        final Map<TopicPartition, Long> end = endOffsets(topics);
        final Map<TopicPartition, long[]> data = readData(start, end);
        final Map<String, Long> disk = diskBytes(topics);
        final List<TopicTraffic> traffic = new ArrayList<>();
        for (final String topic : topics) {
            long offsets = 0;
            long records = 0;
            long bytes = 0;
            for (final Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
                if (partition.getKey().topic().equals(topic)) {
                    offsets += partition.getValue() - start.getOrDefault(partition.getKey(), 0L);
                    final long[] counted = data.getOrDefault(partition.getKey(), new long[2]);
                    records += counted[0];
                    bytes += counted[1];
                }
            }
            traffic.add(new TopicTraffic(topic, names.roleOf(topic), offsets, records, bytes,
                disk.getOrDefault(topic, -1L)));
        }
        return traffic;
    }

    /** Per partition: data records and their bytes between the start and end offsets. */
    private Map<TopicPartition, long[]> readData(final Map<TopicPartition, Long> start,
                                                 final Map<TopicPartition, Long> end) {
        final Properties props = new Properties();
        props.putAll(kafka);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            IsolationLevel.READ_UNCOMMITTED.toString().toLowerCase(Locale.ROOT));
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "newswire-bench-census-" + UUID.randomUUID());
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        final Map<TopicPartition, long[]> counts = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
            final List<TopicPartition> pending = end.entrySet().stream()
                .filter(partition -> partition.getValue() > start.getOrDefault(partition.getKey(), 0L))
                .map(Map.Entry::getKey).collect(Collectors.toCollection(ArrayList::new));
            consumer.assign(pending);
            pending.forEach(partition -> consumer.seek(partition, start.getOrDefault(partition, 0L)));
            final long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!pending.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("counting the records of " + pending + " took over "
                        + TIMEOUT.toMinutes() + " min; is the cluster overloaded?");
                }
                for (final ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    final TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < end.get(partition)) {
                        final long[] counted = counts.computeIfAbsent(partition, p -> new long[2]);
                        counted[0]++;
                        counted[1] += bytesOf(record);
                    }
                }
                // A position past the end means every record up to the end was read (markers are skipped).
                pending.removeIf(partition -> consumer.position(partition) >= end.get(partition));
            }
        }
        return counts;
    }

    private static long bytesOf(final ConsumerRecord<byte[], byte[]> record) {
        long bytes = (record.key() == null ? 0 : record.key().length)
            + (record.value() == null ? 0 : record.value().length);
        for (final Header header : record.headers()) {
            bytes += header.key().getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                + (header.value() == null ? 0 : header.value().length);
        }
        return bytes;
    }

    /** Topic → bytes in the log directories of every broker; empty when the cluster refuses to tell. */
    private Map<String, Long> diskBytes(final List<String> topics) {
        try {
            final List<Integer> brokers = get(admin.describeCluster().nodes(), "describing the cluster").stream()
                .map(Node::id).toList();
            final Map<String, Long> bytes = new HashMap<>();
            final Map<Integer, Map<String, LogDirDescription>> dirs =
                get(admin.describeLogDirs(brokers).allDescriptions(), "describing log directories");
            for (final Map<String, LogDirDescription> byDir : dirs.values()) {
                for (final LogDirDescription dir : byDir.values()) {
                    for (final Map.Entry<TopicPartition, ReplicaInfo> replica : dir.replicaInfos().entrySet()) {
                        if (topics.contains(replica.getKey().topic())) {
                            bytes.merge(replica.getKey().topic(), replica.getValue().size(), Long::sum);
                        }
                    }
                }
            }
            return bytes;
        } catch (final IllegalStateException e) {
            // Describing log dirs needs the DESCRIBE permission on the cluster; without it the sizes stay unknown.
            return Map.of();
        }
    }

    private List<TopicPartition> partitionsOf(final Collection<String> topics) {
        if (topics.isEmpty()) {
            return List.of();
        }
        final Map<String, TopicDescription> described = get(admin.describeTopics(topics).allTopicNames(),
            "describing topics " + topics);
        final List<TopicPartition> partitions = new ArrayList<>();
        described.forEach((topic, description) -> description.partitions()
            .forEach(partition -> partitions.add(new TopicPartition(topic, partition.partition()))));
        return partitions;
    }

    private static <T> T get(final org.apache.kafka.common.KafkaFuture<T> future, final String what) {
        try {
            return future.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (final ExecutionException e) {
            throw new IllegalStateException(what + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (final TimeoutException e) {
            throw new IllegalStateException(what + ": Kafka did not answer within " + TIMEOUT.toSeconds() + " s", e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, e);
        }
    }
}

package io.newswire.app.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.newswire.streams.PipelineConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the lag of the pipeline's consumer group and of the groups that read its output topics, per partition, with
 * Kafka's Admin API and one group-less read_committed consumer:
 * <ul>
 *   <li>committed offsets, log end and last stable offsets (no consumer group is joined, nothing is committed);</li>
 *   <li>the timestamp of the first record a group has not consumed, read from the partition itself (lag in seconds
 *       measured, not interpolated), and kept while the group's committed offset stays where it was, so a large
 *       cluster is not read again at every refresh;</li>
 *   <li>lag in records from that first record to the last stable offset: transaction markers and aborted records
 *       before it do not count, so an idle exactly_once_v2 pipeline shows 0.</li>
 * </ul>
 * A group keeps being reported after its members stopped (its committed offsets stay), with lag growing as the log
 * end moves on.
 */
public final class LagReader implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration FIRST_RECORD_WAIT = Duration.ofSeconds(2);

    private final Admin admin;
    private final KafkaConsumer<byte[], byte[]> reader;
    private final PipelineConfig config;
    /** First unconsumed record's timestamp by partition and offset: valid while the committed offset stays put. */
    private final Map<TopicPartition, long[]> firstRecords = new HashMap<>();

    /** @param kafka Kafka client settings: at least {@code bootstrap.servers} (and security, if any) */
    public LagReader(final Properties kafka, final PipelineConfig config) {
        this.config = config;
        this.admin = Admin.create(kafka);
        final Properties props = new Properties();
        props.putAll(kafka);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "newswire-lag-" + UUID.randomUUID());
        this.reader = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * The lag of the pipeline's group ({@code newswire.application.id}), of every group with committed offsets on an
     * output topic, and of {@code groups}, at {@code now}.
     */
    public List<PartitionLag> read(final Collection<String> groups, final long now) {
        try {
            final Set<String> all = new LinkedHashSet<>();
            all.add(config.applicationId());
            all.addAll(groups);
            all.addAll(groupsReading(config.outputTopics()));
            final Map<String, ConsumerGroupDescription> described = describe(all);
            final Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new LinkedHashMap<>();
            for (final String group : all) {
                final Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>(admin
                    .listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
                offsets.values().removeIf(offset -> offset == null);
                committed.put(group, offsets);
            }
            final Set<TopicPartition> partitions = new LinkedHashSet<>();
            committed.values().forEach(offsets -> partitions.addAll(offsets.keySet()));
            final Set<String> topics = new LinkedHashSet<>();
            partitions.forEach(partition -> topics.add(partition.topic()));
            final Map<String, String> topicIds = topicIds(topics);
            partitions.removeIf(partition -> !topicIds.containsKey(partition.topic()));
            final Map<TopicPartition, Long> ends = offsets(partitions, IsolationLevel.READ_UNCOMMITTED);
            final Map<TopicPartition, Long> stable = offsets(partitions, IsolationLevel.READ_COMMITTED);

            final List<PartitionLag> lags = new ArrayList<>();
            for (final Map.Entry<String, Map<TopicPartition, OffsetAndMetadata>> group : committed.entrySet()) {
                final ConsumerGroupDescription description = described.get(group.getKey());
                final boolean active = description != null && !description.members().isEmpty();
                final List<TopicPartition> sorted = new ArrayList<>(group.getValue().keySet());
                sorted.removeIf(partition -> !ends.containsKey(partition));
                sorted.sort((a, b) -> a.topic().equals(b.topic()) ? Integer.compare(a.partition(), b.partition())
                    : a.topic().compareTo(b.topic()));
                for (final TopicPartition partition : sorted) {
                    final long offset = group.getValue().get(partition).offset();
                    lags.add(lagOf(group.getKey(), partition, topicIds.get(partition.topic()), offset,
                        ends.get(partition), stable.get(partition), active, now));
                }
            }
            return lags;
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading lag", e);
        } catch (final ExecutionException | TimeoutException e) {
            final Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("cannot read consumer lag from Kafka: " + cause.getMessage()
                + " (the lag reader needs Describe on the groups and topics, and Read on the topics)", cause);
        }
    }

    private PartitionLag lagOf(final String group, final TopicPartition partition, final String topicId,
                               final long committed, final long end, final long stable, final boolean active,
                               final long now) {
        long lag = 0;
        long first = -1;
        if (committed < stable) {
            final long[] found = firstRecordFrom(partition, committed, stable);
            if (found != null) {
                lag = stable - found[0];
                first = found[1];
            }
        }
        final double seconds = first < 0 ? 0.0 : Math.max(0, now - first) / 1000.0;
        return new PartitionLag(group, stageOf(group, partition.topic()), partition, topicId, committed, end, stable,
            lag, first, seconds, active, now);
    }

    /**
     * The offset and timestamp of the first record at or after {@code from} that a read_committed reader gets, or
     * null when there is none before {@code stable} (only markers or aborted records).
     */
    private long[] firstRecordFrom(final TopicPartition partition, final long from, final long stable) {
        final long[] cached = firstRecords.get(partition);
        if (cached != null && cached[2] == from) {
            return cached[0] < 0 ? null : cached;
        }
        reader.assign(List.of(partition));
        reader.seek(partition, from);
        final long deadline = System.nanoTime() + FIRST_RECORD_WAIT.toNanos();
        long[] found = null;
        while (System.nanoTime() < deadline) {
            final List<ConsumerRecord<byte[], byte[]>> records = reader.poll(Duration.ofMillis(200))
                .records(partition);
            if (!records.isEmpty()) {
                final ConsumerRecord<byte[], byte[]> record = records.get(0);
                found = record.offset() < stable ? new long[] {record.offset(), record.timestamp(), from} : null;
                break;
            }
            if (reader.position(partition) >= stable) {
                break;
            }
        }
        firstRecords.put(partition, found != null ? found : new long[] {-1, -1, from});
        return found;
    }

    private String stageOf(final String group, final String topic) {
        if (topic.equals(config.topics().raw())) {
            return "input";
        }
        if (group.equals(config.applicationId()) && topic.startsWith(config.applicationId() + "-")) {
            return topic.substring(config.applicationId().length() + 1).replace("-repartition", "");
        }
        return config.outputTopics().contains(topic) ? "output " + topic : "topic " + topic;
    }

    /** The groups that exist among {@code groups}, described; one not (yet) known to Kafka is left out. */
    private Map<String, ConsumerGroupDescription> describe(final Set<String> groups) throws InterruptedException,
        ExecutionException, TimeoutException {
        final Map<String, ConsumerGroupDescription> described = new HashMap<>();
        for (final Map.Entry<String, KafkaFuture<ConsumerGroupDescription>> group : admin
            .describeConsumerGroups(groups).describedGroups().entrySet()) {
            try {
                described.put(group.getKey(), group.getValue().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
            } catch (final ExecutionException e) {
                if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                    throw e;
                }
            }
        }
        return described;
    }

    private Set<String> groupsReading(final List<String> topics) throws InterruptedException, ExecutionException,
        TimeoutException {
        final Set<String> readers = new LinkedHashSet<>();
        final Collection<ConsumerGroupListing> listed = admin.listConsumerGroups().all()
            .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        for (final ConsumerGroupListing listing : listed) {
            if (listing.groupId().equals(config.applicationId())) {
                continue;
            }
            final Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(listing.groupId())
                .partitionsToOffsetAndMetadata().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (offsets.keySet().stream().anyMatch(partition -> topics.contains(partition.topic()))) {
                readers.add(listing.groupId());
            }
        }
        return readers;
    }

    private Map<String, String> topicIds(final Set<String> topics) throws InterruptedException, ExecutionException,
        TimeoutException {
        final Map<String, String> ids = new HashMap<>();
        for (final String topic : topics) {
            try {
                final TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic);
                ids.put(topic, description.topicId().toString());
            } catch (final ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
                // A group's offsets on a deleted topic: nothing to report.
            }
        }
        return ids;
    }

    private Map<TopicPartition, Long> offsets(final Set<TopicPartition> partitions, final IsolationLevel isolation)
        throws InterruptedException, ExecutionException, TimeoutException {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        final Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        final Map<TopicPartition, ListOffsetsResultInfo> result = admin.listOffsets(latest,
            new ListOffsetsOptions(isolation)).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        final Map<TopicPartition, Long> offsets = new HashMap<>();
        result.forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    @Override
    public void close() {
        reader.close();
        admin.close(Duration.ofSeconds(5));
    }
}

package io.newswire.app.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
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
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
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
    /**
     * The first record a read_committed reader gets from a partition and offset (null: none before the last stable
     * offset), by that partition and offset: valid for as long as a group's committed offset stays there.
     */
    private final Map<FirstRecordKey, FirstRecord> firstRecords = new HashMap<>();
    private volatile Map<TopicPartition, Long> lastLogEnds = Map.of();

    private record FirstRecordKey(TopicPartition partition, long from) {
    }

    private record FirstRecord(long offset, long timestamp) {
    }

    /** @param kafka Kafka client settings: at least {@code bootstrap.servers} (and security, if any) */
    public LagReader(final Properties kafka, final PipelineConfig config) {
        this.config = config;
        final Properties adminProps = new Properties();
        adminProps.putAll(kafka);
        // Kafka 4's admin describes a group with ConsumerGroupDescribe first and, for a classic group (Kafka Streams'
        // and most consumers'), asks again with DescribeGroups after one retry backoff: 100 ms a reading by default,
        // 20 ms with this (measured in bench/README.md, "newswire bench-lag").
        adminProps.putIfAbsent(AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, "10");
        this.admin = Admin.create(adminProps);
        final Properties props = new Properties();
        props.putAll(kafka);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        // Only the first record's timestamp is wanted: the broker then sends one record batch, not a megabyte.
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 1);
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 1);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "newswire-lag-" + UUID.randomUUID());
        this.reader = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * The lag of the pipeline's group ({@code newswire.application.id}), of every group with committed offsets on an
     * output topic, and of {@code groups}, at {@code now}.
     */
    public List<PartitionLag> read(final Collection<String> groups, final long now) {
        try {
            final Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = committedOffsets(groups);
            final Map<String, ConsumerGroupDescription> described = describe(committed.keySet());
            // The offsets were read before the members: a group that committed, then left in between, would look
            // stopped with its older offsets. A group without members commits no more: read its offsets again.
            final Set<String> idle = new LinkedHashSet<>(committed.keySet());
            idle.removeIf(group -> described.get(group) != null && !described.get(group).members().isEmpty());
            if (!idle.isEmpty()) {
                committed.putAll(offsetsOf(idle));
            }
            final Set<TopicPartition> partitions = new LinkedHashSet<>();
            committed.values().forEach(offsets -> partitions.addAll(offsets.keySet()));
            final Set<String> topics = new LinkedHashSet<>();
            partitions.forEach(partition -> topics.add(partition.topic()));
            // The pipeline's own topics come too, read or not: their log ends are what the status page's rates are.
            topics.add(config.topics().raw());
            topics.addAll(config.outputTopics());
            final Map<String, TopicDescription> topicsFound = describeTopics(topics);
            partitions.removeIf(partition -> !topicsFound.containsKey(partition.topic()));
            final Set<TopicPartition> all = new LinkedHashSet<>(partitions);
            topicsFound.values().forEach(topic -> topic.partitions().forEach(info ->
                all.add(new TopicPartition(topic.name(), info.partition()))));
            final Map<TopicPartition, Long> ends = offsets(all, IsolationLevel.READ_UNCOMMITTED);
            final Map<TopicPartition, Long> stable = offsets(partitions, IsolationLevel.READ_COMMITTED);
            final Map<TopicPartition, Long> pipelineEnds = new HashMap<>(ends);
            pipelineEnds.keySet().removeIf(partition -> !partition.topic().equals(config.topics().raw())
                && !config.outputTopics().contains(partition.topic()));
            lastLogEnds = Map.copyOf(pipelineEnds);

            final Set<FirstRecordKey> asked = new HashSet<>();
            final List<PartitionLag> lags = new ArrayList<>();
            for (final Map.Entry<String, Map<TopicPartition, OffsetAndMetadata>> group : committed.entrySet()) {
                final ConsumerGroupDescription description = described.get(group.getKey());
                final boolean active = description != null && !description.members().isEmpty();
                final List<TopicPartition> sorted = new ArrayList<>(group.getValue().keySet());
                sorted.removeIf(partition -> !ends.containsKey(partition));
                sorted.sort(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition));
                for (final TopicPartition partition : sorted) {
                    final long offset = group.getValue().get(partition).offset();
                    asked.add(new FirstRecordKey(partition, offset));
                    lags.add(lagOf(group.getKey(), partition, topicsFound.get(partition.topic()).topicId().toString(),
                        offset, ends.get(partition), stable.get(partition), active, now));
                }
            }
            // What no group has committed any more will not be asked for again.
            firstRecords.keySet().retainAll(asked);
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

    /**
     * The log end offsets of news.raw's and the output topics' partitions, as of the last {@link #read}: what the
     * status page's rates come from, whether or not any group reads the topic. Empty before the first reading.
     */
    public Map<TopicPartition, Long> lastLogEnds() {
        return lastLogEnds;
    }

    /**
     * The committed offsets of the pipeline's group, of {@code groups} and of every group with offsets on an output
     * topic, all asked for in one request.
     */
    private Map<String, Map<TopicPartition, OffsetAndMetadata>> committedOffsets(final Collection<String> groups)
        throws InterruptedException, ExecutionException, TimeoutException {
        final Set<String> named = new LinkedHashSet<>();
        named.add(config.applicationId());
        named.addAll(groups);
        final Set<String> all = new LinkedHashSet<>(named);
        admin.listConsumerGroups().all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
            .forEach(listing -> all.add(listing.groupId()));
        final Map<String, Map<TopicPartition, OffsetAndMetadata>> offsets = offsetsOf(all);
        final List<String> outputs = config.outputTopics();
        final Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new LinkedHashMap<>();
        for (final String group : all) {
            final Map<TopicPartition, OffsetAndMetadata> ofGroup = offsets.getOrDefault(group, Map.of());
            if (named.contains(group) || ofGroup.keySet().stream().anyMatch(tp -> outputs.contains(tp.topic()))) {
                committed.put(group, ofGroup);
            }
        }
        return committed;
    }

    /** The committed offsets of {@code groups}, in one request; partitions without one are left out. */
    private Map<String, Map<TopicPartition, OffsetAndMetadata>> offsetsOf(final Set<String> groups)
        throws InterruptedException, ExecutionException, TimeoutException {
        final Map<String, ListConsumerGroupOffsetsSpec> specs = new LinkedHashMap<>();
        groups.forEach(group -> specs.put(group, new ListConsumerGroupOffsetsSpec()));
        final Map<String, Map<TopicPartition, OffsetAndMetadata>> offsets = admin.listConsumerGroupOffsets(specs)
            .all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        final Map<String, Map<TopicPartition, OffsetAndMetadata>> found = new LinkedHashMap<>();
        for (final String group : groups) {
            final Map<TopicPartition, OffsetAndMetadata> ofGroup = new HashMap<>(offsets.getOrDefault(group, Map.of()));
            ofGroup.values().removeIf(offset -> offset == null);
            found.put(group, ofGroup);
        }
        return found;
    }

    private PartitionLag lagOf(final String group, final TopicPartition partition, final String topicId,
                               final long committed, final long end, final long stable, final boolean active,
                               final long now) {
        final FirstRecord first = committed < stable ? firstRecordFrom(partition, committed, stable) : null;
        final long lag = first == null ? 0 : stable - first.offset();
        final double seconds = first == null ? 0.0 : Math.max(0, now - first.timestamp()) / 1000.0;
        return new PartitionLag(group, stageOf(group, partition.topic()), partition, topicId, committed, end, stable,
            lag, first == null ? -1 : first.timestamp(), seconds, active, now);
    }

    /**
     * The first record at or after {@code from} that a read_committed reader gets, or null when there is none before
     * {@code stable} (only markers or aborted records).
     */
    private FirstRecord firstRecordFrom(final TopicPartition partition, final long from, final long stable) {
        final FirstRecordKey key = new FirstRecordKey(partition, from);
        if (firstRecords.containsKey(key)) {
            return firstRecords.get(key);
        }
        reader.assign(List.of(partition));
        reader.seek(partition, from);
        final long deadline = System.nanoTime() + FIRST_RECORD_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            final List<ConsumerRecord<byte[], byte[]>> records = reader.poll(Duration.ofMillis(200))
                .records(partition);
            if (!records.isEmpty()) {
                final ConsumerRecord<byte[], byte[]> record = records.get(0);
                final FirstRecord found = record.offset() < stable
                    ? new FirstRecord(record.offset(), record.timestamp()) : null;
                firstRecords.put(key, found);
                return found;
            }
            if (reader.position(partition) >= stable) {
                firstRecords.put(key, null);
                return null;
            }
        }
        return null;  // not read in time: not remembered, asked again at the next reading
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
        return present(admin.describeConsumerGroups(groups).describedGroups(), GroupIdNotFoundException.class);
    }

    /**
     * The topics that exist among {@code topics}, described in one request; a deleted one (a group's offsets on it)
     * or one not created yet is left out.
     */
    private Map<String, TopicDescription> describeTopics(final Set<String> topics) throws InterruptedException,
        ExecutionException, TimeoutException {
        return present(admin.describeTopics(topics).topicNameValues(), UnknownTopicOrPartitionException.class);
    }

    /** The answers of {@code futures}, leaving out those that failed with {@code missing}: nothing to report. */
    private static <T> Map<String, T> present(final Map<String, KafkaFuture<T>> futures,
                                              final Class<? extends Throwable> missing)
        throws InterruptedException, ExecutionException, TimeoutException {
        final Map<String, T> found = new HashMap<>();
        for (final Map.Entry<String, KafkaFuture<T>> future : futures.entrySet()) {
            try {
                found.put(future.getKey(), future.getValue().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
            } catch (final ExecutionException e) {
                if (!missing.isInstance(e.getCause())) {
                    throw e;
                }
            }
        }
        return found;
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

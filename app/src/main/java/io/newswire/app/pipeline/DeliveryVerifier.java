package io.newswire.app.pipeline;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.newswire.producer.publish.Trace;
import io.newswire.schema.serde.NewswireSerdes;
import io.newswire.streams.PipelineConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Checks the exactly-once promise of a pipeline run on the topics themselves, as Kafka's {@code streams_eos_test}
 * verifier and Jepsen's Kafka checkers do: per input item on news.raw, that it came out (not lost), came out once
 * (not twice in one topic, not both routed and a duplicate, not in news.general and a route), that read_committed
 * readers were shown nothing of an aborted transaction, that records of one key keep the input's order in each
 * output partition, and that no transaction is left open on any output or internal partition. Used by
 * {@code newswire run} and by the fault tests; reads everything from the beginning, with no consumer group.
 */
public final class DeliveryVerifier {

    private static final int EXAMPLES = 5;

    private final Properties kafka;
    private final PipelineConfig config;
    private final Path brokerLogDir;
    private Map<TopicPartition, Long> from = Map.of();

    /**
     * @param kafka        client settings including bootstrap.servers
     * @param brokerLogDir the log directory of a single broker holding every partition (the embedded one), to see
     *                     which records belong to aborted transactions; null when it is not at hand
     */
    public DeliveryVerifier(final Properties kafka, final PipelineConfig config, final Path brokerLogDir) {
        this.kafka = kafka;
        this.config = config;
        this.brokerLogDir = brokerLogDir;
    }

    /**
     * Reads from these offsets instead of the beginning (partitions not named are read from their beginning): a run
     * on a long-lived cluster checks what it wrote, not the topics' whole history.
     */
    public DeliveryVerifier from(final Map<TopicPartition, Long> offsets) {
        this.from = Map.copyOf(offsets);
        return this;
    }

    /** The current end of news.raw and of every output partition: where a run's records will start. */
    public Map<TopicPartition, Long> ends() {
        final Properties props = clientProperties();
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "newswire-verifier-" + UUID.randomUUID());
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            final List<String> topics = new ArrayList<>(config.outputTopics());
            topics.add(config.topics().raw());
            return consumer.endOffsets(partitionsOf(consumer, topics), Duration.ofSeconds(30));
        }
    }

    private static List<TopicPartition> partitionsOf(final KafkaConsumer<String, byte[]> consumer,
                                                     final Collection<String> topics) {
        final List<TopicPartition> partitions = new ArrayList<>();
        topics.forEach(topic -> consumer.partitionsFor(topic, Duration.ofSeconds(30)).forEach(info ->
            partitions.add(new TopicPartition(topic, info.partition()))));
        return partitions;
    }

    /** One record as read: where, its key and trace, and (for the decisions topic) its value. */
    private record Read(TopicPartition partition, long offset, String key, String trace, byte[] value) {
    }

    /**
     * Verifies the items of run {@code runId} (every item when null).
     *
     * @param settle how long to wait for open transactions to end (a topology that just stopped may leave its
     *               last transaction to the coordinator's timeout)
     */
    public DeliveryReport verify(final String runId, final Duration settle) {
        final Map<String, List<Long>> rawPosition = new HashMap<>();
        final List<Read> raw = read(List.of(config.topics().raw()), IsolationLevel.READ_COMMITTED);
        for (final Read record : raw) {
            if (ofRun(record, runId)) {
                rawPosition.putIfAbsent(record.trace(), List.of((long) record.partition().partition(),
                    record.offset()));
            }
        }
        final List<Read> committed = read(config.outputTopics(), IsolationLevel.READ_COMMITTED);
        final List<Read> everything = read(config.outputTopics(), IsolationLevel.READ_UNCOMMITTED);
        final List<String> examples = new ArrayList<>();

        final Accounting accounting = account(committed, runId);
        final Set<String> inputs = new HashSet<>(rawPosition.keySet());
        inputs.addAll(accounting.outcomes().keySet());
        final long lost = inputs.stream().filter(trace -> !accounting.outcomes().containsKey(trace)).peek(trace -> {
            if (examples.size() < EXAMPLES) {
                examples.add("lost: input " + trace + " came out nowhere");
            }
        }).count();
        accounting.violations().stream().limit(EXAMPLES).forEach(examples::add);

        final Set<String> seen = new HashSet<>();
        committed.forEach(record -> seen.add(record.partition() + "@" + record.offset()));
        final long abortedRecords = everything.stream().filter(record -> ofRun(record, runId))
            .filter(record -> !seen.contains(record.partition() + "@" + record.offset())).count();

        final long outOfOrder = outOfOrder(committed, runId, rawPosition, examples);
        final List<TopicPartition> checked = outputAndInternalPartitions();
        final long open = openTransactions(checked, settle, examples);

        long abortedVisible = -1;
        long abortedTransactions = -1;
        if (brokerLogDir != null) {
            final Map<TopicPartition, TransactionMarkers> markers = new LinkedHashMap<>();
            checked.forEach(partition -> markers.put(partition,
                TransactionMarkers.read(brokerLogDir.resolve(partition.topic() + "-" + partition.partition()))));
            abortedVisible = committed.stream().filter(record -> markers.containsKey(record.partition())
                && markers.get(record.partition()).isAborted(record.offset())).peek(record -> {
                    if (examples.size() < EXAMPLES * 2) {
                        examples.add("aborted but visible: " + record.partition() + " offset " + record.offset());
                    }
                }).count();
            final Set<TransactionMarkers.Abort> aborts = new HashSet<>();
            markers.values().forEach(marker -> aborts.addAll(marker.aborts()));
            abortedTransactions = aborts.size();
        }
        return new DeliveryReport(inputs.size(), lost, accounting.duplicatedInputs().size(), abortedVisible, open,
            outOfOrder, abortedRecords, abortedTransactions, List.copyOf(examples));
    }

    private static boolean ofRun(final Read record, final String runId) {
        return record.trace() != null && (runId == null || Trace.ofRun(record.trace(), runId));
    }

    private Accounting account(final List<Read> committed, final String runId) {
        final NewswireSerdes serdes = new NewswireSerdes(config.schemaRegistry());
        final List<CollectedRecord> records = new ArrayList<>();
        for (final Read record : committed) {
            if (!ofRun(record, runId)) {
                continue;
            }
            // Only the decisions topic needs its value: a 'new' decision accompanies a routed copy.
            final boolean decision = record.partition().topic().equals(config.topics().duplicates());
            records.add(new CollectedRecord(record.partition().topic(), record.key(), record.trace(),
                decision && record.value() != null ? serdes.dedupDecision().decode(record.value()) : null));
        }
        return Accounting.ofAll(records, config);
    }

    /** Records of one key in one output partition must come in the order their inputs had on news.raw. */
    private static long outOfOrder(final List<Read> committed, final String runId,
                                   final Map<String, List<Long>> rawPosition, final List<String> examples) {
        final Map<String, List<Long>> lastByKey = new HashMap<>();
        long outOfOrder = 0;
        for (final Read record : committed) {
            final List<Long> position = ofRun(record, runId) ? rawPosition.get(record.trace()) : null;
            if (position == null || record.key() == null) {
                continue;
            }
            final List<Long> last = lastByKey.put(record.partition() + "/" + record.key(), position);
            if (last != null && last.get(0).equals(position.get(0)) && last.get(1) > position.get(1)) {
                outOfOrder++;
                if (examples.size() < EXAMPLES * 2) {
                    examples.add("out of order: key " + record.key() + " in " + record.partition() + " at offset "
                        + record.offset());
                }
            }
        }
        return outOfOrder;
    }

    /** Every partition of the output topics and of the topology's internal topics (repartition, changelogs). */
    private List<TopicPartition> outputAndInternalPartitions() {
        try (Admin admin = Admin.create(clientProperties())) {
            final Set<String> topics = new HashSet<>(config.outputTopics());
            admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                .filter(name -> name.startsWith(config.applicationId() + "-")).forEach(topics::add);
            final Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames()
                .get(30, TimeUnit.SECONDS);
            final List<TopicPartition> partitions = new ArrayList<>();
            described.values().forEach(description -> description.partitions().forEach(info ->
                partitions.add(new TopicPartition(description.name(), info.partition()))));
            partitions.sort(java.util.Comparator.comparing(TopicPartition::toString));
            return partitions;
        } catch (final ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot list the pipeline's topics to verify them: " + e.getMessage(), e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while listing topics", e);
        }
    }

    /**
     * Partitions where something written before this check began is still neither committed nor aborted after
     * {@code settle}: their last stable offset stays behind the end they had then. Records written after it began
     * (another instance still running on a shared cluster) do not count.
     */
    private long openTransactions(final List<TopicPartition> partitions, final Duration settle,
                                  final List<String> examples) {
        final long deadline = System.nanoTime() + settle.toNanos();
        try (Admin admin = Admin.create(clientProperties())) {
            final Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(partition -> latest.put(partition, OffsetSpec.latest()));
            final var ends = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
            while (true) {
                final var stable = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                    .all().get(30, TimeUnit.SECONDS);
                final List<TopicPartition> open = partitions.stream()
                    .filter(partition -> stable.get(partition).offset() < ends.get(partition).offset()).toList();
                if (open.isEmpty() || System.nanoTime() > deadline) {
                    open.stream().limit(EXAMPLES).forEach(partition -> examples.add("open transaction: " + partition
                        + " stable at " + stable.get(partition).offset() + ", ended at "
                        + ends.get(partition).offset() + " when the check began"));
                    return open.size();
                }
                TimeUnit.MILLISECONDS.sleep(200);
            }
        } catch (final ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot read the offsets of the pipeline's topics: " + e.getMessage(), e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for transactions to end", e);
        }
    }

    /** Every record of {@code topics} up to their end as {@code isolation} sees it. */
    private List<Read> read(final Collection<String> topics, final IsolationLevel isolation) {
        final Properties props = clientProperties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.toString().toLowerCase(Locale.ROOT));
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "newswire-verifier-" + UUID.randomUUID());
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        final List<Read> reads = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            final List<TopicPartition> partitions = partitionsOf(consumer, topics);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            partitions.stream().filter(from::containsKey).forEach(partition -> consumer.seek(partition,
                from.get(partition)));
            // With read_committed, the consumer's end offsets are the last stable offsets.
            final Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            final long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topics + " to their end within 2 minutes");
                }
                for (final ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    reads.add(new Read(new TopicPartition(record.topic(), record.partition()), record.offset(),
                        record.key(), trace(record), record.value()));
                }
            }
        }
        return reads;
    }

    private static String trace(final ConsumerRecord<String, byte[]> record) {
        final Header header = record.headers().lastHeader(Trace.HEADER);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private Properties clientProperties() {
        final Properties props = new Properties();
        props.putAll(kafka);
        return props;
    }
}

package io.newswire.streams;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import io.newswire.schema.config.Limits;
import io.newswire.schema.serde.NewswireSerdes;
import io.newswire.streams.enrich.Enricher;
import io.newswire.streams.stage.DeadLetterHandler;
import io.newswire.streams.topology.NewswireTopology;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the newswire topology: builds it from config, starts KafkaStreams with exactly_once_v2, and closes it.
 * Thin on purpose; the logic is in {@link NewswireTopology}.
 */
public final class StreamsRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsRunner.class);

    private final KafkaStreams streams;
    private final Runnable registerSchemas;
    private volatile Throwable failure;
    private volatile String failureReason;
    private final java.util.function.Function<Throwable, String> explain;

    /**
     * @param kafka Kafka settings: at least {@code bootstrap.servers}; anything else (security, threads, state.dir)
     *              is passed to Kafka Streams as given
     */
    public StreamsRunner(final PipelineConfig config, final Properties kafka, final NewswireSerdes serdes,
                         final Enricher enricher) {
        this(config, kafka, serdes, enricher, PipelineMeters.NONE);
    }

    /**
     * @param kafka  Kafka settings: at least {@code bootstrap.servers}; anything else (security, threads, state.dir)
     *               is passed to Kafka Streams as given
     * @param meters told what passes each stage and when the output topics' records are acknowledged
     */
    public StreamsRunner(final PipelineConfig config, final Properties kafka, final NewswireSerdes serdes,
                         final Enricher enricher, final PipelineMeters meters) {
        final PipelineConfig actual = withRawPartitions(config, kafka);
        final LagAwareClients clients = new LagAwareClients(meters, Set.copyOf(actual.outputTopics()));
        final Properties props = streamsProperties(actual, kafka);
        final String stateDir = Path.of(props.getProperty(StreamsConfig.STATE_DIR_CONFIG)).toAbsolutePath().toString();
        this.streams = new KafkaStreams(NewswireTopology.build(actual, serdes, enricher, clients, meters),
            withDeadLetterObjects(props, meters, serdes), clients);
        this.registerSchemas = () -> registerOutputSchemas(actual, serdes);
        streams.setGlobalStateRestoreListener(new RestoreLog());
        this.explain = error -> {
            final String denied = AuthorizationFailures.explain(error, actual);
            return denied != null ? "the topology stopped: " + denied
                : StateDiskFull.explain(error, stateDir).orElseGet(() -> "the topology stopped on an unexpected "
                    + "error; shutting down so a supervisor can restart it (records that fail a stage go to the "
                    + "dead-letter topic, this is something else): " + error);
        };
        final ThreadRecovery recovery = ThreadRecovery.defaults();
        streams.setUncaughtExceptionHandler(error -> {
            if (recovery.replace(error)) {
                LOG.warn("a stream thread died of a Kafka error ({}); a new thread takes its place, and its producer "
                    + "aborts what the old one left open", rootCause(error).toString());
                return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
            }
            failed(error);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    }

    /**
     * Why the topology stopped, in one line for people, when a stream thread died (a full state directory says so
     * and what to do); empty while it runs or after a clean close.
     */
    public Optional<String> failureReason() {
        return Optional.ofNullable(failureReason);
    }

    /**
     * The config with the partitions news.raw really has: the dedup index waits for each of them to report, and
     * the topic may have been created by someone else with another count than {@code newswire.topic.partitions}.
     */
    static PipelineConfig withRawPartitions(final PipelineConfig config, final Properties kafka) {
        try (Admin admin = Admin.create(kafka)) {
            final int partitions = new TopicProvisioner(admin).partitionsOf(config.topics().raw());
            if (partitions > 0 && partitions != config.partitions()) {
                LOG.info("{} has {} partitions (newswire.topic.partitions is {}): the dedup index waits for {}",
                    config.topics().raw(), partitions, config.partitions(), partitions);
                return config.withPartitions(partitions);
            }
            return config;
        }
    }

    /** The Kafka Streams settings newswire runs with; {@code kafka} entries win except for the guarantee. */
    public static Properties streamsProperties(final PipelineConfig config, final Properties kafka) {
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        props.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        // The default from Kafka 5.0 on; setting it now keeps behaviour (and the logs) the same across upgrades.
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        // Beside the broker's data of 'newswire broker' (data/kafka), not in /tmp, which the OS may clean.
        props.put(StreamsConfig.STATE_DIR_CONFIG, Path.of("data", "streams").toString());
        props.put(StreamsConfig.topicPrefix("max.message.bytes"), Integer.toString(Limits.MAX_MESSAGE_BYTES));
        props.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG),
            Integer.toString(Limits.MAX_MESSAGE_BYTES));
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) config.replicationFactor());
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDB.class);
        // An exception no stage caught, or an output record Kafka refuses, dead-letters its record instead of
        // stopping the thread (which would meet the same record again after the restart).
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
        props.put(DeadLetterHandler.TOPIC_CONFIG, config.topics().dlq());
        props.putAll(kafka);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        return props;
    }

    private static Properties withDeadLetterObjects(final Properties props, final PipelineMeters meters,
                                                    final NewswireSerdes serdes) {
        // Objects, not class names: Kafka hands the handler the original values of its configuration.
        props.put(DeadLetterHandler.METERS_CONFIG, meters);
        props.put(DeadLetterHandler.SERDES_CONFIG, serdes);
        return props;
    }

    /** The Kafka Streams instance, for metrics binders and health checks; the runner owns its lifecycle. */
    public KafkaStreams streams() {
        return streams;
    }

    /** The error that stopped the topology, if one did. */
    public java.util.Optional<Throwable> failure() {
        return java.util.Optional.ofNullable(failure);
    }

    /**
     * In schema registry mode, registers the schema of every output topic's values (news.&lt;route&gt;,
     * news.general: EnrichedItem; news.duplicates: DedupDecision; news.dlq: DeadLetter) under {@code <topic>-value}
     * now: a topic's first record then does not wait on the registry (about 35 ms a topic, two round trips), and a
     * registry that is down or refuses a schema stops the start, naming the topic and the registry. Nothing in
     * single-object mode.
     */
    public static void registerOutputSchemas(final PipelineConfig config, final NewswireSerdes serdes) {
        config.routes().keySet()
            .forEach(route -> serdes.enrichedItem().registerSchemaFor(config.topics().route(route)));
        serdes.enrichedItem().registerSchemaFor(config.topics().general());
        serdes.dedupDecision().registerSchemaFor(config.topics().duplicates());
        serdes.deadLetter().registerSchemaFor(config.topics().dlq());
    }

    /**
     * Starts the topology, having registered the output topics' schemas in schema registry mode
     * ({@link #registerOutputSchemas}). Kafka Streams opens the stores of the tasks it finds in the state directory
     * here, before any thread runs, so a state directory that cannot be written fails this call rather than a stream
     * thread; the reason is then in {@link #failureReason()} as it would be for a thread.
     */
    public void start() {
        try {
            registerSchemas.run();
            streams.start();
        } catch (final RuntimeException e) {
            failed(e);
            throw e;
        }
    }

    private static Throwable rootCause(final Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private void failed(final Throwable error) {
        failure = error;
        final String reason = explain.apply(error);
        failureReason = reason;
        LOG.error(reason, error);
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** Registers a state listener (e.g. to wait for RUNNING). */
    public void onStateChange(final KafkaStreams.StateListener listener) {
        streams.setStateListener(listener);
    }

    /**
     * Closes Kafka Streams, leaving the consumer group: by default a Streams member stays in its group until its
     * session times out (45 s), which keeps a stopped pipeline looking alive to every lag monitor; leaving shows it
     * stopped at once and hands its partitions to the other instances without waiting for that timeout.
     */
    public void close(final Duration timeout) {
        streams.close(CloseOptions.timeout(timeout)
            .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }

    /**
     * Says how long each store took to restore from its changelog (after a crash every task's state is rebuilt so),
     * once per store and partition, at INFO: the figure to watch as the dedup window fills.
     */
    private static final class RestoreLog implements StateRestoreListener {

        private final java.util.Map<TopicPartition, Long> started = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public void onRestoreStart(final TopicPartition partition, final String store, final long startingOffset,
                                   final long endingOffset) {
            started.put(partition, System.nanoTime());
            if (endingOffset > startingOffset) {
                LOG.info("restoring store {} from {} ({} records)", store, partition, endingOffset - startingOffset);
            }
        }

        @Override
        public void onBatchRestored(final TopicPartition partition, final String store, final long batchEndOffset,
                                    final long numRestored) {
            // Per batch is too often to say; the start and the end are enough.
        }

        @Override
        public void onRestoreEnd(final TopicPartition partition, final String store, final long totalRestored) {
            final Long start = started.remove(partition);
            if (totalRestored == 0) {
                return;
            }
            LOG.info("restored store {} from {}: {} records in {} ms", store, partition, totalRestored,
                start == null ? -1 : (System.nanoTime() - start) / 1_000_000);
        }
    }
}

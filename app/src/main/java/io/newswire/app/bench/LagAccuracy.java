package io.newswire.app.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import io.newswire.app.Console;
import io.newswire.app.ops.LagReader;
import io.newswire.app.ops.PartitionLag;
import io.newswire.streams.PipelineConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Runs the lag benchmark's scenarios on a real broker, on a virtual clock: for each virtual second, produces that
 * second's records to a fresh one-partition topic (CreateTime timestamps set to the virtual time), moves a
 * member-less consumer group's committed offset as a simulated consumer would ({@link SimulatedPartition}), and at
 * the reading instants asks newswire's {@link LagReader} and kafka-lag-exporter's method
 * ({@link ExporterLagEstimate}, fed with the log end and committed offset read from the broker) for the lag.
 *
 * <p>The log end each method sees is that of the virtual instant: records are sent second by second and flushed
 * before every reading. One {@code LagReader} reading is taken at every instant that some refresh interval divides
 * and serves every interval that divides it: a reading depends only on the partition and offsets at its instant.
 */
public final class LagAccuracy {

    /**
     * How long after its timestamp a record can at the earliest be consumed: the simulated consumer's fetch and
     * processing time. Without it the group would be exactly caught up at every whole second.
     */
    static final long CONSUMER_DELAY_MS = 500;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final byte[] VALUE = new byte[16];

    private final Properties kafka;
    private final PipelineConfig config;
    private final SortedSet<Integer> refreshSeconds;
    private final int exporterPollSeconds;
    private final String runId;
    private final Console console;

    /**
     * @param kafka          Kafka client settings with {@code bootstrap.servers}
     * @param refreshSeconds newswire's refresh intervals to measure, whole seconds
     * @param runId          a suffix that makes this run's topic and group names unique
     */
    public LagAccuracy(final Properties kafka, final PipelineConfig config, final List<Integer> refreshSeconds,
                       final String runId, final Console console) {
        this.kafka = kafka;
        this.config = config;
        this.refreshSeconds = new TreeSet<>(refreshSeconds);
        this.exporterPollSeconds = (int) ExporterLagEstimate.DEFAULT_POLL_INTERVAL.toSeconds();
        this.runId = runId;
        this.console = console;
    }

    /**
     * Runs {@code scenarios}, {@code parallel} at a time (each on its own topic, group and clients; a run spends most
     * of its real time waiting on Kafka, and its figures do not depend on what else runs), and gives their series in
     * the order of {@code scenarios}.
     */
    public List<LagSeries> run(final List<LagScenario> scenarios, final int parallel) {
        final ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            final List<Future<LagSeries>> runs = new ArrayList<>();
            for (final LagScenario scenario : scenarios) {
                runs.add(pool.submit(() -> timed(scenario)));
            }
            final List<LagSeries> series = new ArrayList<>();
            for (final Future<LagSeries> run : runs) {
                series.add(run.get());
            }
            return series;
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running the lag scenarios", e);
        } catch (final ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                : new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private LagSeries timed(final LagScenario scenario) {
        final long began = System.nanoTime();
        final LagSeries series = run(scenario);
        console.note("scenario %s: %d virtual s in %.0f s; a newswire reading took %.0f ms on average, %.0f ms at "
            + "most", scenario.name(), scenario.seconds(), (System.nanoTime() - began) / 1e9, series.readMillis(),
            series.maxReadMillis());
        return series;
    }

    /** Runs one scenario on its own topic and group, both deleted afterwards. */
    public LagSeries run(final LagScenario scenario) {
        final String name = "lagbench-" + scenario.name().replace(' ', '-') + "-" + runId;
        final TopicPartition partition = new TopicPartition(name, 0);
        try (Admin admin = Admin.create(kafka);
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties(),
                 new ByteArraySerializer(), new ByteArraySerializer());
             LagReader reader = new LagReader(kafka, config)) {
            admin.createTopics(List.of(new NewTopic(name, 1, (short) 1)
                    .configs(Map.of("message.timestamp.type", "CreateTime"))))
                .all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            final LagSeries series = new Run(scenario, name, partition, admin, producer, reader).measure();
            admin.deleteConsumerGroups(List.of(name)).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            admin.deleteTopics(List.of(name)).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return series;
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running the lag scenario " + scenario.name(), e);
        } catch (final ExecutionException | TimeoutException e) {
            final Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("lag scenario " + scenario.name() + " on topic " + name + ": Kafka "
                + "failed: " + cause.getMessage() + " (is the broker up and reachable?)", cause);
        }
    }

    private Properties producerProperties() {
        final Properties props = new Properties();
        props.putAll(kafka);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return props;
    }

    /** One scenario's run: the virtual clock's loop and what it records. */
    private final class Run {

        private final LagScenario scenario;
        private final String name;
        private final TopicPartition partition;
        private final Admin admin;
        private final KafkaProducer<byte[], byte[]> producer;
        private final LagReader reader;
        private final AtomicReference<Exception> sendFailure = new AtomicReference<>();
        private final SimulatedPartition simulated = new SimulatedPartition();
        private final ExporterLagEstimate exporter = new ExporterLagEstimate();
        private long offsetSet = -1;
        private int mismatches;
        private long readNanos;
        private long maxReadNanos;
        private int reads;

        Run(final LagScenario scenario, final String name, final TopicPartition partition, final Admin admin,
            final KafkaProducer<byte[], byte[]> producer, final LagReader reader) {
            this.scenario = scenario;
            this.name = name;
            this.partition = partition;
            this.admin = admin;
            this.producer = producer;
            this.reader = reader;
        }

        LagSeries measure() throws InterruptedException, ExecutionException, TimeoutException {
            final int seconds = scenario.seconds();
            // Virtual time ends a minute before the run starts: every timestamp is in the past, as the broker wants.
            final long start = (System.currentTimeMillis() / 1000 - seconds - 60) * 1000;
            final double[] truth = new double[seconds + 1];
            final long[] logEnd = new long[seconds + 1];
            final long[] committed = new long[seconds + 1];
            final double[] newswire = nans(seconds + 1);
            final double[] exported = nans(seconds + 1);
            final long began = System.nanoTime();
            for (int t = 0; t <= seconds; t++) {
                final long now = start + t * 1000L;
                if (t > 0) {
                    produce(now - 1000, scenario.producedIn(t - 1));
                    simulated.consume(now - CONSUMER_DELAY_MS, scenario.capacityIn(t - 1));
                }
                if (t == scenario.resetAt()) {
                    simulated.resetTo(0);
                }
                truth[t] = simulated.trueLagSeconds(now);
                logEnd[t] = simulated.end();
                committed[t] = simulated.committed();
                final int instant = t;
                final boolean newswireReads = refreshSeconds.stream().anyMatch(refresh -> instant % refresh == 0);
                final boolean exporterPolls = t % exporterPollSeconds == 0;
                if (newswireReads || exporterPolls) {
                    publishState();
                }
                if (newswireReads) {
                    newswire[t] = readNewswire(now);
                }
                if (exporterPolls) {
                    exported[t] = exporter.poll(brokerLogEnd(), brokerCommitted(), now);
                }
                console.progress(t == seconds, "lag scenario %s: %d/%d virtual s, %.0f s real, %.0f ms per reading",
                    scenario.name(), t, seconds, (System.nanoTime() - began) / 1e9,
                    reads == 0 ? 0.0 : readNanos / 1e6 / reads);
            }
            return new LagSeries(scenario, start, truth, logEnd, committed, newswire, exported, exporterPollSeconds,
                mismatches, reads == 0 ? 0.0 : readNanos / 1e6 / reads, maxReadNanos / 1e6);
        }

        private void produce(final long secondStart, final int count) {
            for (final long timestamp : simulated.produce(secondStart, count)) {
                producer.send(new ProducerRecord<>(name, 0, timestamp, null, VALUE), (metadata, error) -> {
                    if (error != null) {
                        sendFailure.compareAndSet(null, error);
                    }
                });
            }
        }

        /** Makes the broker hold what the simulation holds: every record sent, the group's offset where it is. */
        private void publishState() throws InterruptedException, ExecutionException, TimeoutException {
            producer.flush();
            final Exception failure = sendFailure.get();
            if (failure != null) {
                throw new ExecutionException("a record to " + name + " was not written", failure);
            }
            if (simulated.committed() != offsetSet) {
                admin.alterConsumerGroupOffsets(name, Map.of(partition, new OffsetAndMetadata(simulated.committed())))
                    .all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                offsetSet = simulated.committed();
            }
        }

        private double readNewswire(final long now) {
            final long before = System.nanoTime();
            final List<PartitionLag> lags = reader.read(List.of(name), now);
            final long took = System.nanoTime() - before;
            readNanos += took;
            maxReadNanos = Math.max(maxReadNanos, took);
            reads++;
            for (final PartitionLag lag : lags) {
                if (lag.group().equals(name) && lag.partition().equals(partition)) {
                    if (lag.logEnd() != simulated.end() || lag.committed() != simulated.committed()) {
                        mismatches++;
                        console.note("lag scenario %s: newswire read log end %d and committed %d, the simulation "
                                + "has %d and %d", scenario.name(), lag.logEnd(), lag.committed(), simulated.end(),
                            simulated.committed());
                    }
                    return lag.lagSeconds();
                }
            }
            return Double.NaN;
        }

        private long brokerLogEnd() throws InterruptedException, ExecutionException, TimeoutException {
            return admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition)
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).offset();
        }

        private long brokerCommitted() throws InterruptedException, ExecutionException, TimeoutException {
            final OffsetAndMetadata offset = admin.listConsumerGroupOffsets(name).partitionsToOffsetAndMetadata()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(partition);
            if (offset == null) {
                throw new IllegalStateException(String.format(Locale.ROOT, "group %s has no committed offset on %s "
                    + "although one was set", name, partition));
            }
            return offset.offset();
        }
    }

    private static double[] nans(final int length) {
        final double[] array = new double[length];
        Arrays.fill(array, Double.NaN);
        return array;
    }
}

package io.newswire.app.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.newswire.streams.PipelineConfig;
import io.newswire.streams.StreamsRunner;
import org.apache.kafka.streams.KafkaClientSupplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka Streams instance of one bench run, with the settings newswire runs with
 * ({@link StreamsRunner#streamsProperties}: exactly_once_v2 and the rest) whatever the topology, started and awaited
 * until RUNNING, closed cleanly so that its state is flushed to disk before it is measured.
 */
final class BenchStreams implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BenchStreams.class);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration CLOSE_TIMEOUT = Duration.ofMinutes(1);

    private final KafkaStreams streams;
    private final String applicationId;

    private BenchStreams(final KafkaStreams streams, final String applicationId) {
        this.streams = streams;
        this.applicationId = applicationId;
    }

    /**
     * newswire's Kafka Streams settings for a bench run: the user's Kafka settings, then the bench's state folder,
     * stream threads and client id (stream threads are named {@code <application id>-StreamThread-<n>}, which is
     * how their CPU time is found), and repartition topics kept whole so that they can be counted after the run.
     */
    static Properties properties(final PipelineConfig config, final Properties kafka, final Path stateDir,
                                 final int threads) {
        final Properties overrides = new Properties();
        overrides.putAll(kafka);
        overrides.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        overrides.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.toString(threads));
        overrides.put(StreamsConfig.CLIENT_ID_CONFIG, config.applicationId());
        // Streams deletes consumed records from repartition topics every 30 s by default; the census reads them.
        overrides.put(StreamsConfig.REPARTITION_PURGE_INTERVAL_MS_CONFIG, Integer.toString(Integer.MAX_VALUE));
        return StreamsRunner.streamsProperties(config, overrides);
    }

    /** Starts {@code topology} and waits until it is RUNNING. */
    static BenchStreams start(final Topology topology, final Properties properties, final KafkaClientSupplier clients) {
        final String applicationId = properties.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
        final KafkaStreams streams = new KafkaStreams(topology, properties, clients);
        streams.setUncaughtExceptionHandler(error -> {
            LOG.error("bench run {} stopped on an unexpected error", applicationId, error);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        final CountDownLatch running = new CountDownLatch(1);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING || now == KafkaStreams.State.ERROR
                || now == KafkaStreams.State.NOT_RUNNING) {
                running.countDown();
            }
        });
        final BenchStreams started = new BenchStreams(streams, applicationId);
        streams.start();
        try {
            // REBALANCING right after RUNNING is a follow-up rebalance, not a failure to start.
            if (!running.await(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                || !streams.state().isRunningOrRebalancing()) {
                final KafkaStreams.State state = streams.state();
                logStreamThreads(applicationId);
                started.close();
                throw new IllegalStateException("the topology of " + applicationId + " did not start within "
                    + START_TIMEOUT.toSeconds() + " s (state " + state + "); check that Kafka is reachable "
                    + "and see the log above");
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            started.close();
            throw new IllegalStateException("interrupted while starting " + applicationId, e);
        }
        return started;
    }

    /** What the run's stream threads are doing, for a topology that did not start: where they wait. */
    private static void logStreamThreads(final String applicationId) {
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (thread.getName().startsWith(applicationId)) {
                final StringBuilder trace = new StringBuilder();
                for (int i = 0; i < Math.min(25, stack.length); i++) {
                    trace.append("\n    at ").append(stack[i]);
                }
                LOG.warn("{} ({}):{}", thread.getName(), thread.getState(), trace);
            }
        });
    }

    /** The dedup stage's lateness and skew metrics now. */
    DedupHealth dedupHealth() {
        return DedupHealth.of(streams.metrics());
    }

    /** A topology that stopped will not account for the rest: say so now rather than after the timeout. */
    void failIfStopped() {
        final KafkaStreams.State state = streams.state();
        if (state != KafkaStreams.State.RUNNING && state != KafkaStreams.State.REBALANCING) {
            throw new IllegalStateException("the topology of " + applicationId + " stopped (state " + state
                + ") before every item came out; see the error logged above");
        }
    }

    /** Closes the instance cleanly (state stores flushed and closed). */
    @Override
    public void close() {
        if (!streams.close(CLOSE_TIMEOUT)) {
            LOG.warn("{} did not close within {} s: its state on disk may not be flushed", applicationId,
                CLOSE_TIMEOUT.toSeconds());
        }
    }
}

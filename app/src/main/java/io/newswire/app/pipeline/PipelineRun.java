package io.newswire.app.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.newswire.app.Console;
import io.newswire.app.Settings;
import io.newswire.app.ops.Ops;
import io.newswire.producer.InputReader;
import io.newswire.producer.ProduceJob;
import io.newswire.producer.publish.PublishSummary;
import io.newswire.producer.publish.Trace;
import io.newswire.producer.publish.WirePublisher;
import io.newswire.producer.source.InputScanner;
import io.newswire.producer.source.RejectFolder;
import io.newswire.schema.serde.NewswireSerdes;
import io.newswire.streams.PipelineConfig;
import io.newswire.streams.PipelineMeters;
import io.newswire.streams.StreamsRunner;
import io.newswire.streams.TopicProvisioner;
import io.newswire.streams.enrich.Enricher;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * One pass of inputs through the whole pipeline on a Kafka target, as {@code newswire run} and {@code demo} do:
 * create topics, start the topology, publish the inputs with a trace, read every output topic with read_committed
 * until each input is accounted for exactly once (or a timeout), then stop. Thin glue over the modules.
 */
public final class PipelineRun {

    private final PipelineConfig config;
    private final Properties kafka;
    private final Console console;
    private final Path stateDir;
    private final Path rejectDir;
    private final long maxItemBytes;
    private Ops ops;
    private Path brokerLogDir;

    /**
     * @param kafka     client settings including bootstrap.servers
     * @param stateDir  Kafka Streams state directory
     * @param rejectDir where rejected inputs are copied, or null
     */
    public PipelineRun(final PipelineConfig config, final Properties kafka, final Console console, final Path stateDir,
                       final Path rejectDir, final long maxItemBytes) {
        this.config = config;
        this.kafka = kafka;
        this.console = console;
        this.stateDir = stateDir;
        this.rejectDir = rejectDir;
        this.maxItemBytes = maxItemBytes;
    }

    /** Measures the run with {@code runOps}: the topology's stages, its Kafka clients, the publisher. */
    public PipelineRun withOps(final Ops runOps) {
        this.ops = runOps;
        return this;
    }

    /**
     * Lets the verifier read the broker's log (the embedded broker's storage folder) to see which records belong to
     * aborted transactions.
     */
    public PipelineRun withBrokerLogDir(final Path logDir) {
        this.brokerLogDir = logDir;
        return this;
    }

    /**
     * Runs {@code inputs} through and reports; gives up when no further input has come out for {@code timeout}.
     */
    public RunReport run(final List<Path> inputs, final Duration timeout) {
        return run(inputs, timeout, loadEnricher(config, console));
    }

    /**
     * Starts loading the enrichment models on another thread, so a caller can start Kafka meanwhile; the models
     * take about a second, as long as a cold broker.
     */
    public static CompletableFuture<Enricher> loadEnricher(final PipelineConfig config, final Console console) {
        return CompletableFuture.supplyAsync(() -> {
            final long loadStart = System.nanoTime();
            final Enricher enricher = Enricher.create(config.enrichment());
            console.note("enrichment models loaded in %.1f s", (System.nanoTime() - loadStart) / 1e9);
            return enricher;
        }, runnable -> new Thread(runnable, "newswire-load-models").start());
    }

    /** As {@link #run(List, Duration)}, with models being loaded by {@link #loadEnricher}. */
    public RunReport run(final List<Path> inputs, final Duration timeout, final CompletableFuture<Enricher> models) {
        final NewswireSerdes serdes = new NewswireSerdes(config.schemaRegistry());
        createTopics(kafka, config, console);
        final Enricher enricher = models.join();

        final Properties streamsKafka = new Properties();
        streamsKafka.putAll(kafka);
        streamsKafka.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        // Enrichment is CPU-bound: one stream thread per core (the user's num.stream.threads wins).
        streamsKafka.putIfAbsent(StreamsConfig.NUM_STREAM_THREADS_CONFIG,
            Integer.toString(Math.min(4, Runtime.getRuntime().availableProcessors())));
        final DeliveryVerifier verifier = new DeliveryVerifier(kafka, config, brokerLogDir);
        final Map<TopicPartition, Long> before = verifier.ends();
        final RunReport report;
        try (StreamsRunner streams = new StreamsRunner(config, streamsKafka, serdes, enricher,
                ops == null ? PipelineMeters.NONE : ops.meters());
             OutputCollector collector = new OutputCollector(kafka, config, serdes)) {
            if (ops != null) {
                ops.bindStreams(streams.streams(), config);
            }
            startAndAwaitRunning(streams);
            final Map<TopicPartition, Long> start = collector.endOffsets();
            collector.seek(start);

            final String runId = "run-" + UUID.randomUUID().toString().substring(0, 8);
            final long publishStart = System.nanoTime();
            final double sinceJvmStart = (System.currentTimeMillis()
                - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime()) / 1e3;
            // Publish on another thread while this one reads the outputs, so the first routed item is seen when
            // it arrives, not after the last input was sent.
            final CompletableFuture<PublishSummary> publishing = CompletableFuture.supplyAsync(
                () -> publish(inputs, runId), runnable -> new Thread(runnable, "newswire-publish").start());
            report = await(streams, collector, runId, publishing, publishStart, timeout, sinceJvmStart);
        }
        // Verified once the topology has stopped, so that its last transaction is closed, not still open.
        final DeliveryReport delivery = verifier.from(before).verify(report.runId(), Duration.ofSeconds(30));
        console.note("verified: %s", delivery.line());
        return report.verified(delivery);
    }

    /** Creates the pipeline's missing topics on the Kafka of {@code kafka}, telling the user which. */
    public static void createTopics(final Properties kafka, final PipelineConfig config, final Console console) {
        try (Admin admin = Admin.create(kafka)) {
            final TopicProvisioner.Provisioned provisioned = new TopicProvisioner(admin).ensureTopics(config);
            if (!provisioned.created().isEmpty()) {
                console.note("created topics %s", String.join(", ", provisioned.created()));
            }
            if (!provisioned.notAllowed().isEmpty()) {
                console.note("not allowed to see or create %s (the cluster admin creates them: 'newswire acls "
                    + "--apply' does)", String.join(", ", provisioned.notAllowed()));
            }
        }
    }

    private void startAndAwaitRunning(final StreamsRunner streams) {
        final CountDownLatch running = new CountDownLatch(1);
        streams.onStateChange((now, before) -> {
            if (now == KafkaStreams.State.RUNNING || now == KafkaStreams.State.ERROR) {
                running.countDown();
            }
        });
        streams.start();
        try {
            // RUNNING once is the start; Streams often rebalances again at once (a follow-up or probing rebalance),
            // so REBALANCING right after it is no failure: that race made about one run in ten fail here.
            if (!running.await(120, TimeUnit.SECONDS) || !streams.state().isRunningOrRebalancing()) {
                throw new IllegalStateException("the topology did not start (state " + streams.state()
                    + "); check that Kafka is reachable and see the log above");
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the topology", e);
        }
    }

    private PublishSummary publish(final List<Path> inputs, final String runId) {
        final InputReader reader = new InputReader(new InputScanner(maxItemBytes),
            new io.newswire.producer.parse.TranscriptParser(Clock.systemUTC()),
            new io.newswire.producer.parse.JsonlParser(Clock.systemUTC()));
        try (WirePublisher publisher = WirePublisher.connect(kafka.getProperty("bootstrap.servers"),
            "newswire-run", config.topics(), Settings.producerOverrides(kafka),
            new NewswireSerdes(config.schemaRegistry()))) {
            publisher.traceAs(runId);
            if (ops != null) {
                ops.bindPublisher(publisher);
            }
            final ProduceJob job = new ProduceJob(reader, publisher, console.fileProgress("reading"),
                rejectFolder(), rejection -> console.note("rejected %s", rejection.describe()));
            final PublishSummary summary = job.run(inputs);
            console.endProgressLine();
            return summary;
        }
    }

    private RejectFolder rejectFolder() {
        if (rejectDir == null) {
            return null;
        }
        try {
            Files.createDirectories(rejectDir);
            return new RejectFolder(rejectDir);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot create the reject folder " + rejectDir + ": " + e.getMessage(), e);
        }
    }

    private RunReport await(final StreamsRunner streams, final OutputCollector collector, final String runId,
                            final CompletableFuture<PublishSummary> publishing, final long publishStart,
                            final Duration timeout, final double secondsBeforePublishing) {
        // The timeout is for silence: it restarts whenever another input is accounted for, so big inputs that
        // keep flowing are never cut short, and a stuck pipeline is given up on after the same wait.
        long deadline = System.nanoTime() + timeout.toNanos();
        double firstRoute = -1;
        PublishSummary published = null;
        long expected = -1;
        Accounting accounting = Accounting.of(runId, List.of(), config);
        while (System.nanoTime() < deadline || published == null) {
            failIfStopped(streams);
            final List<CollectedRecord> polled = collector.poll(Duration.ofMillis(200));
            if (firstRoute < 0 && polled.stream().anyMatch(record -> Trace.ofRun(record.trace(), runId)
                && isRoute(record.topic()))) {
                firstRoute = (System.nanoTime() - publishStart) / 1e9;
            }
            if (published == null && publishing.isDone()) {
                published = publishing.join();
                expected = published.itemsPublished() + published.rejects() - published.deadLettersFailed();
                console.note("published: %s", published.describe());
                published.failures().forEach(failure -> console.note("not published: %s", failure));
            }
            final int before = accounting.accounted();
            accounting = Accounting.of(runId, collector.records(), config);
            if (accounting.accounted() > before || published == null) {
                deadline = System.nanoTime() + timeout.toNanos();
            }
            final boolean done = published != null && accounting.accounted() >= expected;
            if (published != null) {
                console.progress(done, "accounted for %d/%d inputs: %d routed, %d duplicates, %d dead letters",
                    accounting.accounted(), expected, accounting.count(Accounting.Outcome.ROUTED),
                    accounting.count(Accounting.Outcome.DUPLICATE),
                    accounting.count(Accounting.Outcome.DEAD_LETTER));
            }
            if (done) {
                // One more read: a record written twice would show up right behind the last one.
                collector.poll(Duration.ofMillis(500));
                accounting = Accounting.of(runId, collector.records(), config);
                break;
            }
        }
        console.endProgressLine();
        final double seconds = (System.nanoTime() - publishStart) / 1e9;
        final List<CollectedRecord> ofRun = collector.records().stream()
            .filter(record -> Trace.ofRun(record.trace(), runId)).toList();
        final Map<String, Long> counts = new TreeMap<>();
        config.outputTopics().forEach(topic -> counts.put(topic, 0L));
        ofRun.forEach(record -> counts.merge(record.topic(), 1L, Long::sum));
        return new RunReport(runId, published, expected, accounting, ofRun, counts, firstRoute, seconds,
            secondsBeforePublishing, null);
    }

    /** A topology that stopped will not account for the rest: say so now rather than after the timeout. */
    private static void failIfStopped(final StreamsRunner streams) {
        final KafkaStreams.State state = streams.state();
        if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR
            || state == KafkaStreams.State.PENDING_SHUTDOWN || state == KafkaStreams.State.NOT_RUNNING) {
            throw new IllegalStateException("the topology stopped (state " + state + ") before every input came "
                + "out; see the error logged above (records that fail a stage go to the dead-letter topic, so this "
                + "is a problem with Kafka or the state directory)");
        }
    }

    private boolean isRoute(final String topic) {
        return !topic.equals(config.topics().duplicates()) && !topic.equals(config.topics().dlq());
    }
}

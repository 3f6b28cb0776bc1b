package io.newswire.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.newswire.streams.LagAwareClients;
import io.newswire.streams.StreamsRunner;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;

/**
 * One run of a phase's topology on fresh topics and a fresh application id: create the topics, start the topology,
 * start reading the outputs, publish the items (as fast as possible, or at a fixed rate), wait until every item is
 * accounted for, and take the figures; then delete the run's topics and state.
 */
final class MeasuredRun {

    private static final Duration WAIT_STEP = Duration.ofMillis(500);

    private final BenchSetup setup;
    private final BenchTopics topics;
    private final TopicCensus census;

    MeasuredRun(final BenchSetup setup, final Admin admin) {
        this.setup = setup;
        this.topics = new BenchTopics(admin);
        this.census = new TopicCensus(admin, setup.kafka());
    }

    /**
     * Publishes {@code items} as fast as Kafka takes them; measures throughput, CPU, latency, what was written to
     * every topic of the run, and the state left on disk.
     */
    BenchFigures.Saturation saturation(final BenchPhase phase, final List<BenchInput.Item> items) {
        final RunNames names = RunNames.of(setup.benchId(), phase, "", setup.base(), setup.partitions());
        topics.create(names);
        try {
            final Map<TopicPartition, Long> start;
            final CpuMeter.Sample used;
            final BenchFigures.Run run;
            try (OutputWatcher watcher = OutputWatcher.start(setup.kafka(), names, setup.serdes().dedupDecision());
                 ItemPublisher publisher = new ItemPublisher(setup.kafka(), names.applicationId() + "-publisher");
                 BenchStreams streams = startTopology(names)) {
                start = census.endOffsets(census.topicsOf(names));
                final CpuMeter.Sample before = CpuMeter.sample(names.applicationId());
                setup.console().note("%s: publishing %d items as fast as Kafka takes them", names.applicationId(),
                    items.size());
                final PublishLog log = publisher.flood(names.input(), items);
                await(streams, watcher, log.items(), names);
                used = CpuMeter.sample(names.applicationId()).minus(before);
                run = figures(names, log, watcher, streams.dedupHealth());
            }
            // After a clean close: RocksDB has flushed, transactions are committed.
            final List<TopicTraffic> traffic = census.count(names, start);
            final Map<String, Long> state = StateFootprint.measure(setup.stateRoot(), names.applicationId());
            return new BenchFigures.Saturation(run, used.processNanos(), used.streamThreadNanos(), traffic, state);
        } finally {
            cleanUp(names);
        }
    }

    /** Publishes {@code items} at {@code perSecond} on a schedule; measures latency. */
    BenchFigures.Rate paced(final BenchPhase phase, final List<BenchInput.Item> items, final int perSecond) {
        final RunNames names = RunNames.of(setup.benchId(), phase, perSecond + "ps", setup.base(),
            setup.partitions());
        topics.create(names);
        try (OutputWatcher watcher = OutputWatcher.start(setup.kafka(), names, setup.serdes().dedupDecision());
             ItemPublisher publisher = new ItemPublisher(setup.kafka(), names.applicationId() + "-publisher");
             BenchStreams streams = startTopology(names)) {
            setup.console().note("%s: publishing %d items at %d/s (%.0f s)", names.applicationId(), items.size(),
                perSecond, (double) items.size() / perSecond);
            final PublishLog log = publisher.paced(names.input(), items, perSecond);
            await(streams, watcher, log.items(), names);
            return new BenchFigures.Rate(perSecond, figures(names, log, watcher, streams.dedupHealth()));
        } finally {
            cleanUp(names);
        }
    }

    private BenchStreams startTopology(final RunNames names) {
        setup.console().note("%s: starting the topology", names.applicationId());
        if (names.phase() != BenchPhase.PASSTHROUGH) {
            // As StreamsRunner.start does: in schema registry mode the output topics' schemas are registered before
            // the topology runs (nothing in single-object mode).
            StreamsRunner.registerOutputSchemas(names.config(), setup.serdes());
        }
        final LagAwareClients clients = new LagAwareClients();
        return BenchStreams.start(BenchTopologies.of(names, setup.serdes(), setup.enricher(), clients),
            BenchStreams.properties(names.config(), setup.kafka(), setup.stateRoot(), setup.threads()), clients);
    }

    /** Waits until every item is accounted for; fails when the topology stops or nothing more comes for a while. */
    private void await(final BenchStreams streams, final OutputWatcher watcher, final int expected,
                       final RunNames names) {
        int lastCount = -1;
        long lastChange = System.nanoTime();
        try {
            while (!watcher.awaitAccounted(expected, WAIT_STEP)) {
                streams.failIfStopped();
                final int count = watcher.accounted();
                if (count != lastCount) {
                    lastCount = count;
                    lastChange = System.nanoTime();
                } else if (System.nanoTime() - lastChange > setup.silence().toNanos()) {
                    throw new IllegalStateException(names.applicationId() + ": " + count + " of " + expected
                        + " items accounted for, and no more for " + setup.silence().toSeconds() + " s; see the log "
                        + "above (a larger --timeout helps on a slow machine)");
                }
                setup.console().progress(false, "%s: %d/%d items accounted for", names.applicationId(), count,
                    expected);
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + names.applicationId(), e);
        }
        setup.console().progress(true, "%s: %d/%d items accounted for", names.applicationId(), watcher.accounted(),
            expected);
        setup.console().endProgressLine();
    }

    private static BenchFigures.Run figures(final RunNames names, final PublishLog log, final OutputWatcher watcher,
                                            final DedupHealth dedup) {
        final long start = log.firstSendNanos();
        final double firstCopy = watcher.firstCopyNanos() < 0 ? -1 : (watcher.firstCopyNanos() - start) / 1e9;
        final LatencySummary decisions = names.phase() == BenchPhase.WHOLE
            ? latencies(log.sentAtMs(), watcher.decisionAtMs()) : LatencySummary.NONE;
        return new BenchFigures.Run(names.applicationId(), log.items(), watcher.accounted(),
            (watcher.lastAccountedNanos() - start) / 1e9, log.sendingSeconds(), firstCopy,
            latencies(log.sentAtMs(), watcher.firstCopyAtMs()), decisions, dedup);
    }

    /** Per item seen: when it was seen minus when it was sent. */
    private static LatencySummary latencies(final Map<String, Long> sentAtMs, final Map<String, Long> seenAtMs) {
        final List<Long> latencies = new ArrayList<>();
        sentAtMs.forEach((id, sent) -> {
            final Long seen = seenAtMs.get(id);
            if (seen != null) {
                latencies.add(seen - sent);
            }
        });
        return LatencySummary.of(latencies);
    }

    /**
     * Deletes the run's topics and its state folder: the figures are taken, and a long bench would otherwise fill
     * the disk. Reports what it cannot delete rather than hide the run's own failure.
     */
    private void cleanUp(final RunNames names) {
        try {
            final List<String> owned = census.topicsOf(names);
            if (!owned.isEmpty()) {
                topics.delete(owned, setup.console());
            }
        } catch (final RuntimeException e) {
            setup.console().note("could not delete the topics of %s: %s", names.applicationId(), e.getMessage());
        }
        final Path state = setup.stateRoot().resolve(names.applicationId());
        if (Files.isDirectory(state)) {
            try (Stream<Path> paths = Files.walk(state)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (final IOException e) {
                setup.console().note("could not delete %s: %s", state, e.getMessage());
            }
        }
    }
}

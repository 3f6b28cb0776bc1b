package io.newswire.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import io.newswire.app.pipeline.DeliveryReport;
import io.newswire.app.pipeline.DeliveryVerifier;
import io.newswire.app.pipeline.TestInputs;
import io.newswire.broker.testing.SharedKafka;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code newswire streams} killed with SIGKILL several times while items flow, as Kafka's own
 * {@code streams_eos_test} does: restarted on the same state directory each time, and once more with the state
 * directory wiped. The verifier must then find every input out exactly once, nothing of an aborted transaction visible,
 * and no transaction left open — and at least one aborted transaction, or no kill landed inside one and the test
 * proved nothing. The size is set by {@code -Dnewswire.faults.items} and {@code -Dnewswire.faults.kills} (the README's
 * soak runs 20,000 items and 8 kills).
 */
class StreamsKillIT {

    private static final int ITEMS = Integer.getInteger("newswire.faults.items", 2_000);
    private static final int KILLS = Integer.getInteger("newswire.faults.kills", 3);
    private static final int RATE = Integer.getInteger("newswire.faults.rate", 100);

    @TempDir
    Path temp;

    @Test
    @Timeout(value = 15, unit = java.util.concurrent.TimeUnit.MINUTES)
    void shouldLoseAndDoubleNothingWhenTheTopologyIsKilledAgainAndAgain() throws Exception {
        final Path stateDir = temp.resolve("state");
        final Properties pipeline = TestInputs.isolatedTopics();
        // Static membership: the restarted instance takes its partitions back at once instead of waiting for the
        // killed member's session to time out, as a supervisor-restarted deployment would run.
        pipeline.setProperty("group.instance.id", "kill-test");
        final String servers = SharedKafka.bootstrapServers();
        final List<String> recoveries = new ArrayList<>();
        try (FaultRig rig = new FaultRig(servers, FaultRig.childSettings(pipeline, stateDir), temp);
             WireFeed feed = WireFeed.of(ITEMS, servers, rig.config(), "kills").start(RATE);
             NewswireProcess streams = NewswireProcess.start("streams", FaultRig.logFile(getClass(), "streams"),
                 FaultRig.streamsArgs(servers, rig.configFile()).toArray(String[]::new))) {
            final int perKill = ITEMS / (KILLS + 2);
            for (int kill = 1; kill <= KILLS + 1; kill++) {
                final long committed = Math.max(0, rig.committedOutputs());
                Awaitility.await("outputs after restart " + (kill - 1)).atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> rig.committedOutputs() >= committed + perKill || !streams.isAlive());
                assertThat(streams.isAlive()).as(streams.output()).isTrue();
                streams.kill9();
                final long killedAt = System.nanoTime();
                final long before = Math.max(0, rig.committedOutputs());
                final boolean wipe = kill == KILLS + 1;
                if (wipe) {
                    deleteRecursively(stateDir);
                }
                streams.restart();
                Awaitility.await("outputs after kill " + kill).atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(100)).until(() -> rig.committedOutputs() > before);
                recoveries.add(String.format("kill %d%s: %.1f s to the next committed output", kill,
                    wipe ? " (state wiped)" : "", (System.nanoTime() - killedAt) / 1e9));
            }
            assertThat(feed.awaitPublished(300).allPublished()).isTrue();
            Awaitility.await("every input accounted for").atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(200)).until(() -> rig.accounted(feed.runId()) >= ITEMS
                    || !streams.isAlive());
            // 143 is the JVM's exit status after SIGTERM, once its shutdown hook has closed the topology.
            assertThat(streams.terminate()).as("a clean stop after the kills").isIn(0, 143);

            final DeliveryReport report = new DeliveryVerifier(rig.kafka(), rig.config(),
                SharedKafka.broker().storageDirectory()).verify(feed.runId(), Duration.ofSeconds(30));
            System.out.println("StreamsKillIT: " + report.line());
            recoveries.forEach(recovery -> System.out.println("StreamsKillIT: " + recovery));

            assertThat(report.examples()).as(report.line()).isEmpty();
            assertThat(report.inputs()).isEqualTo(ITEMS);
            assertThat(report.holds()).as(report.line()).isTrue();
            assertThat(report.abortedVisible()).isZero();
            assertThat(report.abortedTransactions()).as("a kill landed inside a transaction").isPositive();
        }
    }

    private static void deleteRecursively(final Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (final Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}

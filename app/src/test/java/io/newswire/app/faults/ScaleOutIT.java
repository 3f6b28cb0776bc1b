package io.newswire.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import io.newswire.app.pipeline.DeliveryReport;
import io.newswire.app.pipeline.DeliveryVerifier;
import io.newswire.app.pipeline.TestInputs;
import io.newswire.broker.testing.SharedKafka;
import io.newswire.schema.serde.NewswireSerdes;
import io.newswire.streams.PipelineMeters;
import io.newswire.streams.StreamsRunner;
import io.newswire.streams.enrich.Enricher;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Instances of the topology joining and leaving while items flow — 1, then 2, then 3, then 2 — and one of them
 * stalled on a record past {@code max.poll.interval.ms}: its consumer leaves the group, its tasks move to the others,
 * and when it wakes its transaction is fenced and it rejoins. Two instances are {@code newswire streams} child JVMs;
 * the one that stalls runs in this JVM, so that only its stream thread stops (its heartbeats go on, as in a slow call
 * to a remote service), which a signal to a whole process cannot do. The verifier must find every input once.
 */
class ScaleOutIT {

    private static final int ITEMS = Integer.getInteger("newswire.faults.scale.items", 1_000);
    /** Slow enough that items still flow when the third instance has joined and stalls. */
    private static final int RATE = 15;
    private static final Duration MAX_POLL_INTERVAL = Duration.ofSeconds(8);

    @TempDir
    Path temp;

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void shouldLoseAndDoubleNothingWhileInstancesComeAndGoAndOneIsFenced() throws Exception {
        final String servers = SharedKafka.bootstrapServers();
        final Properties pipeline = TestInputs.isolatedTopics();
        final List<KafkaStreams.State> stalledStates = new CopyOnWriteArrayList<>();
        final StallOnce stall = new StallOnce(MAX_POLL_INTERVAL.plusSeconds(4));
        try (FaultRig rig = new FaultRig(servers, FaultRig.childSettings(pipeline, temp.resolve("a")), temp);
             WireFeed feed = WireFeed.of(ITEMS, servers, rig.config(), "scale").start(RATE);
             NewswireProcess first = NewswireProcess.start("a", FaultRig.logFile(getClass(), "a"),
                 FaultRig.streamsArgs(servers, rig.configFile()).toArray(String[]::new))) {
            // A little progress at each step (about 30 items): the feed must still be flowing when the stall comes.
            final int step = 60;
            awaitMoreOutputs(rig, step, first);

            final Properties second = new Properties();
            second.setProperty("state.dir", temp.resolve("b").toString());
            try (NewswireProcess other = NewswireProcess.start("b", FaultRig.logFile(getClass(), "b"),
                    FaultRig.streamsArgs(servers, rig.configFile("b", second)).toArray(String[]::new))) {
                awaitMoreOutputs(rig, step, first);

                final Properties third = rig.kafka();
                third.put(StreamsConfig.STATE_DIR_CONFIG, temp.resolve("c").toString());
                third.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "1");
                third.put(StreamsConfig.consumerPrefix("max.poll.interval.ms"),
                    Long.toString(MAX_POLL_INTERVAL.toMillis()));
                try (StreamsRunner stalling = new StreamsRunner(rig.config(), third, new NewswireSerdes(),
                        Enricher.create(rig.config().enrichment()), stall)) {
                    stalling.onStateChange((now, before) -> stalledStates.add(now));
                    stalling.start();
                    Awaitility.await("the third instance running").atMost(Duration.ofMinutes(2))
                        .until(() -> stalling.state() == KafkaStreams.State.RUNNING);
                    awaitMoreOutputs(rig, step, first);

                    assertThat(feed.sent()).as("items still to come for the stall").isLessThan(ITEMS - 200);
                    stall.arm();
                    Awaitility.await("the stall to begin and end").atMost(Duration.ofMinutes(2))
                        .until(stall::over);
                    final int statesBeforeWaking = stalledStates.size();
                    Awaitility.await("the stalled instance to rejoin").atMost(Duration.ofMinutes(2))
                        .until(() -> stalledStates.size() > statesBeforeWaking
                            && stalling.state() == KafkaStreams.State.RUNNING);
                    awaitMoreOutputs(rig, step, first);

                    assertThat(other.terminate()).as("b leaves: 3 -> 2").isIn(0, 143);
                    awaitMoreOutputs(rig, step, first);

                    assertThat(feed.awaitPublished(300).allPublished()).isTrue();
                    Awaitility.await("every input accounted for").atMost(Duration.ofMinutes(5))
                        .pollInterval(Duration.ofMillis(200)).until(() -> rig.accounted(feed.runId()) >= ITEMS);
                    stalling.close(Duration.ofSeconds(60));
                }
                assertThat(first.terminate()).isIn(0, 143);
            }

            final DeliveryReport report = new DeliveryVerifier(rig.kafka(), rig.config(),
                SharedKafka.broker().storageDirectory()).verify(feed.runId(), Duration.ofSeconds(30));
            System.out.println("ScaleOutIT: " + report.line());
            System.out.println("ScaleOutIT: states of the stalled instance " + stalledStates);

            assertThat(stalledStates).as("the stalled instance lost its tasks and rejoined")
                .contains(KafkaStreams.State.REBALANCING);
            assertThat(report.examples()).as(report.line()).isEmpty();
            assertThat(report.inputs()).isEqualTo(ITEMS);
            assertThat(report.holds()).as(report.line()).isTrue();
            assertThat(report.abortedVisible()).isZero();
        }
    }

    private static void awaitMoreOutputs(final FaultRig rig, final int count, final NewswireProcess watched) {
        System.out.printf("ScaleOutIT: %tT committed outputs %d%n", System.currentTimeMillis(), rig.committedOutputs());
        final long committed = Math.max(0, rig.committedOutputs());
        Awaitility.await("more outputs").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
            .until(() -> rig.committedOutputs() >= committed + count || !watched.isAlive());
        assertThat(watched.isAlive()).as(watched.output()).isTrue();
    }

    /** Meters that, once armed, hold the stream thread on its next record for a set time: a stalled processor. */
    private static final class StallOnce implements PipelineMeters {

        private final Duration length;
        private final AtomicBoolean armed = new AtomicBoolean();
        private final AtomicBoolean over = new AtomicBoolean();

        StallOnce(final Duration length) {
            this.length = length;
        }

        void arm() {
            armed.set(true);
        }

        boolean over() {
            return over.get();
        }

        @Override
        public void itemIn() {
            if (armed.compareAndSet(true, false)) {
                // The stall itself, not a wait for something: the thread is held past max.poll.interval.ms.
                final long until = System.nanoTime() + length.toNanos();
                while (System.nanoTime() < until) {
                    LockSupport.parkNanos(until - System.nanoTime());
                }
                over.set(true);
            }
        }
    }
}

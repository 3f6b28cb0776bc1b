package io.newswire.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.newswire.app.pipeline.DeliveryReport;
import io.newswire.app.pipeline.DeliveryVerifier;
import io.newswire.app.pipeline.TestInputs;
import org.apache.kafka.clients.admin.Admin;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker under a running pipeline, as Kafka's {@code streams_broker_bounce_test} does: {@code newswire broker}
 * runs as a child JVM and is stopped and restarted on the same data folder three times while items flow, then killed
 * with SIGKILL once. The publisher and the topology ({@code newswire streams}, another child) must resume by
 * themselves — neither is restarted — and the verifier must find every input out exactly once. Prints the longest
 * stall: from a broker's stop to the next committed output.
 */
class BrokerBounceIT {

    private static final int ITEMS = Integer.getInteger("newswire.faults.items", 1_500);
    private static final int BOUNCES = Integer.getInteger("newswire.faults.bounces", 3);
    private static final int RATE = Integer.getInteger("newswire.faults.rate", 100);

    @TempDir
    Path temp;

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void shouldResumeByItselfAndLoseAndDoubleNothingWhenTheBrokerBounces() throws Exception {
        final Path data = temp.resolve("kafka");
        final int port = freePort();
        final String servers = "localhost:" + port;
        final List<String> stalls = new ArrayList<>();
        double longest = 0;
        try (NewswireProcess broker = NewswireProcess.start("broker", FaultRig.logFile(getClass(), "broker"), "broker",
                "--data", data.toString(), "--port", Integer.toString(port), "--http-port", "-1")) {
            awaitBroker(servers, broker);
            final Properties pipeline = TestInputs.isolatedTopics();
            try (FaultRig rig = new FaultRig(servers, FaultRig.childSettings(pipeline, temp.resolve("state")), temp);
                 WireFeed feed = WireFeed.of(ITEMS, servers, rig.config(), "bounces").start(RATE);
                 NewswireProcess streams = NewswireProcess.start("streams", FaultRig.logFile(getClass(), "streams"),
                     FaultRig.streamsArgs(servers, rig.configFile()).toArray(String[]::new))) {
                final int perBounce = ITEMS / (BOUNCES + 3);
                for (int bounce = 1; bounce <= BOUNCES + 1; bounce++) {
                    final long committed = Math.max(0, rig.committedOutputs());
                    Awaitility.await("outputs before bounce " + bounce).atMost(Duration.ofMinutes(3))
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> rig.committedOutputs() >= committed + perBounce || !streams.isAlive());
                    assertThat(streams.isAlive()).as(streams.output()).isTrue();
                    final long before = rig.committedOutputs();
                    final boolean kill = bounce == BOUNCES + 1;
                    final long stoppedAt = System.nanoTime();
                    if (kill) {
                        broker.kill9();
                    } else {
                        assertThat(broker.terminate()).as(broker.output()).isIn(0, 143);
                    }
                    broker.restart();
                    Awaitility.await("outputs after bounce " + bounce).atMost(Duration.ofMinutes(3))
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> rig.committedOutputs() > before || !streams.isAlive());
                    assertThat(streams.isAlive()).as("the topology rode out the bounce: " + streams.output()).isTrue();
                    final double stall = (System.nanoTime() - stoppedAt) / 1e9;
                    longest = Math.max(longest, stall);
                    stalls.add(String.format("bounce %d (%s): %.1f s from the stop to the next committed output",
                        bounce, kill ? "SIGKILL" : "stop and start", stall));
                }
                assertThat(feed.awaitPublished(300).allPublished()).as("the publisher rode out the bounces").isTrue();
                Awaitility.await("every input accounted for").atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofMillis(200)).until(() -> rig.accounted(feed.runId()) >= ITEMS
                        || !streams.isAlive());
                assertThat(streams.terminate()).isIn(0, 143);

                final DeliveryReport report = new DeliveryVerifier(rig.kafka(), rig.config(), data)
                    .verify(feed.runId(), Duration.ofSeconds(30));
                System.out.println("BrokerBounceIT: " + report.line());
                stalls.forEach(stall -> System.out.println("BrokerBounceIT: " + stall));
                System.out.printf("BrokerBounceIT: longest stall %.1f s%n", longest);

                assertThat(report.examples()).as(report.line()).isEmpty();
                assertThat(report.inputs()).isEqualTo(ITEMS);
                assertThat(report.holds()).as(report.line()).isTrue();
                assertThat(report.abortedVisible()).isZero();
            }
        }
    }

    private static void awaitBroker(final String servers, final NewswireProcess broker) {
        final Properties props = new Properties();
        props.setProperty("bootstrap.servers", servers);
        props.setProperty("default.api.timeout.ms", "5000");
        props.setProperty("request.timeout.ms", "2000");
        try (Admin admin = Admin.create(props)) {
            Awaitility.await("the broker").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptions().until(() -> {
                    assertThat(broker.isAlive()).as(broker.output()).isTrue();
                    return admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() == 1;
                });
        }
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

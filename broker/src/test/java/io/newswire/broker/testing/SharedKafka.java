package io.newswire.broker.testing;

import io.newswire.broker.EmbeddedKafkaBroker;

/**
 * One embedded Kafka broker per JVM for the integration tests of every module: started on first use, closed
 * by a shutdown hook, because starting a broker costs seconds and a test class should not pay that each time.
 *
 * <p>Tests share it, so each test uses its own topic names, consumer group ids and transactional ids.
 */
public final class SharedKafka {

    // One broker for the whole JVM is the point of this class; access is guarded by SharedKafka.class.
    private static EmbeddedKafkaBroker broker;

    private SharedKafka() {
    }

    /** The running shared broker, started by the first call (which blocks for a few seconds). */
    public static synchronized EmbeddedKafkaBroker broker() {
        if (broker == null) {
            final EmbeddedKafkaBroker started = EmbeddedKafkaBroker.builder().build().start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "newswire-shared-kafka-shutdown"));
            broker = started;
        }
        return broker;
    }

    /** {@code localhost:<port>} of the shared broker, starting it if needed. */
    public static String bootstrapServers() {
        return broker().bootstrapServers();
    }
}

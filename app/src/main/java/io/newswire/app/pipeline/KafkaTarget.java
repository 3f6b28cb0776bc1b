package io.newswire.app.pipeline;

import java.nio.file.Path;
import java.util.Properties;

import io.newswire.app.Console;
import io.newswire.broker.EmbeddedKafkaBroker;
import io.newswire.broker.LocalSecurity;

/**
 * The Kafka a command talks to: the cluster named by bootstrap.servers, or else an embedded broker started here
 * (storage in a folder the user chooses, or a temporary one) and stopped on close.
 */
public final class KafkaTarget implements AutoCloseable {

    /**
     * The embedded broker's group and transaction coordinator topics get a few partitions instead of Kafka's 50:
     * one node needs no more, and creating 50 partitions costs seconds on the first transaction of a cold run.
     */
    private static final String COORDINATOR_PARTITIONS = "4";

    private final EmbeddedKafkaBroker broker;
    private final String bootstrapServers;
    private final LocalSecurity security;

    private KafkaTarget(final EmbeddedKafkaBroker broker, final String bootstrapServers, final LocalSecurity security) {
        this.broker = broker;
        this.bootstrapServers = bootstrapServers;
        this.security = security;
    }

    /** The external cluster at {@code bootstrapServers}. */
    public static KafkaTarget external(final String bootstrapServers) {
        return new KafkaTarget(null, bootstrapServers, null);
    }

    /**
     * Starts an embedded broker.
     *
     * @param storage its storage folder (kept across runs), or null for a temporary one removed on close
     * @param port    its port, 0 for any free one
     */
    public static KafkaTarget embedded(final Path storage, final int port, final Console console) {
        return embedded(storage, port, null, console);
    }

    /**
     * Starts an embedded broker whose clients must authenticate as one of {@code security}'s principals, under ACLs.
     *
     * @param storage  its storage folder (kept across runs), or null for a temporary one removed on close
     * @param security the listener security and the material to use, or null for a plaintext broker
     */
    public static KafkaTarget embedded(final Path storage, final int port, final LocalSecurity security,
                                       final Console console) {
        final long start = System.nanoTime();
        final EmbeddedKafkaBroker.Builder builder = EmbeddedKafkaBroker.builder()
            .port(port)
            .brokerProperty("offsets.topic.num.partitions", COORDINATOR_PARTITIONS)
            .brokerProperty("transaction.state.log.num.partitions", COORDINATOR_PARTITIONS)
            .brokerProperty("message.max.bytes", Integer.toString(io.newswire.schema.config.Limits.MAX_MESSAGE_BYTES))
            // newswire creates its topics itself; a mistyped topic name (e.g. in tail) must not create one.
            .brokerProperty("auto.create.topics.enable", "false");
        if (storage != null) {
            builder.storageDirectory(storage);
        }
        if (security != null) {
            security.configure(builder);
        }
        final EmbeddedKafkaBroker broker = builder.build().start();
        console.note("embedded Kafka broker at %s (%s, storage %s) started in %.1f s", broker.bootstrapServers(),
            security == null ? "plaintext" : security.mode().label(), broker.storageDirectory(),
            (System.nanoTime() - start) / 1e9);
        return new KafkaTarget(broker, broker.bootstrapServers(), security);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The embedded broker's log directory, or null for an external cluster (whose logs are not at hand). */
    public java.nio.file.Path logDirectory() {
        return broker == null ? null : broker.storageDirectory();
    }

    /**
     * {@code kafka} with this target's bootstrap.servers; for a secured embedded broker, over the super user's
     * security settings (which {@code kafka} may override, to connect as another principal).
     */
    public Properties clientProperties(final Properties kafka) {
        final Properties props = new Properties();
        if (security != null) {
            props.putAll(security.clientSecurity(LocalSecurity.ADMIN));
        }
        props.putAll(kafka);
        props.setProperty("bootstrap.servers", bootstrapServers);
        return props;
    }

    @Override
    public void close() {
        if (broker != null) {
            broker.close();
        }
    }
}

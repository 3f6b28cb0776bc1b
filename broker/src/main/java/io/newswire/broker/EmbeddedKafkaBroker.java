package io.newswire.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.metadata.properties.MetaProperties;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka (broker and KRaft controller in one {@link KafkaRaftServer}) running in this JVM
 * on a storage directory formatted like {@code kafka-storage.sh format}; clients connect to
 * {@link #bootstrapServers()}, and topics and records survive a restart on the same directory.
 *
 * <pre>{@code
 * try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.builder().storageDirectory(dir).port(9092).build().start()) {
 *     kafka.createTopics(Map.of("news.raw", 3));
 *     ... clients use kafka.bootstrapServers() ...
 * }
 * }</pre>
 *
 * <p>Thread-safe; {@link #start()} and {@link #close()} are serialized, so a shutdown hook's close waits for a
 * start in progress.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private static final String HOST = "localhost";
    private static final String BROKER_LISTENER = "PLAINTEXT";
    /** The client listener of a secured broker; {@link LocalSecurity} configures it as {@code listener.name.secure.}. */
    static final String SECURE_LISTENER = "SECURE";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String LOCK_FILE = ".lock";
    private static final Duration ADMIN_CLOSE_TIMEOUT = Duration.ofSeconds(5);

    /** Keys this class derives from the builder; setting them as raw properties would break its promises. */
    private static final Map<String, String> RESERVED_PROPERTIES = Map.ofEntries(
        Map.entry("process.roles", "this broker is always broker and controller"),
        Map.entry("node.id", "use nodeId(int)"),
        Map.entry("broker.id", "use nodeId(int)"),
        Map.entry("listeners", "use port(int) and controllerPort(int)"),
        Map.entry("controller.listener.names", "the controller listener is always " + CONTROLLER_LISTENER),
        Map.entry("controller.quorum.voters", "use controllerPort(int)"),
        Map.entry("controller.quorum.bootstrap.servers", "the quorum is this node alone"),
        Map.entry("log.dirs", "use storageDirectory(Path)"),
        Map.entry("log.dir", "use storageDirectory(Path)"),
        Map.entry("metadata.log.dir", "use storageDirectory(Path)"),
        Map.entry("num.partitions", "use numPartitions(int)"));

    /*
     * Storage directories held by brokers of this JVM. Kafka locks its log directory with a POSIX file lock,
     * and such locks belong to the process: a second broker of the same JVM that merely opens and closes the
     * lock file to test it silently releases the first broker's lock for every other process. So a directory
     * already used in this JVM is refused here, before anyone touches its lock file.
     */
    private static final Set<Path> STORAGE_IN_USE_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

    private enum State { NEW, RUNNING, CLOSED }

    private final Path requestedStorage;
    private final int requestedPort;
    private final int requestedControllerPort;
    private final int nodeId;
    private final String requestedClusterId;
    private final int numPartitions;
    private final Map<String, String> brokerProperties;
    private final Duration startTimeout;
    private final ListenerSecurity security;

    private State state = State.NEW;
    private Path storage;
    private boolean storageIsTemporary;
    private boolean storageClaimed;
    private int port;
    private int controllerPort;
    private String clusterId;
    private KafkaRaftServer server;
    private Admin admin;

    private EmbeddedKafkaBroker(final Builder builder) {
        this.requestedStorage = builder.storageDirectory;
        this.requestedPort = builder.port;
        this.requestedControllerPort = builder.controllerPort;
        this.nodeId = builder.nodeId;
        this.requestedClusterId = builder.clusterId;
        this.numPartitions = builder.numPartitions;
        this.brokerProperties = Map.copyOf(builder.brokerProperties);
        this.startTimeout = builder.startTimeout;
        this.security = builder.security;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Formats the storage directory if it is new, starts Kafka and blocks until a client can talk to it.
     *
     * @return this broker, running
     * @throws BrokerStartException saying what was wrong (port in use, storage locked or formatted for another
     *                              node, no answer in time) and what to do; the broker is then closed
     */
    public synchronized EmbeddedKafkaBroker start() {
        if (state != State.NEW) {
            throw new IllegalStateException("An EmbeddedKafkaBroker starts once; build a new one to start again");
        }
        final long startNanos = System.nanoTime();
        final long deadlineNanos = startNanos + startTimeout.toNanos();
        try {
            prepareStorage();
            choosePorts();
            // Validated before formatting, so that a bad broker property leaves a new directory untouched.
            final KafkaConfig config =
                KafkaConfig.fromProps(toProperties(serverProperties(storage, port, controllerPort)), false);
            clusterId = formatOrVerifyStorage();
            server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            admin = Admin.create(adminProperties());
            awaitAnswer(deadlineNanos);
            state = State.RUNNING;
            LOG.info("Kafka broker ready at {} in {} ms (cluster {}, storage {})", bootstrapAddress(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos), clusterId, storage);
            return this;
        } catch (final RuntimeException e) {
            final BrokerStartException failure = explain(e);
            releaseEverything(failure);
            state = State.CLOSED;
            throw failure;
        }
    }

    /** {@code localhost:<port>}, for the {@code bootstrap.servers} of clients. */
    public synchronized String bootstrapServers() {
        requireRunning();
        return bootstrapAddress();
    }

    /** The port clients connect to: the one asked for, or the free one picked for 0. */
    public synchronized int port() {
        requireRunning();
        return port;
    }

    public synchronized int controllerPort() {
        requireRunning();
        return controllerPort;
    }

    /** The cluster id stored in the storage directory: kept across restarts on the same directory. */
    public synchronized String clusterId() {
        requireRunning();
        return clusterId;
    }

    public synchronized Path storageDirectory() {
        requireRunning();
        return storage;
    }

    /**
     * Creates the topics that do not exist yet, each with the given number of partitions and one replica;
     * topics that already exist are left as they are (even if their partition count differs).
     */
    public void createTopics(final Map<String, Integer> partitionsByTopic) {
        final List<NewTopic> topics = new ArrayList<>();
        partitionsByTopic.forEach((name, partitions) ->
            topics.add(new NewTopic(name, Optional.of(partitions), Optional.empty())));
        createTopics(topics);
    }

    /** Like {@link #createTopics(Map)}, for topics that need their own configuration (compaction, retention). */
    public void createTopics(final Collection<NewTopic> topics) {
        final Admin client = runningAdmin();
        final Map<String, KafkaFuture<Void>> results = client.createTopics(topics).values();
        for (final Map.Entry<String, KafkaFuture<Void>> result : results.entrySet()) {
            try {
                result.getValue().get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (final ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new KafkaException("Could not create topic " + result.getKey() + " on " + bootstrapAddress()
                        + ": " + e.getCause().getMessage(), e.getCause());
                }
            } catch (final TimeoutException e) {
                throw new KafkaException("Topic " + result.getKey() + " was not created within "
                    + startTimeout.toSeconds() + " s on " + bootstrapAddress(), e);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KafkaException("Interrupted while creating topic " + result.getKey(), e);
            }
        }
    }

    /**
     * Shuts Kafka down cleanly (so the next start on the same directory skips log recovery) and removes the
     * storage directory if it was a temporary one. Calling it again does nothing.
     */
    @Override
    public synchronized void close() {
        if (state == State.CLOSED) {
            return;
        }
        final boolean wasRunning = state == State.RUNNING;
        state = State.CLOSED;
        if (wasRunning) {
            LOG.info("Stopping Kafka broker at {}", bootstrapAddress());
            final RuntimeException failure = new IllegalStateException("Kafka broker did not close cleanly");
            releaseEverything(failure);
            if (failure.getSuppressed().length > 0) {
                throw failure;
            }
        }
    }

    /** The server configuration; package-private so a test can check Kafka knows every key. */
    Map<String, String> serverProperties(final Path storageDirectory, final int brokerPort, final int quorumPort) {
        final Map<String, String> properties = new LinkedHashMap<>();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", Integer.toString(nodeId));
        final String clientListener = security == null ? BROKER_LISTENER : SECURE_LISTENER;
        properties.put("listeners", clientListener + "://" + HOST + ":" + brokerPort + ","
            + CONTROLLER_LISTENER + "://" + HOST + ":" + quorumPort);
        properties.put("advertised.listeners", clientListener + "://" + HOST + ":" + brokerPort);
        // Secured, the broker's own traffic (transaction markers, which it sends to itself) also uses the secured
        // client listener as the super user: no plaintext listener is left for anyone to bypass the ACLs through.
        // The controller listener is not advertised, but a client could still name it in bootstrap.controllers:
        // secured, it speaks TLS with client certificates required (LocalSecurity), so only holders of a certificate
        // from the local CA get in, each as its own principal under the same ACLs.
        properties.put("listener.security.protocol.map", security == null
            ? BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT"
            : SECURE_LISTENER + ":" + security.clientProtocol() + "," + CONTROLLER_LISTENER + ":"
                + security.controllerProtocol());
        properties.put("inter.broker.listener.name", clientListener);
        properties.put("controller.listener.names", CONTROLLER_LISTENER);
        // Static voters (kraft.version 0): the voter's address lives in this config, not in the storage, so a
        // restart may use another controller port.
        properties.put("controller.quorum.voters", nodeId + "@" + HOST + ":" + quorumPort);
        properties.put("log.dirs", storageDirectory.toString());
        properties.put("num.partitions", Integer.toString(numPartitions));
        // Kafka's internal topics ask for 3 replicas by default, which one node cannot host.
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        // Nobody else will join a group here; the default 3 s delay would only slow every first poll.
        properties.put("group.initial.rebalance.delay.ms", "0");
        // The log cleaner allocates this on the heap up front: Kafka's 128 MiB default is most of the broker's heap
        // (measured: 169 MiB used after start, 56 MiB with 16 MiB), while 16 MiB still compacts ~600k keys a pass.
        properties.put("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024));
        // Without a bound, KafkaRaftServer.startup() waits forever for, e.g., a controller that never comes.
        properties.put("server.max.startup.time.ms", Long.toString(startTimeout.toMillis()));
        properties.putAll(brokerProperties);
        return properties;
    }

    private void prepareStorage() {
        try {
            if (requestedStorage == null) {
                storage = Files.createTempDirectory("newswire-kafka-").toRealPath();
                storageIsTemporary = true;
            } else {
                storage = Files.createDirectories(requestedStorage).toRealPath();
            }
        } catch (final IOException e) {
            throw new BrokerStartException("Cannot create the Kafka storage directory "
                + Objects.requireNonNullElse(requestedStorage, "in " + System.getProperty("java.io.tmpdir"))
                + ": " + e + ". Choose a directory you can write to.", e);
        }
        if (!STORAGE_IN_USE_IN_THIS_JVM.add(storage)) {
            throw new BrokerStartException(storageInUse("another broker of this program"));
        }
        storageClaimed = true;
        requireNotLockedByAnotherProcess();
    }

    private void requireNotLockedByAnotherProcess() {
        // Kafka creates the lock file when it first locks the directory: without one, no Kafka holds it.
        final Path lockFile = storage.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new BrokerStartException(storageInUse("another process"));
            }
        } catch (final OverlappingFileLockException e) {
            throw new BrokerStartException(
                storageInUse("a Kafka server of this JVM that was not started by EmbeddedKafkaBroker"), e);
        } catch (final IOException e) {
            throw new BrokerStartException("Cannot open " + lockFile + " to check whether another Kafka uses "
                + storage + ": " + e + ". Check the directory's permissions.", e);
        }
    }

    private String storageInUse(final String holder) {
        return "The Kafka storage directory " + storage + " is in use by " + holder
            + " (Kafka locks it while running). Stop that broker first, or choose another storage directory.";
    }

    private void choosePorts() {
        if (requestedPort != 0) {
            requirePortFree(requestedPort, "broker");
        }
        if (requestedControllerPort != 0) {
            requirePortFree(requestedControllerPort, "controller");
        }
        final int[] free = freePorts((requestedPort == 0 ? 1 : 0) + (requestedControllerPort == 0 ? 1 : 0));
        int next = 0;
        port = requestedPort != 0 ? requestedPort : free[next++];
        controllerPort = requestedControllerPort != 0 ? requestedControllerPort : free[next];
    }

    /*
     * KafkaRaftServer does not tell which port it bound for a listener on port 0 (only its private
     * BrokerServer's SocketServer knows), and the controller's address must be in controller.quorum.voters
     * before it starts anyway. So the OS picks free ports here, the sockets are closed, and Kafka binds them a
     * second or two later. In that window another process could take one: unlikely, as the OS picks among tens
     * of thousands of ephemeral ports, and if it happens start() fails naming the port (it does not retry, so a
     * failure stays visible). The sockets stay open together so that the two picks differ.
     */
    private static int[] freePorts(final int count) {
        final List<ServerSocket> sockets = new ArrayList<>();
        try {
            final int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                final ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST));
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (final IOException e) {
            throw new BrokerStartException("Cannot find a free port on " + HOST + ": " + e, e);
        } finally {
            for (final ServerSocket socket : sockets) {
                closeProbe(socket);
            }
        }
    }

    /** Fails before Kafka is even created, rather than after the controller has started. */
    private static void requirePortFree(final int candidate, final String role) {
        final ServerSocket probe;
        try {
            probe = new ServerSocket();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            // Kafka binds with SO_REUSEADDR too, so a port whose old connections linger in TIME_WAIT is free.
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(InetAddress.getByName(HOST), candidate));
        } catch (final IOException e) {
            throw new BrokerStartException("The Kafka " + role + " port " + candidate + " on " + HOST
                + " is already in use (" + e.getMessage() + "). Stop the process that listens there (perhaps another"
                + " Kafka broker), or choose another port (0 picks a free one).", e);
        } finally {
            closeProbe(probe);
        }
    }

    private static void closeProbe(final ServerSocket socket) {
        try {
            socket.close();
        } catch (final IOException e) {
            LOG.warn("Could not close port probe on {}", socket.getLocalSocketAddress(), e);
        }
    }

    /** @return the cluster id: the stored one for a formatted directory, otherwise the one just written */
    private String formatOrVerifyStorage() {
        final String directory = storage.toString();
        final MetaPropertiesEnsemble ensemble;
        try {
            ensemble = new MetaPropertiesEnsemble.Loader()
                .addLogDirs(List.of(directory))
                .addMetadataLogDir(directory)
                .load();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!ensemble.errorLogDirs().isEmpty()) {
            throw new BrokerStartException("Cannot read " + MetaPropertiesEnsemble.META_PROPERTIES_NAME + " in the"
                + " Kafka storage directory " + directory + ". Check its permissions, or choose another directory.");
        }
        final MetaProperties stored = ensemble.logDirProps().get(directory);
        if (stored != null) {
            return verifyFormattedForThisNode(stored);
        }
        requireEmpty();
        return format();
    }

    private String verifyFormattedForThisNode(final MetaProperties stored) {
        final OptionalInt storedNodeId = stored.nodeId();
        final Optional<String> storedClusterId = stored.clusterId();
        final String remedy = " Use another storage directory, or delete " + storage
            + " to start afresh (its topics and records are then lost).";
        if (storedNodeId.isEmpty() || storedClusterId.isEmpty()) {
            throw new BrokerStartException("The Kafka storage directory " + storage + " has a "
                + MetaPropertiesEnsemble.META_PROPERTIES_NAME + " without node.id or cluster.id, so it was not"
                + " formatted for a KRaft node." + remedy);
        }
        if (storedNodeId.getAsInt() != nodeId) {
            throw new BrokerStartException("The Kafka storage directory " + storage + " belongs to node.id "
                + storedNodeId.getAsInt() + " (cluster " + storedClusterId.get() + "), but this broker is node.id "
                + nodeId + "." + remedy);
        }
        if (requestedClusterId != null && !requestedClusterId.equals(storedClusterId.get())) {
            throw new BrokerStartException("The Kafka storage directory " + storage + " belongs to cluster "
                + storedClusterId.get() + ", but this broker was asked to be cluster " + requestedClusterId + "."
                + remedy);
        }
        LOG.debug("Reusing Kafka storage {} of cluster {}", storage, storedClusterId.get());
        return storedClusterId.get();
    }

    /** Formatting writes meta.properties next to whatever is there: refuse to take over someone's folder. */
    private void requireEmpty() {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(storage)) {
            if (entries.iterator().hasNext()) {
                throw new BrokerStartException("The directory " + storage + " is not empty and is not a Kafka"
                    + " storage directory (it has no " + MetaPropertiesEnsemble.META_PROPERTIES_NAME + "). Choose"
                    + " an empty or new directory for Kafka's data.");
            }
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String format() {
        final String newClusterId = requestedClusterId != null ? requestedClusterId : Uuid.randomUuid().toString();
        final ByteArrayOutputStream output = new ByteArrayOutputStream();
        // The same settings as `kafka-storage.sh format` for a combined node with controller.quorum.voters set.
        final Formatter formatter = new Formatter()
            .setPrintStream(new PrintStream(output, true, StandardCharsets.UTF_8))
            .setNodeId(nodeId)
            .setClusterId(newClusterId)
            .setDirectories(List.of(storage.toString()))
            .setMetadataLogDirectory(storage.toString())
            .setControllerListenerName(CONTROLLER_LISTENER)
            .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
            .setHasDynamicQuorum(false)
            .setWriteBootstrapSnapshot(true);
        if (security != null && !security.scramArguments().isEmpty()) {
            formatter.setScramArguments(security.scramArguments());
        }
        try {
            formatter.run();
        } catch (final RuntimeException e) {
            throw e;
        } catch (final Exception e) {
            throw new BrokerStartException("Cannot format the Kafka storage directory " + storage + ": " + e, e);
        }
        LOG.debug("Formatted Kafka storage {}: {}", storage, output.toString(StandardCharsets.UTF_8).trim());
        return newClusterId;
    }

    private void awaitAnswer(final long deadlineNanos) {
        final long remainingMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) Math.min(remainingMillis,
                Integer.MAX_VALUE))).nodes().get(remainingMillis, TimeUnit.MILLISECONDS);
        } catch (final ExecutionException | TimeoutException e) {
            throw new BrokerStartException("The Kafka broker at " + bootstrapAddress() + " (storage " + storage
                + ") did not answer within " + startTimeout.toSeconds() + " s of starting: " + e.getMessage()
                + ". See Kafka's warnings above; a slow machine may need a longer start timeout.", e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerStartException("Interrupted while waiting for the Kafka broker to start", e);
        }
    }

    /** Turns what Kafka threw into a message for people, keeping Kafka's exception as the cause. */
    private BrokerStartException explain(final RuntimeException failure) {
        if (failure instanceof BrokerStartException) {
            return (BrokerStartException) failure;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            final String message = String.valueOf(cause.getMessage());
            if (cause instanceof BindException || message.contains("Address already in use")) {
                return new BrokerStartException("Kafka could not listen on " + HOST + " (broker port " + port
                    + ", controller port " + controllerPort + "): " + withoutFinalPeriod(message) + ". Another"
                    + " process holds that port: if you chose it, stop that process (perhaps another Kafka broker) or"
                    + " choose another port (0 picks a free one); if it was picked as free, the other process took it"
                    + " just before Kafka could, and starting again picks another.", failure);
            }
            if (message.contains("Failed to acquire lock")) {
                return new BrokerStartException(storageInUse("another Kafka") + " Kafka said: " + message, failure);
            }
        }
        return new BrokerStartException("The Kafka broker (storage " + storage + ", port " + port + ") failed to"
            + " start: " + failure + ". See Kafka's log lines above for the cause.", failure);
    }

    private static String withoutFinalPeriod(final String message) {
        return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    }

    /** Stops whatever start() got going; problems are added to {@code failure} as suppressed exceptions. */
    private void releaseEverything(final RuntimeException failure) {
        if (admin != null) {
            try {
                admin.close(ADMIN_CLOSE_TIMEOUT);
            } catch (final RuntimeException e) {
                failure.addSuppressed(e);
            }
            admin = null;
        }
        if (server != null) {
            try {
                server.shutdown();
                server.awaitShutdown();
            } catch (final RuntimeException e) {
                failure.addSuppressed(e);
            }
            server = null;
        }
        if (storageClaimed) {
            STORAGE_IN_USE_IN_THIS_JVM.remove(storage);
            storageClaimed = false;
        }
        if (storageIsTemporary) {
            try {
                Utils.delete(storage.toFile());
            } catch (final IOException e) {
                failure.addSuppressed(new IOException("Could not delete temporary Kafka storage " + storage, e));
            }
        }
    }

    private Admin runningAdmin() {
        synchronized (this) {
            requireRunning();
            return admin;
        }
    }

    private void requireRunning() {
        if (state != State.RUNNING) {
            throw new IllegalStateException("The embedded Kafka broker is " + state.name().toLowerCase(Locale.ROOT)
                + ", not running: call start() first");
        }
    }

    private String bootstrapAddress() {
        return HOST + ":" + port;
    }

    /** The readiness check's client: plain, or as the super user of {@link ListenerSecurity#adminClient()}. */
    private Map<String, Object> adminProperties() {
        final Map<String, Object> properties = new LinkedHashMap<>();
        if (security != null) {
            properties.putAll(security.adminClient());
        }
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapAddress());
        return properties;
    }

    private static Properties toProperties(final Map<String, String> map) {
        final Properties properties = new Properties();
        properties.putAll(map);
        return properties;
    }

    /** Settings for an {@link EmbeddedKafkaBroker}; every one has a default suited to tests. */
    public static final class Builder {

        private Path storageDirectory;
        private int port;
        private int controllerPort;
        private int nodeId = 1;
        private String clusterId;
        private int numPartitions = 1;
        private final Map<String, String> brokerProperties = new LinkedHashMap<>();
        private Duration startTimeout = Duration.ofSeconds(60);
        private ListenerSecurity security;

        private Builder() {
        }

        /**
         * Secures the client listener (then named {@code SECURE}) and the controller listener; the authorizer,
         * keystores and users come as {@link #brokerProperties(Map)} (see {@link LocalSecurity}). Default: plaintext.
         */
        public Builder security(final ListenerSecurity listenerSecurity) {
            this.security = Objects.requireNonNull(listenerSecurity, "listenerSecurity");
            return this;
        }

        /**
         * Where Kafka keeps its metadata log, topics and records. A new or empty directory is formatted; one
         * formatted before is reused with its cluster id and data. Default: a temporary directory, deleted by
         * {@link EmbeddedKafkaBroker#close()}.
         */
        public Builder storageDirectory(final Path directory) {
            this.storageDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** The client port ({@code PLAINTEXT} listener); 0, the default, picks a free one. */
        public Builder port(final int brokerPort) {
            this.port = requirePort(brokerPort);
            return this;
        }

        /** The KRaft controller port ({@code CONTROLLER} listener); 0, the default, picks a free one. */
        public Builder controllerPort(final int quorumPort) {
            this.controllerPort = requirePort(quorumPort);
            return this;
        }

        /** Default 1; only matters to reuse a storage directory formatted for another node id. */
        public Builder nodeId(final int id) {
            if (id < 0) {
                throw new IllegalArgumentException("node id must not be negative, was " + id);
            }
            this.nodeId = id;
            return this;
        }

        /** The cluster id to format a new directory with; for an existing one it must match. Default: random. */
        public Builder clusterId(final String id) {
            this.clusterId = Objects.requireNonNull(id, "id");
            return this;
        }

        /** Partitions of topics created without a count (auto-created ones, for example). Default 1. */
        public Builder numPartitions(final int partitions) {
            if (partitions < 1) {
                throw new IllegalArgumentException("a topic needs at least 1 partition, was " + partitions);
            }
            this.numPartitions = partitions;
            return this;
        }

        /** Any other broker configuration, for example {@code log.retention.hours}; it overrides the defaults. */
        public Builder brokerProperty(final String key, final String value) {
            final String reason = RESERVED_PROPERTIES.get(key);
            if (reason != null) {
                throw new IllegalArgumentException("The broker property " + key + " is set by EmbeddedKafkaBroker: "
                    + reason);
            }
            brokerProperties.put(key, Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder brokerProperties(final Map<String, String> properties) {
            properties.forEach(this::brokerProperty);
            return this;
        }

        /** How long {@link EmbeddedKafkaBroker#start()} may take before it fails. Default 60 s. */
        public Builder startTimeout(final Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("start timeout must be positive, was " + timeout);
            }
            this.startTimeout = timeout;
            return this;
        }

        public EmbeddedKafkaBroker build() {
            if (port != 0 && port == controllerPort) {
                throw new IllegalArgumentException("The broker and the controller need different ports, both were "
                    + port);
            }
            return new EmbeddedKafkaBroker(this);
        }

        private static int requirePort(final int candidate) {
            if (candidate < 0 || candidate > 65_535) {
                throw new IllegalArgumentException("a port is between 0 and 65535, was " + candidate);
            }
            return candidate;
        }
    }
}

package io.newswire.broker;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;

/**
 * What a secured embedded broker needs for local use, created once in a folder and reused on every start: a local CA,
 * the broker's keystore, a truststore, a keystore and a SCRAM-SHA-512 password per client principal (random, kept in
 * {@code credentials.properties}), and per principal a client properties file ({@code <principal>.properties}) with
 * which any newswire command, or any Kafka client, connects. Every file is readable by its owner only.
 *
 * <p>The principals: {@value #ADMIN} (super user: creates topics and ACLs), {@value #STREAMS} (the topology),
 * {@value #PRODUCER} (publishes to news.raw), {@value #READER} (a downstream reader), and {@value #BROKER}, the
 * broker itself (super user, for its traffic to itself and to its controller). SCRAM users and certificates both
 * exist whatever the mode, so one folder serves {@code sasl-ssl} and {@code mtls} alike; the mode decides the
 * listener and what the client files hold.
 */
public final class LocalSecurity {

    public static final String ADMIN = "newswire-admin";
    public static final String STREAMS = "newswire-streams";
    public static final String PRODUCER = "newswire-producer";
    public static final String READER = "newswire-reader";
    public static final String BROKER = "newswire-broker";
    /** The client principals, the super user first. */
    public static final List<String> CLIENTS = List.of(ADMIN, STREAMS, PRODUCER, READER);

    static final String SCRAM = "SCRAM-SHA-512";
    private static final String CREDENTIALS = "credentials.properties";
    private static final String CA_KEYSTORE = "ca.p12";
    private static final String TRUSTSTORE = "truststore.p12";
    private static final String PASSWORD_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    /** 24 characters of 62: about 143 bits; letters and digits only, so JAAS and SCRAM arguments need no quoting. */
    private static final int PASSWORD_LENGTH = 24;
    /** {@code CN=newswire-producer} is principal {@code User:newswire-producer}, as the SCRAM user of that name. */
    private static final String PRINCIPAL_MAPPING = "RULE:^CN=([^,]+)$/$1/,DEFAULT";

    private final Path folder;
    private final SecurityMode mode;
    private final Properties credentials;

    private LocalSecurity(final Path folder, final SecurityMode mode, final Properties credentials) {
        this.folder = folder;
        this.mode = mode;
        this.credentials = credentials;
    }

    /**
     * Loads the material of {@code folder}, creating what is missing (all of it on first use).
     *
     * @throws IllegalStateException naming the folder and what to do when it cannot be read or written
     */
    public static LocalSecurity prepare(final Path folder, final SecurityMode mode) {
        Objects.requireNonNull(mode, "mode");
        try {
            final Path absolute = OwnerOnlyFiles.createFolder(folder.toAbsolutePath());
            final Path credentialsFile = absolute.resolve(CREDENTIALS);
            final Properties credentials = new Properties();
            if (Files.exists(credentialsFile)) {
                try (InputStream in = Files.newInputStream(credentialsFile)) {
                    credentials.load(in);
                }
            }
            final LocalSecurity security = new LocalSecurity(absolute, mode, credentials);
            security.createMissing(credentialsFile);
            return security;
        } catch (final IOException e) {
            throw new IllegalStateException("cannot prepare the security material in " + folder + ": " + e.getMessage()
                + ". Check that the folder is yours and writable, or choose another --data folder.", e);
        }
    }

    private void createMissing(final Path credentialsFile) throws IOException {
        final int known = credentials.size();
        final List<String> keyOwners = new ArrayList<>(CLIENTS);
        keyOwners.add(BROKER);
        for (final String name : List.of("ca", "truststore")) {
            password(name + ".password");
        }
        for (final String owner : keyOwners) {
            password(owner + ".keystore.password");
            password(owner + ".scram.password");
        }
        if (credentials.size() != known) {
            final StringWriter text = new StringWriter();
            credentials.store(text, "newswire local security: passwords of the SCRAM users and keystores in this "
                + "folder. Keep it private.");
            OwnerOnlyFiles.writeString(credentialsFile, text.toString());
        }
        final Path caFile = folder.resolve(CA_KEYSTORE);
        final char[] caPassword = secret("ca.password");
        final LocalCertificates authority;
        if (Files.exists(caFile)) {
            authority = LocalCertificates.loadAuthority(caFile, caPassword);
        } else {
            authority = LocalCertificates.newAuthority("newswire local CA");
            authority.saveAuthority(caFile, caPassword);
            // A new CA invalidates every certificate of the old one: issue them all again.
            Files.deleteIfExists(folder.resolve(TRUSTSTORE));
            for (final String owner : keyOwners) {
                Files.deleteIfExists(keystore(owner));
            }
        }
        if (!Files.exists(folder.resolve(TRUSTSTORE))) {
            authority.saveTruststore(folder.resolve(TRUSTSTORE), secret("truststore.password"));
        }
        for (final String owner : keyOwners) {
            if (!Files.exists(keystore(owner))) {
                authority.issue(keystore(owner), secret(owner + ".keystore.password"), owner,
                    BROKER.equals(owner) ? LocalCertificates.loopbackHosts() : List.of());
            }
        }
    }

    private void password(final String key) {
        if (credentials.getProperty(key, "").isEmpty()) {
            final SecureRandom random = new SecureRandom();
            final StringBuilder password = new StringBuilder(PASSWORD_LENGTH);
            for (int i = 0; i < PASSWORD_LENGTH; i++) {
                password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
            }
            credentials.setProperty(key, password.toString());
        }
    }

    private char[] secret(final String key) {
        return credentials.getProperty(key).toCharArray();
    }

    private Path keystore(final String owner) {
        return folder.resolve(owner + ".p12");
    }

    public SecurityMode mode() {
        return mode;
    }

    /** The folder holding the material. */
    public Path folder() {
        return folder;
    }

    /** A broker builder with the listeners, authorizer, keystores and SCRAM users of this material. */
    public EmbeddedKafkaBroker.Builder configure(final EmbeddedKafkaBroker.Builder builder) {
        final Map<String, String> adminClient = new LinkedHashMap<>();
        clientSecurity(ADMIN).forEach((key, value) -> adminClient.put((String) key, (String) value));
        return builder
            .security(new ListenerSecurity(mode.securityProtocol(), "SSL", scramArguments(), adminClient))
            .brokerProperties(brokerProperties());
    }

    private List<String> scramArguments() {
        final List<String> arguments = new ArrayList<>();
        for (final String user : List.of(BROKER, ADMIN, STREAMS, PRODUCER, READER)) {
            arguments.add(SCRAM + "=[name=" + user + ",password=" + credentials.getProperty(user + ".scram.password")
                + "]");
        }
        return arguments;
    }

    /** The broker's settings; {@code ssl.*} without a listener prefix serve both listeners. */
    Map<String, String> brokerProperties() {
        final Map<String, String> broker = new LinkedHashMap<>();
        broker.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        broker.put("allow.everyone.if.no.acl.found", "false");
        broker.put("super.users", "User:" + BROKER + ";User:" + ADMIN);
        broker.put("ssl.keystore.type", "PKCS12");
        broker.put("ssl.keystore.location", keystore(BROKER).toString());
        broker.put("ssl.keystore.password", credentials.getProperty(BROKER + ".keystore.password"));
        broker.put("ssl.key.password", credentials.getProperty(BROKER + ".keystore.password"));
        broker.put("ssl.truststore.type", "PKCS12");
        broker.put("ssl.truststore.location", folder.resolve(TRUSTSTORE).toString());
        broker.put("ssl.truststore.password", credentials.getProperty("truststore.password"));
        broker.put("ssl.principal.mapping.rules", PRINCIPAL_MAPPING);
        // Only certificate holders reach the controller listener, whatever the client listener asks for.
        broker.put("listener.name.controller.ssl.client.auth", "required");
        final String secure = "listener.name." + EmbeddedKafkaBroker.SECURE_LISTENER.toLowerCase(Locale.ROOT)
            + ".";
        if (mode == SecurityMode.MTLS) {
            broker.put(secure + "ssl.client.auth", "required");
        } else {
            broker.put(secure + "ssl.client.auth", "none");
            broker.put("sasl.enabled.mechanisms", SCRAM);
            broker.put("sasl.mechanism.inter.broker.protocol", SCRAM);
            broker.put(secure + SCRAM.toLowerCase(Locale.ROOT) + ".sasl.jaas.config", jaas(BROKER));
        }
        return broker;
    }

    private String jaas(final String user) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
            + "\" password=\"" + credentials.getProperty(user + ".scram.password") + "\";";
    }

    /** The security settings of {@code principal}'s clients in this mode (no bootstrap.servers). */
    public Properties clientSecurity(final String principal) {
        if (!CLIENTS.contains(principal)) {
            throw new IllegalArgumentException("no local principal " + principal + ": the principals are " + CLIENTS);
        }
        final Properties client = new Properties();
        client.setProperty("security.protocol", mode.securityProtocol());
        client.setProperty("ssl.truststore.type", "PKCS12");
        client.setProperty("ssl.truststore.location", folder.resolve(TRUSTSTORE).toString());
        client.setProperty("ssl.truststore.password", credentials.getProperty("truststore.password"));
        if (mode == SecurityMode.MTLS) {
            client.setProperty("ssl.keystore.type", "PKCS12");
            client.setProperty("ssl.keystore.location", keystore(principal).toString());
            client.setProperty("ssl.keystore.password", credentials.getProperty(principal + ".keystore.password"));
            client.setProperty("ssl.key.password", credentials.getProperty(principal + ".keystore.password"));
        } else {
            client.setProperty("sasl.mechanism", SCRAM);
            client.setProperty("sasl.jaas.config", jaas(principal));
        }
        return client;
    }

    /**
     * Writes (again) each principal's client properties file for a broker at {@code bootstrapServers}.
     *
     * @return principal to file, the super user first
     */
    public Map<String, Path> writeClientConfigs(final String bootstrapServers) {
        final Map<String, Path> files = new LinkedHashMap<>();
        for (final String principal : CLIENTS) {
            final Properties client = new Properties();
            client.setProperty("bootstrap.servers", bootstrapServers);
            client.putAll(clientSecurity(principal));
            final StringBuilder text = new StringBuilder()
                .append("# Kafka client settings of principal User:").append(principal).append(" (")
                .append(mode.label()).append(") for the newswire broker at ").append(bootstrapServers)
                .append(".\n# Use with any newswire command: --config ").append(principal).append(".properties\n");
            client.stringPropertyNames().stream().sorted().forEach(key -> text.append(key).append('=')
                .append(escape(client.getProperty(key))).append('\n'));
            final Path file = folder.resolve(principal + ".properties");
            try {
                OwnerOnlyFiles.writeString(file, text.toString());
            } catch (final IOException e) {
                throw new UncheckedIOException("cannot write the client config " + file + ": " + e.getMessage(), e);
            }
            files.put(principal, file);
        }
        return files;
    }

    /** Backslashes (none in our values but a Windows path's) are the one thing properties files escape here. */
    private static String escape(final String value) {
        return value.replace("\\", "\\\\");
    }

    /**
     * Every password of this material (SCRAM users, keystores, truststore, CA), so that a test can check that none
     * of them appears in what the programs print.
     */
    public Set<String> secrets() {
        final Set<String> secrets = new LinkedHashSet<>();
        credentials.stringPropertyNames().forEach(key -> secrets.add(credentials.getProperty(key)));
        return secrets;
    }

    /** Names the folder and mode only. */
    @Override
    public String toString() {
        return "LocalSecurity[" + mode.label() + ", " + folder + "]";
    }
}

package io.newswire.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import kafka.server.KafkaConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local security material: created once, owner-only, reused, and settings Kafka accepts. */
class LocalSecurityTest {

    @TempDir
    Path folder;

    @Test
    void shouldCreateOwnerOnlyMaterialOnceAndReuseIt() throws IOException {
        final LocalSecurity first = LocalSecurity.prepare(folder.resolve("security"), SecurityMode.SASL_SSL);
        final Map<String, Path> configs = first.writeClientConfigs("localhost:9093");
        final byte[] brokerKeystore = Files.readAllBytes(folder.resolve("security/newswire-broker.p12"));

        final LocalSecurity second = LocalSecurity.prepare(folder.resolve("security"), SecurityMode.MTLS);

        assertEquals(first.secrets(), second.secrets());
        assertEquals(10 + 2, first.secrets().size(), "a SCRAM and a keystore password per principal, CA, truststore");
        assertTrue(java.util.Arrays.equals(brokerKeystore,
            Files.readAllBytes(folder.resolve("security/newswire-broker.p12"))), "the keystore is reused");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(first.folder())));
        try (Stream<Path> files = Files.list(first.folder())) {
            for (final Path file : files.toList()) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
                    file.toString());
            }
        }
        assertEquals(LocalSecurity.CLIENTS, List.copyOf(configs.keySet()));
    }

    @Test
    void shouldGiveEachPrincipalItsOwnCredentialsForTheMode() {
        final LocalSecurity sasl = LocalSecurity.prepare(folder, SecurityMode.SASL_SSL);
        final Properties producer = sasl.clientSecurity(LocalSecurity.PRODUCER);
        assertEquals("SASL_SSL", producer.getProperty("security.protocol"));
        assertTrue(producer.getProperty("sasl.jaas.config").contains("username=\"newswire-producer\""));
        assertFalse(producer.containsKey("ssl.keystore.location"));

        final Properties reader = LocalSecurity.prepare(folder, SecurityMode.MTLS).clientSecurity(LocalSecurity.READER);
        assertEquals("SSL", reader.getProperty("security.protocol"));
        assertTrue(reader.getProperty("ssl.keystore.location").endsWith("newswire-reader.p12"));
        assertFalse(reader.containsKey("sasl.jaas.config"));
    }

    @Test
    void shouldProduceBrokerSettingsKafkaAcceptsWithoutPrintingSecrets() {
        for (final SecurityMode mode : SecurityMode.values()) {
            final LocalSecurity security = LocalSecurity.prepare(folder.resolve(mode.label()), mode);
            final EmbeddedKafkaBroker broker = security.configure(EmbeddedKafkaBroker.builder()).build();
            final Properties properties = new Properties();
            properties.putAll(broker.serverProperties(folder.resolve("kafka"), 9093, 9094));
            final KafkaConfig config = KafkaConfig.fromProps(properties, false);
            final String shown = config.toString() + security + security.configure(EmbeddedKafkaBroker.builder());
            for (final String secret : security.secrets()) {
                assertFalse(shown.contains(secret), mode + ": a password in KafkaConfig's or our toString");
            }
            assertEquals(Set.of("User:newswire-broker", "User:newswire-admin"),
                Set.of(properties.getProperty("super.users").split(";")));
        }
    }
}

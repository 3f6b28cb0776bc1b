package io.newswire.schema.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import io.newswire.schema.Records;
import io.newswire.schema.WireItem;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Registry mode without a registry: framing, settings and the errors readers give (the app ITs use a real one). */
class RegistryModeTest {

    /** {@code 00}, schema id 7, then a datum that no reader should get to. */
    private static final byte[] CONFLUENT_ID_7 = {0x00, 0x00, 0x00, 0x00, 0x07, 0x02, 0x61};

    @Test
    void shouldTellTheFramingsApartByTheirFirstBytes() {
        final byte[] singleObject = new NewswireSerdes().wireItem().encode(Records.aWireItem());

        assertThat(WireFormat.of(singleObject)).isEqualTo(WireFormat.SINGLE_OBJECT);
        assertThat(WireFormat.of(CONFLUENT_ID_7)).isEqualTo(WireFormat.CONFLUENT);
        assertThat(WireFormat.confluentSchemaId(CONFLUENT_ID_7)).isEqualTo(7);
        assertThat(WireFormat.of(new byte[] {'{'})).isEqualTo(WireFormat.UNKNOWN);
        assertThat(WireFormat.of(new byte[0])).isEqualTo(WireFormat.UNKNOWN);
    }

    @Test
    void shouldNameTheSettingWhenAConfluentValueMeetsNoRegistry() {
        assertThatThrownBy(() -> new NewswireSerdes().wireItem().decode(CONFLUENT_ID_7))
            .isInstanceOf(SerializationException.class)
            .hasMessageContaining("Confluent wire format (schema id 7)")
            .hasMessageContaining("newswire.schema.registry.url");
    }

    @Test
    void shouldFailClearlyWhenTheRegistryCannotBeReached() throws IOException {
        final NewswireSerdes serdes = new NewswireSerdes(new SchemaRegistrySettings(
            Optional.of("http://localhost:" + closedPort()),
            Map.of("apicurio.registry.retry-count", "0")));

        assertThatThrownBy(() -> serdes.wireItem().decode(CONFLUENT_ID_7))
            .isInstanceOf(SerializationException.class)
            .hasMessageContaining("schema id 7")
            .hasMessageContaining("could not serve it");
        assertThatThrownBy(() -> serdes.wireItem().serializer().serialize("news.raw", Records.aWireItem()))
            .isInstanceOf(SerializationException.class)
            .hasMessageContaining("news.raw-value")
            .hasMessageContaining("unset newswire.schema.registry.url");
    }

    @Test
    @Timeout(30)
    void shouldGiveUpOnARegistryThatAcceptsTheConnectionAndNeverAnswers() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            final List<Socket> accepted = new CopyOnWriteArrayList<>();
            final Thread acceptor = new Thread(() -> {
                try {
                    while (!silent.isClosed()) {
                        accepted.add(silent.accept());
                    }
                } catch (final IOException closed) {
                    // the test is over
                }
            }, "silent-registry");
            acceptor.setDaemon(true);
            acceptor.start();
            final SchemaRegistrySettings settings = new SchemaRegistrySettings(
                Optional.of("http://localhost:" + silent.getLocalPort()), Map.of("apicurio.registry.retry-count", "0"));
            final ConfluentFormat<WireItem> format = new ConfluentFormat<>(WireItem.class, WireItem.getClassSchema(),
                settings, new SubjectCompatibility(settings), Duration.ofMillis(800), 2);

            assertThatThrownBy(() -> format.decode(CONFLUENT_ID_7))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("schema id 7")
                .hasMessageContaining("did not serve it (no answer within 800 ms, 2 times)");
            for (final Socket socket : accepted) {
                socket.close();
            }
        }
    }

    @Test
    void shouldRegisterSchemasAheadOnlyInRegistryModeAndSayWhyWhenItCannot() throws IOException {
        final NewswireSerdes serdes = new NewswireSerdes(new SchemaRegistrySettings(
            Optional.of("http://localhost:" + closedPort()),
            Map.of("apicurio.registry.retry-count", "0")));

        new NewswireSerdes().enrichedItem().registerSchemaFor("news.security");
        assertThatThrownBy(() -> serdes.enrichedItem().registerSchemaFor("news.security"))
            .isInstanceOf(SerializationException.class)
            .hasMessageContaining("news.security-value")
            .hasMessageContaining("unset newswire.schema.registry.url");
    }

    @Test
    void shouldStillReadSingleObjectValuesInRegistryMode() throws IOException {
        final WireItem item = Records.aWireItem();
        final byte[] written = new NewswireSerdes().wireItem().encode(item);
        final NewswireSerdes registryMode =
            new NewswireSerdes(SchemaRegistrySettings.at("http://localhost:" + closedPort()));

        assertThat(registryMode.wireItem().decode(written)).isEqualTo(item);
        assertThat(registryMode.wireItem().writesRegistryFormat()).isTrue();
        assertThat(registryMode.dedupRequest().writesRegistryFormat()).isFalse();
        assertThat(registryMode.dedupSketch().writesRegistryFormat()).isFalse();
    }

    @Test
    void shouldPassTheSerdesOwnSettingsOnButKeepTheConfluentFraming() {
        final Properties properties = new Properties();
        properties.setProperty("apicurio.auth.username", "newswire");
        properties.setProperty("apicurio.registry.headers.enabled", "true");
        properties.setProperty("bootstrap.servers", "kafka:9092");

        final SchemaRegistrySettings settings = SchemaRegistrySettings.from("http://registry:8080/", properties);

        assertThat(settings.serde()).containsOnlyKeys("apicurio.auth.username", "apicurio.registry.headers.enabled");
        assertThat(settings.confluentApi()).contains("http://registry:8080/apis/ccompat/v7");
        assertThat(ConfluentFormat.configs(settings))
            .containsEntry("apicurio.registry.url", "http://registry:8080/apis/registry/v2")
            .containsEntry("apicurio.auth.username", "newswire")
            .containsEntry("apicurio.registry.headers.enabled", "false")
            .containsEntry("apicurio.registry.id-handler", "io.apicurio.registry.serde.Legacy4ByteIdHandler")
            .containsEntry("apicurio.registry.use-id", "contentId");
        assertThat(SchemaRegistrySettings.from(" ", properties).enabled()).isFalse();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package io.newswire.producer.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

import io.newswire.schema.WireItem;
import io.newswire.schema.serde.NewswireSerdes;

class ProducerSettingsTest {

    @Test
    void shouldConfigureAnIdempotentProducer() {
        final Properties properties = ProducerSettings.properties("broker:9092", "newswire-producer");

        assertThat(properties).containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9092")
            .containsEntry(ProducerConfig.CLIENT_ID_CONFIG, "newswire-producer")
            .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true")
            .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
            .containsEntry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5")
            .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4")
            .containsKeys(ProducerConfig.LINGER_MS_CONFIG, ProducerConfig.BATCH_SIZE_CONFIG);
    }

    @Test
    void shouldLetTheUsersConfigWin() {
        final Properties properties = ProducerSettings.properties("broker:9092", "p",
            Map.of(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd"));

        assertThat(properties).containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
    }

    @Test
    void shouldBuildARealProducerFromTheSettings() {
        // Kafka validates the settings when the producer is built (idempotence with acks and in-flight requests);
        // nothing is sent, so no broker is needed.
        final Properties properties = ProducerSettings.properties("localhost:9", "settings-test");
        final Producer<String, WireItem> producer = ProducerSettings.wireItemProducer(properties, new NewswireSerdes());
        try {
            assertThat(producer.metrics()).isNotEmpty();
        } finally {
            producer.close(Duration.ZERO);
        }
    }
}

package io.newswire.broker.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.newswire.broker.EmbeddedKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

class SharedKafkaTest {

    @Test
    void shouldHandOutOneRunningBrokerPerJvm() throws Exception {
        final EmbeddedKafkaBroker first = SharedKafka.broker();
        final EmbeddedKafkaBroker second = SharedKafka.broker();

        assertThat(second).isSameAs(first);
        assertThat(SharedKafka.bootstrapServers()).isEqualTo("localhost:" + first.port());
        first.createTopics(Map.of("shared.probe", 1));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            SharedKafka.bootstrapServers()))) {
            assertThat(admin.listTopics().names().get()).contains("shared.probe");
        }
    }
}

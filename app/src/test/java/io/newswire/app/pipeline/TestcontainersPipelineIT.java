package io.newswire.app.pipeline;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The same end-to-end contract on Testcontainers' apache/kafka (KRaft). Skipped, saying that Docker is not
 * available, on machines without a Docker engine.
 */
@Testcontainers(disabledWithoutDocker = true)
class TestcontainersPipelineIT extends PipelineRunContract {

    @Container
    private static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.0");

    @Override
    String bootstrapServers() {
        return KAFKA.getBootstrapServers();
    }
}

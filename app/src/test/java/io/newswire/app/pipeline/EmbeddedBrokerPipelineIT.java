package io.newswire.app.pipeline;

import io.newswire.broker.testing.SharedKafka;

/** The end-to-end contract on the embedded KRaft broker (always runs; no Docker needed). */
class EmbeddedBrokerPipelineIT extends PipelineRunContract {

    @Override
    String bootstrapServers() {
        return SharedKafka.bootstrapServers();
    }
}

package io.newswire.app.clients;

import io.newswire.app.registry.SharedRegistry;

/**
 * Foreign clients in registry mode: the values in the Confluent wire format, their schemas in a real Apicurio
 * Registry ({@link SharedRegistry}; skipped, saying why, where no Java 21+ runs it). The Python consumer fetches the
 * writer schemas by id through the registry's Confluent-compatible API; kcat reads the framing.
 */
class ForeignClientsRegistryIT extends ForeignClientsContract {

    @Override
    String registryUrl() {
        return SharedRegistry.url();
    }
}

package io.newswire.schema.serde;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.apicurio.registry.rest.client.RegistryClient;
import io.apicurio.registry.rest.client.RegistryClientFactory;
import io.apicurio.registry.rest.client.exception.RuleAlreadyExistsException;
import io.apicurio.registry.rest.v2.beans.Rule;
import io.apicurio.registry.types.RuleType;
import io.apicurio.rest.client.auth.BasicAuth;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Gives each subject newswire registers ({@code <topic>-value}) BACKWARD compatibility, once per subject and process:
 * a later newswire release may then only register a schema that reads everything already on the topic, and an
 * incompatible one is refused by the registry (HTTP 409) instead of stranding consumers.
 *
 * <p>How: an Apicurio artifact rule {@code COMPATIBILITY=BACKWARD} on the artifact {@code default/<subject>}, set
 * through Apicurio's API right after the serializer registered the subject's first version (a rule needs its artifact
 * to exist). Apicurio's Confluent-compatible API reports that rule as the subject's compatibility
 * ({@code GET /apis/ccompat/v7/config/<subject>}). A rule already there (set by an operator) is left as it is.
 */
final class SubjectCompatibility {

    /** Apicurio's group for artifacts registered without one, as its serdes and its Confluent API do. */
    static final String GROUP = "default";
    static final String LEVEL = "BACKWARD";

    private final RegistryClient client;
    private final String url;
    private final Set<String> done = ConcurrentHashMap.newKeySet();

    SubjectCompatibility(final SchemaRegistrySettings settings) {
        this.url = settings.apicurioApi();
        // Mutable: the client factory adds its own entries to the map it is given.
        final Map<String, Object> configs = new HashMap<>(settings.serde());
        final String user = settings.serde().get("apicurio.auth.username");
        this.client = user == null
            ? RegistryClientFactory.create(url, configs)
            : RegistryClientFactory.create(url, configs,
                new BasicAuth(user, settings.serde().getOrDefault("apicurio.auth.password", "")));
    }

    /**
     * Sets BACKWARD on {@code subject} unless done before in this process or the subject has a rule already.
     *
     * @throws SerializationException naming the subject and the registry when the rule cannot be set
     */
    void ensureBackward(final String subject) {
        if (done.contains(subject)) {
            return;
        }
        try {
            client.createArtifactRule(GROUP, subject, new Rule(LEVEL, RuleType.COMPATIBILITY));
        } catch (final RuleAlreadyExistsException e) {
            // An operator's (or an earlier run's) compatibility rule stands: changing it is their decision.
        } catch (final RuntimeException e) {
            throw new SerializationException("cannot set " + LEVEL + " compatibility on subject " + subject
                + " at the schema registry " + url + ": " + e.getClass().getSimpleName() + ": " + e.getMessage()
                + "; check that the registry is up and that newswire may manage rules there", e);
        }
        done.add(subject);
    }
}

package io.newswire.schema.serde;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Where newswire's serdes register and look up schemas in schema registry mode: the registry's base URL
 * ({@code newswire.schema.registry.url}, e.g. {@code http://localhost:8080}), and the Apicurio serde's own settings
 * ({@code apicurio.*} keys: auth, TLS, request headers, retries), passed on as the user set them. Without a URL the
 * serdes write Avro single-object encoding, as before.
 *
 * @param url   the registry's base URL; empty for single-object mode
 * @param serde {@code apicurio.*} settings for Apicurio's serializer and deserializer
 */
public record SchemaRegistrySettings(Optional<String> url, Map<String, String> serde) {

    /** Keys with this prefix are the Apicurio serde's own settings. */
    public static final String SERDE_PREFIX = "apicurio.";
    /** The path of Apicurio's native API that its v2 serde speaks, under the base URL. */
    static final String APICURIO_API = "/apis/registry/v2";
    /** The Confluent-compatible API, for Confluent-format consumers (Kafka Connect, ksqlDB, confluent-kafka). */
    public static final String CONFLUENT_API = "/apis/ccompat/v7";

    /** No registry: single-object encoding. */
    public static final SchemaRegistrySettings NONE = new SchemaRegistrySettings(Optional.empty(), Map.of());

    public SchemaRegistrySettings {
        Objects.requireNonNull(url, "url");
        url = url.map(SchemaRegistrySettings::withoutTrailingSlash);
        serde = Map.copyOf(serde);
    }

    /** A registry at {@code url} with no extra serde settings. */
    public static SchemaRegistrySettings at(final String url) {
        return new SchemaRegistrySettings(Optional.of(url), Map.of());
    }

    /** The registry at {@code url} (null or blank: none), with the {@code apicurio.*} keys of {@code properties}. */
    public static SchemaRegistrySettings from(final String url, final Properties properties) {
        final Map<String, String> serde = new TreeMap<>();
        properties.stringPropertyNames().stream().filter(key -> key.startsWith(SERDE_PREFIX))
            .forEach(key -> serde.put(key, properties.getProperty(key)));
        return new SchemaRegistrySettings(
            url == null || url.isBlank() ? Optional.empty() : Optional.of(url.trim()), serde);
    }

    /** Whether values are written in the Confluent wire format with registered schemas. */
    public boolean enabled() {
        return url.isPresent();
    }

    /** The URL of Apicurio's native v2 API, which its serde uses. */
    String apicurioApi() {
        return url.orElseThrow() + APICURIO_API;
    }

    /** The URL of the registry's Confluent-compatible API, for consumers that speak it. */
    public Optional<String> confluentApi() {
        return url.map(base -> base + CONFLUENT_API);
    }

    private static String withoutTrailingSlash(final String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}

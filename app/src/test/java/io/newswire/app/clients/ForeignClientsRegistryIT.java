package io.newswire.app.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswire.app.registry.SharedRegistry;
import io.newswire.broker.testing.SharedKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.storage.Converter;
import org.junit.jupiter.api.Test;

/**
 * Foreign clients in registry mode: the values in the Confluent wire format, their schemas in a real Apicurio
 * Registry ({@link SharedRegistry}; skipped, saying why, where no Java 21+ runs it). The Python consumer fetches the
 * writer schemas by id through the registry's Confluent-compatible API; kcat reads the framing; the Kafka Connect
 * example's converter (connect/) turns every record into Connect data, as the sink's worker would.
 */
class ForeignClientsRegistryIT extends ForeignClientsContract {

    private static final Path CONNECT = Path.of("..", "connect").toAbsolutePath().normalize();
    private static final Pattern ENV = Pattern.compile("\\$\\{env:([A-Z_]+)}");

    @Override
    String registryUrl() {
        return SharedRegistry.url();
    }

    /**
     * As far as the Connect example can be checked without a Connect worker (Kafka publishes its file connector only
     * in its distribution): the connector's converter, built from the example's own settings the way a worker builds
     * it, decodes every record of the topic into a Struct with the item's fields; the OpenSearch example uses the same
     * converter settings.
     */
    @Test
    void connectExampleShouldConvertEveryRecordOfItsTopic() throws Exception {
        final Map<String, String> sink = resolved(load(CONNECT.resolve("newswire-security-file-sink.properties")));
        assertThat(sink).containsEntry("connector.class", "org.apache.kafka.connect.file.FileStreamSinkConnector")
            .containsKeys("file", "topics").containsEntry("consumer.override.isolation.level", "read_committed");
        final Map<String, String> worker = resolved(load(CONNECT.resolve("connect-standalone.properties")));
        assertThat(worker).containsEntry("consumer.isolation.level", "read_committed")
            .containsEntry("connector.client.config.override.policy", "All");

        final Converter keys = converter(sink, "key.converter", true);
        final Converter values = converter(sink, "value.converter", false);
        final String topic = config().topics().route("security");
        final List<ConsumerRecord<byte[], byte[]>> records = readCommitted(topic);
        assertThat(records).isNotEmpty();
        int converted = 0;
        for (final ConsumerRecord<byte[], byte[]> record : records) {
            final SchemaAndValue key = keys.toConnectData(topic, record.key());
            final SchemaAndValue value = values.toConnectData(topic, record.headers(), record.value());
            assertThat(value.value()).isInstanceOf(Struct.class);
            final Struct item = (Struct) value.value();
            assertThat(item.get("id")).isEqualTo(key.value());
            assertThat(item.schema().field("routes")).isNotNull();
            converted++;
        }
        System.out.printf("connect converter registry %s: %d records, %d converted%n", topic, records.size(),
            converted);

        final JsonNode openSearch = new ObjectMapper().readTree(
            CONNECT.resolve("newswire-security-opensearch-sink.json").toFile()).get("config");
        sink.forEach((name, setting) -> {
            if (name.startsWith("value.converter") && !name.endsWith(".url")) {
                assertThat(openSearch.path(name).asText()).as("the OpenSearch example's " + name).isEqualTo(setting);
            }
        });
    }

    private Converter converter(final Map<String, String> connector, final String prefix, final boolean isKey)
        throws ReflectiveOperationException {
        final Converter converter = (Converter) Class.forName(connector.get(prefix)).getDeclaredConstructor()
            .newInstance();
        final Map<String, Object> settings = new HashMap<>();
        connector.forEach((name, setting) -> {
            if (name.startsWith(prefix + ".")) {
                settings.put(name.substring(prefix.length() + 1), setting);
            }
        });
        converter.configure(settings, isKey);
        return converter;
    }

    /** The example's settings with ${env:…} resolved as Connect's EnvVarConfigProvider would, for this test's run. */
    private Map<String, String> resolved(final Properties example) {
        final Map<String, String> env = Map.of("NEWSWIRE_SCHEMA_REGISTRY_URL", registryUrl(),
            "NEWSWIRE_BOOTSTRAP_SERVERS", SharedKafka.bootstrapServers());
        final Map<String, String> settings = new TreeMap<>();
        example.stringPropertyNames().forEach(name -> {
            final Matcher variable = ENV.matcher(example.getProperty(name));
            final StringBuilder value = new StringBuilder();
            while (variable.find()) {
                assertThat(env).as("variable " + variable.group(1) + " of " + name).containsKey(variable.group(1));
                variable.appendReplacement(value, Matcher.quoteReplacement(env.get(variable.group(1))));
            }
            variable.appendTail(value);
            settings.put(name, value.toString());
        });
        return settings;
    }

    private static Properties load(final Path file) throws IOException {
        final Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}

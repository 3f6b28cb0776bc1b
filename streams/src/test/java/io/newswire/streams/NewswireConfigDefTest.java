package io.newswire.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.newswire.schema.config.Limits;
import io.newswire.streams.dedup.DedupSettings;
import io.newswire.streams.dedup.FingerprintSettings;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NewswireConfigDefTest {

    /** A key set in the example file, or shown there commented out: {@code #newswire.x=...}. */
    private static final Pattern EXAMPLE_KEY = Pattern.compile("^#?(newswire\\.[^=:\\s]+)\\s*[=:]");

    @Test
    void shouldDefineEveryNewswireKeyTheCodeReads() {
        assertThat(NewswireConfigDef.keys()).containsExactlyInAnyOrder(
            "newswire.application.id",
            "newswire.topic.raw", "newswire.topic.route.prefix", "newswire.topic.general", "newswire.topic.duplicates",
            "newswire.topic.dlq", "newswire.topic.partitions", "newswire.topic.replication.factor",
            "newswire.dedup.window", "newswire.dedup.grace", "newswire.dedup.duplicate.similarity",
            "newswire.dedup.update.similarity", "newswire.dedup.translation.overlap", "newswire.dedup.max.candidates",
            "newswire.dedup.shingle.words", "newswire.dedup.bands", "newswire.dedup.rows.per.band",
            "newswire.enrich.topic.lexicon", "newswire.enrich.topic.model", "newswire.enrich.topic.threshold",
            "newswire.enrich.topic.embedding", "newswire.enrich.language.min.letters", "newswire.enrich.language.min.confidence",
            "newswire.input.max.bytes", "newswire.schema.registry.url",
            "newswire.ops.http.port", "newswire.ops.lag.refresh", "newswire.ops.lag.window",
            "newswire.ops.alert.records", "newswire.ops.alert.lag", "newswire.ops.ready.lag");
    }

    @Test
    void shouldTurnTheChineseSecondStageOffFromConfig() {
        final Properties properties = new Properties();
        properties.setProperty("newswire.enrich.topic.embedding", "false");

        assertThat(PipelineConfig.fromProperties(properties).enrichment().topicEmbedding()).isFalse();
        assertThat(PipelineConfig.defaults().enrichment().topicEmbedding()).isTrue();
    }

    @Test
    void shouldTakeTheSchemaRegistrysBaseUrlAndItsSerdeSettings() {
        final Properties properties = new Properties();
        properties.setProperty("newswire.schema.registry.url", "http://apicurio:8080");
        properties.setProperty("apicurio.auth.username", "newswire");

        final PipelineConfig config = PipelineConfig.fromProperties(properties);

        assertThat(config.schemaRegistry().url()).contains("http://apicurio:8080");
        assertThat(config.schemaRegistry().serde()).containsEntry("apicurio.auth.username", "newswire");
        assertThat(PipelineConfig.defaults().schemaRegistry().enabled()).isFalse();
    }

    @Test
    void shouldRejectARegistryUrlWithAnApiPath() {
        final Properties properties = new Properties();
        properties.setProperty("newswire.schema.registry.url", "http://apicurio:8080/apis/ccompat/v7");

        assertThatThrownBy(() -> PipelineConfig.fromProperties(properties))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("newswire.schema.registry.url")
            .hasMessageContaining("base URL");
    }

    @Test
    void shouldDocumentEveryKeyInOneLine() {
        NewswireConfigDef.definition().configKeys().values().forEach(key -> {
            assertThat(key.documentation).as(key.name).isNotBlank().doesNotContain("\n");
            assertThat(key.importance).as(key.name).isNotNull();
        });
    }

    @Test
    void shouldTakeDefaultsFromTheDefaultsClasses() {
        final Map<String, Object> defaults = NewswireConfigDef.definition().defaultValues();

        assertThat(defaults)
            .containsEntry(NewswireConfigDef.DEDUP_GRACE, DedupSettings.defaults().grace().toString())
            .containsEntry(NewswireConfigDef.DEDUP_SHINGLE_WORDS, FingerprintSettings.DEFAULT_SHINGLE_WORDS)
            .containsEntry(NewswireConfigDef.DEDUP_BANDS, FingerprintSettings.DEFAULT_BANDS)
            .containsEntry(NewswireConfigDef.DEDUP_ROWS_PER_BAND, FingerprintSettings.DEFAULT_ROWS_PER_BAND)
            .containsEntry(NewswireConfigDef.INPUT_MAX_BYTES, Limits.MAX_ITEM_BYTES);
    }

    @Test
    void shouldHandOutACopyOfTheDefinition() {
        final ConfigDef copy = NewswireConfigDef.definition();
        copy.define("newswire.extra", ConfigDef.Type.STRING, "", ConfigDef.Importance.LOW, "not newswire's");

        assertThat(NewswireConfigDef.keys()).doesNotContain("newswire.extra");
    }

    @Test
    void shouldReadTheInputLimitAsALong() {
        final Properties properties = new Properties();
        properties.setProperty(NewswireConfigDef.INPUT_MAX_BYTES, "1024");

        assertThat(NewswireConfigDef.parse(properties)).containsEntry(NewswireConfigDef.INPUT_MAX_BYTES, 1024L);
    }

    @ParameterizedTest
    @CsvSource({
        "newswire.dedup.grase, newswire.dedup.grace",
        "newswire.dedup.windw, newswire.dedup.window",
        "newswire.topic.dql, newswire.topic.dlq",
        "newswire.topic.partition, newswire.topic.partitions",
        "newswire.enrich.language.min.letter, newswire.enrich.language.min.letters",
        "newswire.dedup.rows.per.bands, newswire.dedup.rows.per.band",
        "newswire.route.markets, newswire.routes.markets",
    })
    void shouldSuggestTheNearestKeyForATypo(final String typed, final String nearest) {
        assertThat(NewswireConfigDef.nearestKey(typed)).contains(nearest);
    }

    @ParameterizedTest
    @CsvSource({"newswire.colour", "newswire.security.protocol", "newswire.x"})
    void shouldSuggestNothingWhenNoKeyIsClose(final String typed) {
        assertThat(NewswireConfigDef.nearestKey(typed)).isEmpty();
    }

    @Test
    void shouldKnowTheRoutesFamilyAndNothingElseUndefined() {
        assertThat(NewswireConfigDef.isKnown("newswire.routes.markets")).isTrue();
        assertThat(NewswireConfigDef.isKnown("newswire.dedup.grace")).isTrue();
        assertThat(NewswireConfigDef.isKnown("newswire.dedup.grase")).isFalse();
    }

    @Test
    void shouldLeaveKafkaKeysAlone() {
        final Properties properties = new Properties();
        properties.setProperty("bootstrap.servers", "broker:9092");
        properties.setProperty("dedup.grase", "not ours");

        assertThat(NewswireConfigDef.parse(properties)).containsOnlyKeys(NewswireConfigDef.keys());
    }

    @Test
    void shouldNameOnlyKnownKeysInTheExampleConfigFile() throws IOException {
        final Set<String> listed = exampleFileKeys();

        assertThat(listed).isNotEmpty().allSatisfy(key ->
            assertThat(NewswireConfigDef.isKnown(key)).as(key + " in config/newswire.properties is known").isTrue());
    }

    @Test
    void shouldListEveryKnownKeyInTheExampleConfigFile() throws IOException {
        final Set<String> listed = exampleFileKeys();

        assertThat(listed).as("keys in config/newswire.properties").containsAll(NewswireConfigDef.keys());
        assertThat(listed).as("a route in config/newswire.properties")
            .anyMatch(key -> key.startsWith(NewswireConfigDef.ROUTES_PREFIX));
    }

    @Test
    void shouldShowTheDefaultsInTheExampleConfigFile() throws IOException {
        final Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(exampleFile(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }

        assertThat(PipelineConfig.fromProperties(properties)).isEqualTo(PipelineConfig.defaults());
    }

    @Test
    void shouldRejectAnUnknownKeyBeforeLookingAtValues() {
        final Properties properties = new Properties();
        properties.setProperty("newswire.topic.partitions", "three");
        properties.setProperty("newswire.topic.partition", "3");

        assertThatThrownBy(() -> NewswireConfigDef.parse(properties))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("unknown setting newswire.topic.partition: did you mean newswire.topic.partitions?");
    }

    private static Set<String> exampleFileKeys() throws IOException {
        final Set<String> keys = new LinkedHashSet<>();
        for (final String line : Files.readAllLines(exampleFile(), StandardCharsets.UTF_8)) {
            final Matcher key = EXAMPLE_KEY.matcher(line);
            if (key.find()) {
                keys.add(key.group(1));
            }
        }
        return keys;
    }

    /** config/newswire.properties of this checkout, found from the module's directory (where Maven runs tests). */
    private static Path exampleFile() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            final Path candidate = dir.resolve("config").resolve("newswire.properties");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("config/newswire.properties not found above " + Path.of("").toAbsolutePath()
            + ": run the tests from the checkout");
    }
}

package io.newswire.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.newswire.streams.PipelineConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings merge file, environment and overrides, in that order; the environment is always passed in. */
class SettingsTest {

    private static final Map<String, String> NO_ENV = Map.of();
    private static final Map<String, String> NO_OVERRIDES = Map.of();

    @TempDir
    Path temp;

    @Test
    void shouldReadTheConfigFile() {
        final Path file = aConfigFile("file.properties",
            "bootstrap.servers=file:9092",
            "newswire.dedup.window=1d",
            "newswire.application.id=from-file");

        final Settings settings = Settings.load(file, NO_ENV, NO_OVERRIDES);

        assertThat(settings.bootstrapServers()).isEqualTo("file:9092");
        assertThat(settings.pipeline().dedupWindow()).isEqualTo(Duration.ofDays(1));
        assertThat(settings.pipeline().applicationId()).isEqualTo("from-file");
    }

    @Test
    void shouldLetTheEnvironmentWinOverTheFile() {
        final Path file = aConfigFile("file.properties",
            "bootstrap.servers=file:9092",
            "newswire.dedup.window=1d",
            "newswire.application.id=from-file");
        final Map<String, String> env = Map.of(
            "NEWSWIRE_BOOTSTRAP_SERVERS", "env:9092",
            "NEWSWIRE_DEDUP_WINDOW", "2d");

        final Settings settings = Settings.load(file, env, NO_OVERRIDES);

        assertThat(settings.bootstrapServers()).isEqualTo("env:9092");
        assertThat(settings.pipeline().dedupWindow()).isEqualTo(Duration.ofDays(2));
        assertThat(settings.pipeline().applicationId()).as("not in the environment, so from the file")
            .isEqualTo("from-file");
    }

    @Test
    void shouldLetOverridesWinOverTheEnvironmentAndTheFile() {
        final Path file = aConfigFile("file.properties",
            "bootstrap.servers=file:9092",
            "newswire.dedup.window=1d");
        final Map<String, String> env = Map.of(
            "NEWSWIRE_BOOTSTRAP_SERVERS", "env:9092",
            "NEWSWIRE_DEDUP_WINDOW", "2d");

        final Settings settings = Settings.load(file, env, Map.of("bootstrap.servers", "cli:9092"));

        assertThat(settings.bootstrapServers()).isEqualTo("cli:9092");
        assertThat(settings.pipeline().dedupWindow()).as("not overridden, so from the environment")
            .isEqualTo(Duration.ofDays(2));
    }

    @Test
    void shouldKeepTheEnvironmentValueWhenAnOverrideIsNull() {
        final Map<String, String> overrides = new HashMap<>();
        overrides.put("bootstrap.servers", null);

        final Settings settings = Settings.load(null, Map.of("NEWSWIRE_BOOTSTRAP_SERVERS", "env:9092"), overrides);

        assertThat(settings.bootstrapServers()).isEqualTo("env:9092");
    }

    @Test
    void shouldMapBootstrapServersKafkaKeysAndPipelineKeysFromTheEnvironment() {
        final Map<String, String> env = Map.of(
            "NEWSWIRE_BOOTSTRAP_SERVERS", "broker-1:9092,broker-2:9092",
            "NEWSWIRE_KAFKA_SECURITY_PROTOCOL", "SSL",
            "NEWSWIRE_KAFKA_NUM_STREAM_THREADS", "2",
            "NEWSWIRE_DEDUP_WINDOW", "12h",
            "NEWSWIRE_TOPIC_DLQ", "desk.dlq");

        final Settings settings = Settings.load(null, env, NO_OVERRIDES);

        assertThat(settings.kafka())
            .containsEntry("bootstrap.servers", "broker-1:9092,broker-2:9092")
            .containsEntry("security.protocol", "SSL")
            .containsEntry("num.stream.threads", "2");
        assertThat(settings.get("newswire.dedup.window", null)).isEqualTo("12h");
        assertThat(settings.pipeline().dedupWindow()).isEqualTo(Duration.ofHours(12));
        assertThat(settings.pipeline().topics().dlq()).isEqualTo("desk.dlq");
    }

    @Test
    void shouldIgnoreLauncherVariablesAndVariablesOfOtherPrograms() {
        final Path file = aConfigFile("file.properties", "newswire.application.id=from-file");
        final Map<String, String> env = Map.of(
            "NEWSWIRE_CONFIG", file.toString(),
            "NEWSWIRE_HEAP", "2g",
            "NEWSWIRE_GC", "serial",
            "KAFKA_HEAP_OPTS", "-Xmx1g",
            "PATH", "/usr/bin");

        final Settings settings = Settings.load(null, env, NO_OVERRIDES);

        assertThat(settings.get("newswire.config", null)).isNull();
        assertThat(settings.get("newswire.heap", null)).isNull();
        assertThat(settings.get("newswire.gc", null)).isNull();
        assertThat(settings.kafka()).isEmpty();
        assertThat(settings.pipeline()).isEqualTo(PipelineConfig.defaults().withApplicationId("from-file"));
    }

    @Test
    void shouldUseTheFileNamedByNewswireConfig() {
        final Path file = aConfigFile("from-env.properties", "newswire.application.id=from-env-file");

        final Settings settings = Settings.load(null, Map.of("NEWSWIRE_CONFIG", file.toString()), NO_OVERRIDES);

        assertThat(settings.pipeline().applicationId()).isEqualTo("from-env-file");
    }

    @Test
    void shouldPreferTheConfigOptionOverNewswireConfig() {
        final Path fromOption = aConfigFile("option.properties", "newswire.application.id=from-option");
        final Path fromEnv = aConfigFile("env.properties", "newswire.application.id=from-env-file");

        final Settings settings = Settings.load(fromOption, Map.of("NEWSWIRE_CONFIG", fromEnv.toString()),
            NO_OVERRIDES);

        assertThat(settings.pipeline().applicationId()).isEqualTo("from-option");
    }

    @Test
    void shouldIgnoreABlankNewswireConfig() {
        final Settings settings = Settings.load(null, Map.of("NEWSWIRE_CONFIG", " "), NO_OVERRIDES);

        assertThat(settings.pipeline()).isEqualTo(PipelineConfig.defaults());
    }

    @Test
    void shouldSplitNewswireKeysIntoThePipelineAndEveryOtherKeyIntoKafka() {
        final Path file = aConfigFile("file.properties",
            "bootstrap.servers=file:9092",
            "security.protocol=SASL_SSL",
            "num.stream.threads=2",
            "newswire.application.id=desk",
            "newswire.topic.raw=desk.raw",
            "newswire.input.max.bytes=1024");

        final Settings settings = Settings.load(file, NO_ENV, NO_OVERRIDES);

        assertThat(settings.kafka()).containsOnlyKeys("bootstrap.servers", "security.protocol", "num.stream.threads");
        assertThat(settings.pipeline().applicationId()).isEqualTo("desk");
        assertThat(settings.pipeline().topics().raw()).isEqualTo("desk.raw");
        assertThat(settings.get("newswire.input.max.bytes", "4194304")).isEqualTo("1024");
    }

    @Test
    void shouldReadTheInputLimitAndRefuseOneTooLargeForARecord() {
        assertThat(Settings.load(aConfigFile("small.properties", "newswire.input.max.bytes=1024"), NO_ENV,
            NO_OVERRIDES).maxItemBytes()).isEqualTo(1024);
        assertThat(Settings.load(null, NO_ENV, NO_OVERRIDES).maxItemBytes())
            .isEqualTo(io.newswire.schema.config.Limits.MAX_ITEM_BYTES);
        final Settings tooLarge = Settings.load(aConfigFile("large.properties", "newswire.input.max.bytes=99999999"),
            NO_ENV, NO_OVERRIDES);
        assertThatThrownBy(tooLarge::maxItemBytes).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("newswire.input.max.bytes").hasMessageContaining("99999999");
    }

    @Test
    void shouldNameTheEnvironmentVariableThatSetsAnUnknownKey() {
        assertThatThrownBy(() -> Settings.load(null, Map.of("NEWSWIRE_DEDUP_GRASE", "1s"), NO_OVERRIDES))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("NEWSWIRE_DEDUP_GRASE=1s sets unknown setting newswire.dedup.grase: did you mean "
                + "NEWSWIRE_DEDUP_GRACE?");
    }

    @Test
    void shouldPointToKafkaVariablesWhenAnUnknownVariableIsNothingLikeANewswireKey() {
        assertThatThrownBy(() -> Settings.load(null, Map.of("NEWSWIRE_SECURITY_PROTOCOL", "SSL"), NO_OVERRIDES))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("NEWSWIRE_SECURITY_PROTOCOL=SSL sets unknown setting newswire.security.protocol: "
                + "the settings are listed in config/newswire.properties")
            .hasMessageContaining("NEWSWIRE_KAFKA_<KEY> sets a Kafka client setting");
    }

    @Test
    void shouldNotRepeatTheValueOfAnUnknownVariableThatMayHoldAPassword() {
        assertThatThrownBy(() -> Settings.load(null, Map.of("NEWSWIRE_SASL_JAAS_CONFIG", "password=\"hunter2\""),
            NO_OVERRIDES))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("NEWSWIRE_SASL_JAAS_CONFIG=(value hidden) sets unknown setting")
            .hasMessageNotContaining("hunter2");
    }

    @Test
    void shouldNameTheFileAndLineThatSetAnUnknownKey() {
        final Path file = aConfigFile("typo.properties",
            "# dedup",
            "newswire.dedup.window=1d",
            "  newswire.dedup.grase = 1s");

        assertThatThrownBy(() -> Settings.load(file, NO_ENV, NO_OVERRIDES))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("config file " + file + ":3: unknown setting newswire.dedup.grase: did you mean "
                + "newswire.dedup.grace?");
    }

    @Test
    void shouldAcceptRoutesAndKafkaKeysFromTheEnvironment() {
        final Map<String, String> env = Map.of(
            "NEWSWIRE_ROUTES_MARKETS", "trade,economy",
            "NEWSWIRE_KAFKA_SOME_FUTURE_SETTING", "x",
            "NEWSWIRE_HOME", "/opt/newswire");

        final Settings settings = Settings.load(null, env, NO_OVERRIDES);

        assertThat(settings.pipeline().routes()).containsOnlyKeys("markets");
        assertThat(settings.kafka()).containsOnly(Map.entry("some.future.setting", "x"));
    }

    @Test
    void shouldNameTheKeyValueAndExpectedFormOfAnUnusableInputLimit() {
        final Settings settings = Settings.load(null, Map.of("NEWSWIRE_INPUT_MAX_BYTES", "4MB"), NO_OVERRIDES);

        assertThatThrownBy(settings::maxItemBytes).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("newswire.input.max.bytes must be a number of bytes from 1 to 4194304 (4 MiB, so that an "
                + "enriched item fits in a record), was '4MB'");
    }

    @Test
    void shouldGiveNoBootstrapServersWhenNoneOrABlankOneIsConfigured() {
        assertThat(Settings.load(null, NO_ENV, NO_OVERRIDES).bootstrapServers()).isNull();
        assertThat(Settings.load(null, Map.of("NEWSWIRE_BOOTSTRAP_SERVERS", "  "), NO_OVERRIDES).bootstrapServers())
            .isNull();
    }

    @Test
    void shouldNameTheMissingConfigFile() {
        final Path missing = temp.resolve("missing.properties");

        assertThatThrownBy(() -> Settings.load(missing, NO_ENV, NO_OVERRIDES))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(missing.toString())
            .hasMessageContaining("does not exist");
    }

    @Test
    void shouldNameTheMissingFileOfNewswireConfig() {
        final Path missing = temp.resolve("missing-from-env.properties");

        assertThatThrownBy(() -> Settings.load(null, Map.of("NEWSWIRE_CONFIG", missing.toString()), NO_OVERRIDES))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(missing.toString());
    }

    @Test
    void shouldReplaceTheDefaultRoutesWithConfiguredOnes() {
        final Path file = aConfigFile("routes.properties",
            "newswire.routes.markets=trade, economy,energy",
            "newswire.routes.defence=security");

        final PipelineConfig config = Settings.load(file, NO_ENV, NO_OVERRIDES).pipeline();

        final Map<String, Set<String>> expected = new LinkedHashMap<>();
        expected.put("defence", Set.of("security"));
        expected.put("markets", Set.of("trade", "economy", "energy"));
        assertThat(config.routes()).containsExactlyEntriesOf(expected);
        assertThat(config.outputTopics())
            .containsExactly("news.defence", "news.markets", "news.general", "news.duplicates", "news.dlq")
            .doesNotContain("news.security", "news.trade");
    }

    @Test
    void shouldKeepTheDefaultRoutesWhenNoneIsConfigured() {
        final PipelineConfig config = Settings.load(null, NO_ENV, NO_OVERRIDES).pipeline();

        assertThat(List.copyOf(config.routes().keySet())).isEqualTo(PipelineConfig.DEFAULT_ROUTES);
    }

    private Path aConfigFile(final String name, final String... lines) {
        try {
            return Files.write(temp.resolve(name), List.of(lines), StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.newswire.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import io.newswire.schema.config.TopicNames;
import io.newswire.streams.enrich.EnrichmentSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PipelineConfigTest {

    @Test
    void shouldUseNewswireTopicNamesByDefault() {
        final TopicNames topics = PipelineConfig.defaults().topics();

        assertThat(topics.raw()).isEqualTo("news.raw");
        assertThat(topics.route("security")).isEqualTo("news.security");
        assertThat(topics.general()).isEqualTo("news.general");
        assertThat(topics.duplicates()).isEqualTo("news.duplicates");
        assertThat(topics.dlq()).isEqualTo("news.dlq");
    }

    @Test
    void shouldRouteEachTaxonomyTopicToItsOwnTopicByDefault() {
        final Map<String, Set<String>> routes = PipelineConfig.defaults().routes();

        assertThat(routes).containsOnlyKeys(PipelineConfig.DEFAULT_ROUTES).hasSize(8);
        assertThat(routes.keySet()).containsExactly("security", "trade", "economy", "energy", "diplomacy", "health",
            "sport", "culture");
        routes.forEach((route, topics) -> assertThat(topics).containsExactly(route));
    }

    @Test
    void shouldUseTheOtherDefaults() {
        final PipelineConfig config = PipelineConfig.defaults();

        assertThat(config.applicationId()).isEqualTo("newswire");
        assertThat(config.dedupWindow()).isEqualTo(Duration.ofDays(7));
        assertThat(config.partitions()).isEqualTo(3);
        assertThat(config.replicationFactor()).isEqualTo((short) 1);
        assertThat(config.enrichment()).isEqualTo(EnrichmentSettings.defaults());
    }

    @Test
    void shouldListEveryOutputTopicRoutesFirst() {
        assertThat(PipelineConfig.defaults().outputTopics()).containsExactly("news.security", "news.trade",
            "news.economy", "news.energy", "news.diplomacy", "news.health", "news.sport", "news.culture",
            "news.general", "news.duplicates", "news.dlq");
    }

    @Test
    void shouldReadNewswireOverrides() {
        final PipelineConfig config = PipelineConfig.fromProperties(properties(
            "newswire.application.id", "newswire-replay",
            "newswire.topic.raw", "staging.raw",
            "newswire.topic.route.prefix", "staging.desk.",
            "newswire.topic.general", "staging.general",
            "newswire.topic.duplicates", "staging.duplicates",
            "newswire.topic.dlq", "staging.dlq",
            "newswire.topic.partitions", " 12 ",
            "newswire.topic.replication.factor", "3",
            "newswire.dedup.window", "12h"));

        assertThat(config.applicationId()).isEqualTo("newswire-replay");
        assertThat(config.topics()).isEqualTo(new TopicNames("staging.raw", "staging.desk.", "staging.general",
            "staging.duplicates", "staging.dlq"));
        assertThat(config.partitions()).isEqualTo(12);
        assertThat(config.replicationFactor()).isEqualTo((short) 3);
        assertThat(config.dedupWindow()).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void shouldReadEnrichmentOverrides() {
        final PipelineConfig config = PipelineConfig.fromProperties(properties(
            "newswire.enrich.topic.lexicon", " config/topics.tsv ",
            "newswire.enrich.topic.threshold", "0.4"));

        assertThat(config.enrichment()).isEqualTo(EnrichmentSettings.defaults()
            .withTopicLexicon(Path.of("config/topics.tsv")).withTopicThreshold(0.4));
    }

    @Test
    void shouldIgnoreKeysOutsideTheNewswirePrefixAndBlankValues() {
        final PipelineConfig config = PipelineConfig.fromProperties(properties(
            "bootstrap.servers", "broker:9092",
            "topic.raw", "not-ours",
            "newswire.topic.general", "   "));

        assertThat(config).isEqualTo(PipelineConfig.defaults());
    }

    @Test
    void shouldReplaceTheDefaultRoutesWithConfiguredOnesInKeyOrder() {
        final PipelineConfig config = PipelineConfig.fromProperties(properties(
            "newswire.routes.world", "diplomacy, security ,",
            "newswire.routes.business", "trade,economy,energy"));

        assertThat(config.routes().keySet()).containsExactly("business", "world");
        assertThat(config.routes().get("business")).containsExactlyInAnyOrder("trade", "economy", "energy");
        assertThat(config.routes().get("world")).containsExactlyInAnyOrder("diplomacy", "security");
        assertThat(config.outputTopics()).startsWith("news.business", "news.world");
    }

    @ParameterizedTest
    @CsvSource({
        "7d, PT168H",
        "12h, PT12H",
        "30m, PT30M",
        "45s, PT45S",
        "250ms, PT0.25S",
        "7D, PT168H",
        "P7D, PT168H",
        "PT30M, PT30M",
        "pt12h, PT12H",
    })
    void shouldReadDurationsInShortAndIsoForms(final String value, final String expected) {
        final PipelineConfig config = PipelineConfig.fromProperties(properties("newswire.dedup.window", value));

        assertThat(config.dedupWindow()).isEqualTo(Duration.parse(expected));
    }

    @Test
    void shouldRejectAWindowThatIsNotADurationNamingTheKey() {
        assertThatThrownBy(() -> PipelineConfig.fromProperties(properties("newswire.dedup.window", "soon")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("newswire.dedup.window must be a duration like 7d, 12h or P7D, was 'soon'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0d", "PT0S", "-P1D"})
    void shouldRejectAWindowThatIsNotPositive(final String value) {
        assertThatThrownBy(() -> PipelineConfig.fromProperties(properties("newswire.dedup.window", value)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("newswire.dedup.window must be positive");
    }

    @Test
    void shouldRejectZeroPartitionsNamingTheKey() {
        assertThatThrownBy(() -> PipelineConfig.fromProperties(properties("newswire.topic.partitions", "0")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("newswire.topic.partitions must be at least 1, was 0");
    }

    @Test
    void shouldRejectPartitionsThatAreNotANumberNamingTheKey() {
        assertThatThrownBy(() -> PipelineConfig.fromProperties(properties("newswire.topic.partitions", "three")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("newswire.topic.partitions must be a whole number, was 'three'");
    }

    @Test
    void shouldRejectAThresholdThatIsNotANumberNamingTheKey() {
        assertThatThrownBy(() -> PipelineConfig.fromProperties(properties("newswire.enrich.topic.threshold", "high")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("newswire.enrich.topic.threshold must be a number, was 'high'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"world.news", "World", "-world", "world news"})
    void shouldRejectARouteNameUnusableInATopicName(final String route) {
        assertThatThrownBy(() -> PipelineConfig.fromProperties(properties("newswire.routes." + route, "security")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("newswire.routes." + route)
            .hasMessageContaining("route name '" + route + "' is not usable in a topic name: use lowercase letters, "
                + "digits, '-' and '_'");
    }

    @Test
    void shouldRejectARouteWithoutTopicsNamingTheKey() {
        assertThatThrownBy(() -> PipelineConfig.fromProperties(properties("newswire.routes.world", " , ")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("newswire.routes.world is empty");
    }

    @Test
    void shouldAcceptMinusOneAsTheBrokersDefaultReplicationFactor() {
        final PipelineConfig config = PipelineConfig.fromProperties(properties("newswire.topic.replication.factor",
            "-1"));

        assertThat(config.replicationFactor()).isEqualTo((short) -1);
    }

    @Test
    void shouldKeepRoutesFromChangingAfterConstruction() {
        final PipelineConfig config = PipelineConfig.defaults();

        assertThatThrownBy(() -> config.routes().put("world", Set.of("diplomacy")))
            .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void shouldCopyWithAnotherApplicationIdAndWindow() {
        final PipelineConfig config = PipelineConfig.defaults().withApplicationId("replay-1")
            .withDedupWindow(Duration.ofHours(1));

        assertThat(config.applicationId()).isEqualTo("replay-1");
        assertThat(config.dedupWindow()).isEqualTo(Duration.ofHours(1));
        assertThat(config.routes()).isEqualTo(PipelineConfig.defaults().routes());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-2", "40000"})
    void shouldRejectAnUnusableReplicationFactorNamingTheKey(final String value) {
        assertThatThrownBy(() -> PipelineConfig.fromProperties(properties("newswire.topic.replication.factor", value)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("newswire.topic.replication.factor");
    }

    @ParameterizedTest
    @ValueSource(strings = {"raw", "dlq", "duplicates", "general"})
    void shouldRejectARouteWhoseTopicIsAnotherNewswireTopic(final String route) {
        assertThatThrownBy(() -> PipelineConfig.fromProperties(properties("newswire.routes." + route, "security")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("newswire.routes." + route);
    }

    @Test
    void shouldRejectAWindowTooLongForADurationNamingTheKey() {
        assertThatThrownBy(() -> PipelineConfig.fromProperties(properties("newswire.dedup.window",
            "99999999999999999999d")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("newswire.dedup.window");
    }

    private static Properties properties(final String... keysAndValues) {
        final Properties properties = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }
}

package io.newswire.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import io.newswire.schema.config.TopicNames;
import io.newswire.streams.dedup.DedupSettings;
import io.newswire.streams.dedup.FingerprintSettings;
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
    void shouldTakeEveryDefaultFromTheDefaultsClasses() {
        final PipelineConfig config = PipelineConfig.fromProperties(new Properties());

        assertThat(config.topics()).isEqualTo(TopicNames.DEFAULTS);
        assertThat(config.dedup()).isEqualTo(DedupSettings.defaults());
        assertThat(config.fingerprint()).isEqualTo(FingerprintSettings.defaults());
        assertThat(config.enrichment()).isEqualTo(EnrichmentSettings.defaults());
        assertThat(config.applicationId()).isEqualTo(PipelineConfig.DEFAULT_APPLICATION_ID);
        assertThat(config.dedupWindow()).isEqualTo(PipelineConfig.DEFAULT_DEDUP_WINDOW);
        assertThat(config.partitions()).isEqualTo(PipelineConfig.DEFAULT_PARTITIONS);
        assertThat(config.replicationFactor()).isEqualTo(PipelineConfig.DEFAULT_REPLICATION_FACTOR);
    }

    @Test
    void shouldRejectAnUnknownKeyNamingTheNearestKnownOne() {
        assertThatThrownBy(() -> PipelineConfig.fromProperties(properties("newswire.dedup.grase", "1s")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("unknown setting newswire.dedup.grase: did you mean newswire.dedup.grace?");
    }

    @Test
    void shouldRejectAnUnknownKeyWithNothingCloseSayingWhereTheKeysAreListed() {
        assertThatThrownBy(() -> PipelineConfig.fromProperties(properties("newswire.colour", "blue")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("unknown setting newswire.colour: the settings are listed in config/newswire.properties and "
                + "the README's \"Configuration\" section");
    }

    @Test
    void shouldSuggestTheRoutesFamilyForAMisspeltRouteKey() {
        assertThatThrownBy(() -> PipelineConfig.fromProperties(properties("newswire.route.markets", "trade")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("unknown setting newswire.route.markets: did you mean newswire.routes.markets?");
    }

    @Test
    void shouldReadTheFingerprintKeys() {
        final PipelineConfig config = PipelineConfig.fromProperties(properties(
            "newswire.dedup.shingle.words", "5",
            "newswire.dedup.bands", " 16 ",
            "newswire.dedup.rows.per.band", "8"));

        assertThat(config.fingerprint()).isEqualTo(new FingerprintSettings(5, 16, 8));
    }

    @ParameterizedTest
    @CsvSource({
        "newswire.dedup.shingle.words, 0, a whole number from 1 to 10",
        "newswire.dedup.shingle.words, 11, a whole number from 1 to 10",
        "newswire.dedup.shingle.words, four, a whole number from 1 to 10",
        "newswire.dedup.bands, 0, a whole number from 1 to 255",
        "newswire.dedup.bands, 256, a whole number from 1 to 255",
        "newswire.dedup.bands, 2.5, a whole number from 1 to 255",
        "newswire.dedup.rows.per.band, 0, a whole number from 1 to 1024",
        "newswire.dedup.rows.per.band, 1025, a whole number from 1 to 1024",
    })
    void shouldRejectAnUnusableFingerprintValueNamingTheKey(final String key, final String value,
                                                             final String expected) {
        assertThatThrownBy(() -> PipelineConfig.fromProperties(properties(key, value)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage(key + " must be " + expected + ", was '" + value + "'");
    }

    @Test
    void shouldRejectMoreBandsTimesRowsThanAFingerprintHoldsNamingBothKeys() {
        assertThatThrownBy(() -> PipelineConfig.fromProperties(properties(
            "newswire.dedup.bands", "64",
            "newswire.dedup.rows.per.band", "32")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("newswire.dedup.bands=64 with newswire.dedup.rows.per.band=32 is not usable")
            .hasMessageContaining("1024");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "-0.1", "NaN", "most"})
    void shouldRejectASimilarityOutsideZeroToOneNamingTheKey(final String value) {
        assertThatThrownBy(() -> PipelineConfig.fromProperties(properties("newswire.dedup.duplicate.similarity",
            value)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("newswire.dedup.duplicate.similarity must be a number from 0 to 1, was '" + value + "'");
    }

    @Test
    void shouldReadTheDedupKeys() {
        final PipelineConfig config = PipelineConfig.fromProperties(properties(
            "newswire.dedup.grace", "250ms",
            "newswire.dedup.duplicate.similarity", "0.9",
            "newswire.dedup.update.similarity", "0.6",
            "newswire.dedup.translation.overlap", "0.4",
            "newswire.dedup.max.candidates", "20"));

        assertThat(config.dedup()).isEqualTo(new DedupSettings(Duration.ofMillis(250), 0.9, 0.6, 0.4, 20));
    }

    @Test
    void shouldRejectANegativeGraceNamingTheKey() {
        assertThatThrownBy(() -> PipelineConfig.fromProperties(properties("newswire.dedup.grace", "-PT1S")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("newswire.dedup.grace must be a duration like 2s, 500ms or PT2S, zero or more, was '-PT1S'");
    }

    @Test
    void shouldReportEveryUnusableValueAtOnce() {
        assertThatThrownBy(() -> PipelineConfig.fromProperties(properties(
            "newswire.topic.partitions", "three",
            "newswire.dedup.window", "soon")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("newswire.topic.partitions must be")
            .hasMessageContaining("newswire.dedup.window must be");
    }

    @Test
    void shouldRejectATopicNameKafkaWouldRefuseNamingTheKey() {
        assertThatThrownBy(() -> PipelineConfig.fromProperties(properties("newswire.topic.dlq", "news dlq")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("newswire.topic.dlq must be a topic name of letters, digits, '.', '_' and '-', was 'news dlq'");
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
            .hasMessage("newswire.dedup.window must be a positive duration like 7d, 12h or P7D, was 'soon'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0d", "PT0S", "-P1D"})
    void shouldRejectAWindowThatIsNotPositive(final String value) {
        assertThatThrownBy(() -> PipelineConfig.fromProperties(properties("newswire.dedup.window", value)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("newswire.dedup.window must be a positive duration like 7d, 12h or P7D, was '" + value + "'");
    }

    @Test
    void shouldRejectZeroPartitionsNamingTheKey() {
        assertThatThrownBy(() -> PipelineConfig.fromProperties(properties("newswire.topic.partitions", "0")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("newswire.topic.partitions must be a whole number of at least 1, was '0'");
    }

    @Test
    void shouldRejectPartitionsThatAreNotANumberNamingTheKey() {
        assertThatThrownBy(() -> PipelineConfig.fromProperties(properties("newswire.topic.partitions", "three")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("newswire.topic.partitions must be a whole number of at least 1, was 'three'");
    }

    @Test
    void shouldRejectAThresholdThatIsNotANumberNamingTheKey() {
        assertThatThrownBy(() -> PipelineConfig.fromProperties(properties("newswire.enrich.topic.threshold", "high")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("newswire.enrich.topic.threshold must be a number from 0 to 1, was 'high'");
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

    @Test
    void shouldCopyWithOtherFingerprintSettings() {
        final FingerprintSettings fewerBands = FingerprintSettings.defaults().withBands(16, 8);

        final PipelineConfig config = PipelineConfig.defaults().withFingerprint(fewerBands);

        assertThat(config.fingerprint()).isEqualTo(fewerBands);
        assertThat(config.withApplicationId("other").withPartitions(1).fingerprint()).isEqualTo(fewerBands);
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

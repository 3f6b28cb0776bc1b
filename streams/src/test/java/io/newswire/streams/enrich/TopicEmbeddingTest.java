package io.newswire.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopicEmbeddingTest {

    private static TopicEmbedding chinese;

    @BeforeAll
    static void loadTheModelOnce() {
        chinese = TopicEmbedding.chinese();
    }

    /** Headlines written for this test, whose words the lexicon does not know or barely knows. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "刘德华携妻现身机场 低调返港 | culture",
        "王菲谢霆锋再度同框 | culture",
        "国足主场两球击败叙利亚 | sport",
        "央行宣布下调存款准备金率 | economy",
    })
    void shouldGiveAChineseHeadlineTheTopicItIsAbout(final String headline, final String topic) {
        final Optional<Map.Entry<String, Double>> found = chinese.topic(headline,
                EnrichmentSettings.DEFAULT_TOPIC_THRESHOLD);

        assertThat(found).isPresent();
        assertThat(found.get().getKey()).isEqualTo(topic);
        assertThat(found.get().getValue()).isBetween(EnrichmentSettings.DEFAULT_TOPIC_THRESHOLD, 1.0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"新款智能手机发布 搭载最新处理器", "高考分数线今日公布"})
    void shouldGiveNoTopicToAHeadlineAboutNoRoute(final String headline) {
        assertThat(chinese.topic(headline, EnrichmentSettings.DEFAULT_TOPIC_THRESHOLD)).isEmpty();
        assertThat(chinese.probabilities(headline).get(TopicEmbedding.OTHER)).isGreaterThan(0.5);
    }

    @Test
    void shouldGiveTheSameProbabilitiesEveryTime() {
        final String headline = "北约举行大规模联合军演";

        assertThat(chinese.probabilities(headline)).isEqualTo(chinese.probabilities(headline));
    }

    @Test
    void shouldScoreEveryClassAndSumToOne() {
        final Map<String, Double> probabilities = chinese.probabilities("央行宣布下调存款准备金率");

        assertThat(probabilities).containsKeys("security", "economy", "sport", "culture", TopicEmbedding.OTHER);
        assertThat(probabilities.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0,
                org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void shouldLeaveABlankTextWithoutATopicAndWithoutCallingTheModel() {
        final AtomicInteger calls = new AtomicInteger();
        final TopicEmbedding stage = new TopicEmbedding(prototypes(), text -> {
            calls.incrementAndGet();
            return axis(text);
        });
        calls.set(0);

        assertThat(stage.topic("   ", 0.5)).isEmpty();
        assertThat(stage.topic(null, 0.5)).isEmpty();
        assertThat(calls).hasValue(0);
    }

    @Test
    void shouldPickTheNearestPrototypeAboveTheThresholdAndNeverOther() {
        final TopicEmbedding stage = new TopicEmbedding(prototypes(), TopicEmbeddingTest::axis);

        assertThat(stage.topic("sport", 0.5)).get().extracting(Map.Entry::getKey).isEqualTo("sport");
        assertThat(stage.topic("other", 0.5)).as("the nearest class is no route").isEmpty();
        assertThat(stage.topic("between", 0.6)).as("halfway between two classes: under the threshold").isEmpty();
        assertThat(stage.topic("between", 0.4)).isPresent();
    }

    @Test
    void shouldReadOnlyTheHeadOfALongText() {
        final String text = "体".repeat(TopicEmbedding.MAX_CHARS + 100);

        assertThat(TopicEmbedding.head(text)).hasSize(TopicEmbedding.MAX_CHARS);
        assertThat(TopicEmbedding.head("  短  ")).isEqualTo("短");
        final String pairs = "a" + "😀".repeat(TopicEmbedding.MAX_CHARS);
        assertThat(Character.isHighSurrogate(TopicEmbedding.head(pairs).charAt(TopicEmbedding.head(pairs).length() - 1)))
                .as("a surrogate pair is never cut in two").isFalse();
    }

    @Test
    void shouldRefuseNoPrototypes() {
        assertThatThrownBy(() -> new TopicEmbedding(Map.of(), TopicEmbeddingTest::axis))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prototypes");
    }

    private static Map<String, List<String>> prototypes() {
        final Map<String, List<String>> prototypes = new LinkedHashMap<>();
        prototypes.put("sport", List.of("sport"));
        prototypes.put("culture", List.of("culture"));
        prototypes.put(TopicEmbedding.OTHER, List.of("other"));
        return prototypes;
    }

    /** A toy embedder: each class word is one axis; "between" lies halfway between sport and culture. */
    private static float[] axis(final String text) {
        return switch (text) {
            case "sport" -> new float[] {1f, 0f, 0f};
            case "culture" -> new float[] {0f, 1f, 0f};
            case "other" -> new float[] {0f, 0f, 1f};
            case "between" -> TopicEmbedding.unit(new float[] {1f, 1f, 0f});
            default -> new float[] {0f, 0f, 0f};
        };
    }
}

package io.newswire.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.newswire.schema.TopicScore;

class TopicModelTest {

    /** Two topics; "missile" speaks for security in the text, "football" for sport in the title. */
    private static TopicModel aSmallModel() {
        return new TopicModel("en", List.of("security", "sport"), new double[] {-2.0, -2.0},
                Map.of("football", new TopicModel.Feature(2.0, new float[] {-1.0f, 6.0f})),
                Map.of("missile", new TopicModel.Feature(3.0, new float[] {5.0f, -1.0f}),
                        "the", new TopicModel.Feature(1.0, new float[] {0.0f, 0.0f})),
                Map.of(TopicModel.LEXICON_FEATURE + "security", new TopicModel.Feature(1.0, new float[] {2.0f, 0f})));
    }

    @Test
    void shouldScoreFromUnitLengthTfIdfVectors() {
        final double[] p = aSmallModel().probabilities(Token.of("Talks"), Token.of("The missile, the missile"),
                Map.of());
        // text vector: missile (1 + ln 2) * 3, the (1 + ln 2) * 1, scaled to unit length
        final double missile = 3.0 / Math.sqrt(10.0);
        assertThat(p[0]).isCloseTo(1.0 / (1.0 + Math.exp(-(-2.0 + 5.0 * missile))), within(1e-9));
        assertThat(p[1]).isCloseTo(1.0 / (1.0 + Math.exp(-(-2.0 - missile))), within(1e-9));
    }

    @Test
    void shouldAddExtraFeaturesAndIgnoreUnknownOnes() {
        final TopicModel model = aSmallModel();
        final double[] without = model.probabilities(Token.of(""), Token.of("weather"), Map.of());
        final double[] with = model.probabilities(Token.of(""), Token.of("weather"),
                Map.of(TopicModel.LEXICON_FEATURE + "security", 1.0, "unknown", 5.0));
        assertThat(without[0]).isCloseTo(1.0 / (1.0 + Math.exp(2.0)), within(1e-9));
        assertThat(with[0]).isCloseTo(0.5, within(1e-9));
        assertThat(with[1]).isEqualTo(without[1]);
    }

    @Test
    void shouldAddTheSquareOfALexiconScoreWhereTheModelHasAWeightForIt() {
        final TopicModel model = new TopicModel("en", List.of("security"), new double[] {-2.0}, Map.of(), Map.of(),
                Map.of(TopicModel.LEXICON_FEATURE + "security", new TopicModel.Feature(1.0, new float[] {1.0f}),
                        TopicModel.LEXICON_SQUARED + "security", new TopicModel.Feature(1.0, new float[] {4.0f})));
        final double[] p = model.probabilities(Token.of(""), Token.of("weather"),
                Map.of(TopicModel.LEXICON_FEATURE + "security", 0.5));
        // -2 + 1 * 0.5 + 4 * 0.5^2 = -0.5; the model without the square's weight (aSmallModel) gives -2 + 2 * 0.5
        assertThat(p[0]).isCloseTo(1.0 / (1.0 + Math.exp(0.5)), within(1e-9));
        assertThat(aSmallModel().probabilities(Token.of(""), Token.of("weather"),
                Map.of(TopicModel.LEXICON_FEATURE + "security", 0.5))[0]).isCloseTo(1.0 / (1.0 + Math.exp(1.0)),
                within(1e-9));
    }

    @Test
    void shouldReadWhatItWrites() throws Exception {
        final StringWriter out = new StringWriter();
        aSmallModel().write(out, List.of("a test model"));
        final TopicModel read = TopicModel.read(new BufferedReader(new StringReader(out.toString())), "test");
        assertThat(out.toString()).startsWith("# a test model\nlanguage\ten\ntopics\tsecurity\tsport\n");
        assertThat(read.topics()).containsExactly("security", "sport");
        assertThat(read.probabilities(Token.of("Football"), Token.of("missile"), Map.of()))
                .containsExactly(aSmallModel().probabilities(Token.of("Football"), Token.of("missile"), Map.of()));
    }

    @Test
    void shouldNameTheFileAndLineOfABadModel(@TempDir final Path dir) throws Exception {
        final Path file = dir.resolve("model.tsv");
        Files.writeString(file, "language\ten\ntopics\tsecurity\tsport\nbias\t-1\t-1\nb:missile\t2\t1\n");
        assertThatThrownBy(() -> TopicModel.fromFile(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + ":4: expected 2 weights, found 1");
        assertThatThrownBy(() -> TopicModel.fromFile(dir.resolve("missing.tsv")))
                .hasMessageContaining("missing.tsv").hasMessageContaining("newswire.enrich.topic.model");
    }

    @Test
    void shouldIgnoreOneLetterAndNumberWords() {
        assertThat(TopicModel.counts(Token.of("A 2021 missile, a G20 missile"))).containsOnly(
                Map.entry("missile", 2), Map.entry("g20", 1));
    }

    @Test
    void shouldBundleAnEnglishModelThatTheClassifierUsesForEnglishOnly() {
        final TopicModel english = TopicModel.bundled("en");
        assertThat(english.topics()).contains("security", "economy", "energy", "diplomacy", "health", "sport");
        assertThat(TopicModel.bundled("xx")).isNull();
        final TopicClassifier classifier = new TopicClassifier(TopicLexicon.bundled(), TopicScoring.DEFAULT, 0.5,
                List.of(english));
        final String title = "Talks with the Prime Minister of Japan";
        final String text = title + "\nThe leaders discussed bilateral relations, trade and the peace treaty.";
        final Map<String, Double> asEnglish = classifier.scores("en", Token.of(title), Token.of(text));
        final Map<String, Double> asUnknown = classifier.scores(null, Token.of(title), Token.of(text));
        assertThat(asEnglish.get("diplomacy")).isNotEqualTo(asUnknown.get("diplomacy"));
        assertThat(asEnglish.get("trade")).as("trade is not in the model: the lexicon decides")
                .isEqualTo(asUnknown.get("trade"));
        assertThat(classifier.classify("en", title, text)).extracting(TopicScore::getName).contains("diplomacy");
    }
}

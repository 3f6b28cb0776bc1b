package io.newswire.streams.enrich;

import static io.newswire.streams.testing.WireItems.theSeedTranscript;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

class OpenNlpLanguageDetectorTest {

    private static LanguageDetectorModel model;
    private static OpenNlpLanguageDetector detector;

    @BeforeAll
    static void loadModelOnce() throws IOException {
        try (InputStream in = OpenNlpLanguageDetector.class.getResourceAsStream(OpenNlpLanguageDetector.MODEL_RESOURCE)) {
            model = new LanguageDetectorModel(in);
        }
        detector = new OpenNlpLanguageDetector(model, Iso639.load(), EnrichmentSettings.DEFAULT_LANGUAGE_MAX_CHARS);
    }

    static Stream<Arguments> sentences() {
        return Stream.of(
                Arguments.of("it", Samples.ITALIAN),
                Arguments.of("en", Samples.ENGLISH),
                Arguments.of("ru", Samples.RUSSIAN),
                Arguments.of("de", Samples.GERMAN),
                Arguments.of("fr", Samples.FRENCH),
                Arguments.of("es", Samples.SPANISH));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sentences")
    void shouldDetectTheLanguageOfASentenceAsIso6391(final String language, final String sentence) {
        assertThat(sentence).hasSizeGreaterThanOrEqualTo(100);

        final DetectedLanguage detected = detector.detect(sentence);

        assertThat(detected.language()).isEqualTo(language);
        assertThat(detected.confidence()).isGreaterThanOrEqualTo(EnrichmentSettings.DEFAULT_MIN_LANGUAGE_CONFIDENCE);
    }

    @Test
    void shouldDetectTheSeedTranscriptAsItalian() {
        assertThat(detector.detect(ItemText.of(theSeedTranscript())).language()).isEqualTo("it");
    }

    /** The detector asks the model itself; its answers must be those of OpenNLP's own LanguageDetectorME. */
    @ParameterizedTest(name = "first {0} chars")
    @ValueSource(ints = {40, 100, 500, 3000})
    void shouldAnswerAsOpenNlpsOwnDetectorDoes(final int maxChars) {
        final OpenNlpLanguageDetector fast = new OpenNlpLanguageDetector(model, Iso639.load(), maxChars);
        final LanguageDetectorME reference = new LanguageDetectorME(model);
        final List<String> texts = List.of(Samples.ITALIAN, Samples.ENGLISH, Samples.RUSSIAN,
                Samples.GERMAN, Samples.FRENCH, Samples.SPANISH, ItemText.of(theSeedTranscript()));

        for (final String text : texts) {
            final String head = text.substring(0, Math.min(maxChars, text.length()));
            final Language[] ranked = reference.predictLanguages(head);
            final DetectedLanguage detected = fast.detect(text);

            assertThat(detected.language()).as(head).isEqualTo(Iso639.load().toAlpha1(ranked[0].getLang()));
            assertThat(detected.confidence()).as(head)
                    .isCloseTo(1.0 - ranked[1].getConfidence() / ranked[0].getConfidence(), within(1e-9));
        }
    }

    @Test
    void shouldAnswerUnknownForEmptyText() {
        assertThat(detector.detect("")).isEqualTo(DetectedLanguage.unknown());
        assertThat(detector.detect(null)).isEqualTo(DetectedLanguage.unknown());
    }

    @Test
    void shouldAnswerUnknownWhenNormalizationLeavesNothing() {
        assertThat(detector.detect("2021-08-21 #newswire 12 34")).isEqualTo(DetectedLanguage.unknown());
    }
}

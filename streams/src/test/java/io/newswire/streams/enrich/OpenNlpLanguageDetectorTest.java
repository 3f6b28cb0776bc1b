package io.newswire.streams.enrich;

import static io.newswire.streams.testing.WireItems.theSeedTranscript;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OpenNlpLanguageDetectorTest {

    private static OpenNlpLanguageDetector detector;

    @BeforeAll
    static void loadModelOnce() {
        detector = OpenNlpLanguageDetector.fromClasspath(EnrichmentSettings.DEFAULT_LANGUAGE_MAX_CHARS);
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

    @Test
    void shouldAnswerUnknownForEmptyText() {
        assertThat(detector.detect("")).isEqualTo(DetectedLanguage.unknown());
        assertThat(detector.detect(null)).isEqualTo(DetectedLanguage.unknown());
    }
}

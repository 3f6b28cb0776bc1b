package io.newswire.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ThresholdLanguageDetectorTest {

    private static LanguageDetector detector;

    @BeforeAll
    static void loadModelOnce() {
        detector = new ThresholdLanguageDetector(
                OpenNlpLanguageDetector.fromClasspath(EnrichmentSettings.DEFAULT_LANGUAGE_MAX_CHARS),
                EnrichmentSettings.DEFAULT_MIN_LANGUAGE_LETTERS, EnrichmentSettings.DEFAULT_MIN_LANGUAGE_CONFIDENCE);
    }

    @Test
    void shouldGiveNoLanguageForEmptyOrBlankText() {
        assertThat(detector.detect(null).language()).isNull();
        assertThat(detector.detect("").language()).isNull();
        assertThat(detector.detect("   \n ").language()).isNull();
    }

    @Test
    void shouldGiveNoLanguageForTooFewLetters() {
        assertThat(detector.detect("Ciao!").language()).isNull();
        assertThat(detector.detect("2021-08-21 12:00 +33% 4%").language()).isNull();
    }

    @Test
    void shouldGiveNoLanguageBelowTheMinimumConfidence() {
        final LanguageDetector unsure = text -> new DetectedLanguage("it", 0.1);
        final LanguageDetector guarded = new ThresholdLanguageDetector(unsure, 0, 0.3);

        assertThat(guarded.detect(Samples.ITALIAN)).isEqualTo(DetectedLanguage.unknown());
    }

    @Test
    void shouldPassOnConfidentAnswersForLongEnoughText() {
        assertThat(detector.detect(Samples.RUSSIAN).language()).isEqualTo("ru");
    }
}

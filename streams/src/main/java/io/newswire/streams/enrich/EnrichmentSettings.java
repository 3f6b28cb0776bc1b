package io.newswire.streams.enrich;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How the enrich stage is set up, with the defaults in one place ({@link #defaults()}).
 *
 * @param topicLexicon          a topic lexicon file (TSV: topic, language, term, weight) used instead of the bundled
 *                              one; empty for the bundled {@code topics.tsv}
 * @param topicModel            a topic model file ({@link TopicModel}) used for its language instead of the bundled
 *                              one (or in addition, for another language); empty for the bundled English model
 * @param topicThreshold        topics scoring below this (0..1) are left out
 * @param minLanguageLetters    texts with fewer letters get no language
 * @param minLanguageConfidence detections less sure than this (0..1) give no language
 * @param languageMaxChars      the language detector reads only this many characters from the start of the text
 * @param topicEmbedding        Chinese items the lexicon gives no topic get one from {@link TopicEmbedding} (the model
 *                              loads on the first such item)
 */
public record EnrichmentSettings(Optional<Path> topicLexicon, Optional<Path> topicModel, double topicThreshold,
                                 int minLanguageLetters, double minLanguageConfidence, int languageMaxChars,
                                 boolean topicEmbedding) {

    /** Chosen on the measurements in {@code eval/TOPICS.md}. */
    public static final double DEFAULT_TOPIC_THRESHOLD = 0.5;
    /** Chosen on the measurements in {@code eval/LANGUAGE_DETECTOR.md}. */
    public static final int DEFAULT_MIN_LANGUAGE_LETTERS = 20;
    public static final double DEFAULT_MIN_LANGUAGE_CONFIDENCE = 0.3;
    /**
     * The shortest head with no wrong answer on 1,343 long texts in 16 languages ({@code eval/LANGUAGE_DETECTOR.md});
     * detection costs about linearly in it (~130 µs here, against ~520 µs for 3,000).
     */
    public static final int DEFAULT_LANGUAGE_MAX_CHARS = 300;

    public EnrichmentSettings {
        Objects.requireNonNull(topicLexicon, "topicLexicon (use Optional.empty() for the bundled lexicon)");
        Objects.requireNonNull(topicModel, "topicModel (use Optional.empty() for the bundled model)");
        if (topicThreshold < 0.0 || topicThreshold > 1.0) {
            throw new IllegalArgumentException("topic threshold must be within 0..1, was " + topicThreshold);
        }
        if (minLanguageConfidence < 0.0 || minLanguageConfidence > 1.0) {
            throw new IllegalArgumentException(
                    "minimum language confidence must be within 0..1, was " + minLanguageConfidence);
        }
        if (minLanguageLetters < 0 || languageMaxChars <= 0) {
            throw new IllegalArgumentException("minLanguageLetters must be >= 0 and languageMaxChars > 0, were "
                    + minLanguageLetters + " and " + languageMaxChars);
        }
    }

    public static EnrichmentSettings defaults() {
        return new EnrichmentSettings(Optional.empty(), Optional.empty(), DEFAULT_TOPIC_THRESHOLD, DEFAULT_MIN_LANGUAGE_LETTERS,
                DEFAULT_MIN_LANGUAGE_CONFIDENCE, DEFAULT_LANGUAGE_MAX_CHARS, true);
    }

    public EnrichmentSettings withTopicLexicon(final Path lexicon) {
        return new EnrichmentSettings(Optional.of(lexicon), topicModel, topicThreshold, minLanguageLetters, minLanguageConfidence,
                languageMaxChars, topicEmbedding);
    }

    public EnrichmentSettings withTopicModel(final Path model) {
        return new EnrichmentSettings(topicLexicon, Optional.of(model), topicThreshold, minLanguageLetters,
                minLanguageConfidence, languageMaxChars, topicEmbedding);
    }

    public EnrichmentSettings withTopicThreshold(final double threshold) {
        return new EnrichmentSettings(topicLexicon, topicModel, threshold, minLanguageLetters, minLanguageConfidence,
                languageMaxChars, topicEmbedding);
    }

    public EnrichmentSettings withLanguageThresholds(final int minLetters, final double minConfidence) {
        return new EnrichmentSettings(topicLexicon, topicModel, topicThreshold, minLetters, minConfidence, languageMaxChars,
                topicEmbedding);
    }

    public EnrichmentSettings withTopicEmbedding(final boolean enabled) {
        return new EnrichmentSettings(topicLexicon, topicModel, topicThreshold, minLanguageLetters, minLanguageConfidence,
                languageMaxChars, enabled);
    }
}

package io.newswire.streams.enrich;

/**
 * A language detector's answer: the ISO 639-1 code (null when unknown) and a confidence in 0..1.
 *
 * @param language   ISO 639-1 code such as {@code it}; null when the language could not be told
 * @param confidence how sure the detector is, 0..1; 0 when the language is unknown
 */
public record DetectedLanguage(String language, double confidence) {

    private static final DetectedLanguage UNKNOWN = new DetectedLanguage(null, 0.0);

    public DetectedLanguage {
        if (confidence < 0.0 || confidence > 1.0 || Double.isNaN(confidence)) {
            throw new IllegalArgumentException("confidence must be within 0..1, was " + confidence);
        }
    }

    public static DetectedLanguage unknown() {
        return UNKNOWN;
    }

    public boolean isKnown() {
        return language != null;
    }
}

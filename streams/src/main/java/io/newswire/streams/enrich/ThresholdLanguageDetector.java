package io.newswire.streams.enrich;

/**
 * Wraps a {@link LanguageDetector} so that it answers "unknown" rather than guess: texts with too few letters, and
 * answers below a minimum confidence, give {@link DetectedLanguage#unknown()}.
 */
public final class ThresholdLanguageDetector implements LanguageDetector {

    private final LanguageDetector delegate;
    private final int minLetters;
    private final double minConfidence;

    public ThresholdLanguageDetector(final LanguageDetector delegate, final int minLetters, final double minConfidence) {
        if (minLetters < 0) {
            throw new IllegalArgumentException("minLetters must not be negative, was " + minLetters);
        }
        this.delegate = delegate;
        this.minLetters = minLetters;
        this.minConfidence = minConfidence;
    }

    @Override
    public DetectedLanguage detect(final CharSequence text) {
        if (text == null || !hasLetters(text, minLetters)) {
            return DetectedLanguage.unknown();
        }
        final DetectedLanguage detected = delegate.detect(text);
        if (!detected.isKnown() || detected.confidence() < minConfidence) {
            return DetectedLanguage.unknown();
        }
        return detected;
    }

    /** Letters, not characters: digits, punctuation and whitespace say nothing about the language. */
    private static boolean hasLetters(final CharSequence text, final int wanted) {
        int letters = 0;
        for (int i = 0; i < text.length() && letters < wanted; i++) {
            if (Character.isLetter(text.charAt(i))) {
                letters++;
            }
        }
        return letters >= wanted;
    }
}

package io.newswire.streams.enrich;

/**
 * Tells which language a text is written in: text in, {@link DetectedLanguage} (ISO 639-1 code and confidence) out.
 * Implementations are thread-safe once built.
 */
public interface LanguageDetector {

    /** The most likely language of the text; {@link DetectedLanguage#unknown()} when it cannot be told. */
    DetectedLanguage detect(CharSequence text);
}

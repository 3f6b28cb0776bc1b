package io.newswire.streams.enrich;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.langdetect.ThreadSafeLanguageDetectorME;

/**
 * Language detection with Apache OpenNLP's language-detection model ({@code langdetect-183.bin}, 103 languages,
 * shipped in {@code opennlp-models-langdetect}): text in, ISO 639-1 code and confidence out.
 *
 * <p>The model's top probability is spread over 103 languages and shrinks with short texts even when the answer is
 * right (0.1–0.9 on correct 100–300 character snippets), so the confidence reported is the margin of the best
 * language over the runner-up, {@code 1 - p2 / p1}: 0 when the two tie, near 1 when the best one is unrivalled.
 * Thread-safe: the model is immutable and {@link ThreadSafeLanguageDetectorME} keeps one light detector per thread.
 */
public final class OpenNlpLanguageDetector implements LanguageDetector {

    /** Where opennlp-models-langdetect puts the model: at the root of its jar. */
    static final String MODEL_RESOURCE = "/langdetect-183.bin";

    private final ThreadSafeLanguageDetectorME detector;
    private final Iso639 iso639;
    private final int maxChars;

    private OpenNlpLanguageDetector(final LanguageDetectorModel model, final Iso639 iso639, final int maxChars) {
        this.detector = new ThreadSafeLanguageDetectorME(model);
        this.iso639 = iso639;
        this.maxChars = maxChars;
    }

    /**
     * Loads the model from the classpath (about a second and 60–70 MB of heap: do it once).
     *
     * @param maxChars only the first {@code maxChars} characters are looked at; the language of a wire item is
     *                 settled long before its end, and the cost grows with the length
     */
    public static OpenNlpLanguageDetector fromClasspath(final int maxChars) {
        if (maxChars <= 0) {
            throw new IllegalArgumentException("maxChars must be positive, was " + maxChars);
        }
        try (InputStream in = OpenNlpLanguageDetector.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("OpenNLP language model " + MODEL_RESOURCE + " is not on the classpath:"
                        + " add org.apache.opennlp:opennlp-models-langdetect to the dependencies");
            }
            return new OpenNlpLanguageDetector(new LanguageDetectorModel(in), Iso639.load(), maxChars);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read OpenNLP language model " + MODEL_RESOURCE, e);
        }
    }

    @Override
    public DetectedLanguage detect(final CharSequence text) {
        if (text == null || text.length() == 0) {
            return DetectedLanguage.unknown();
        }
        final CharSequence head = text.length() > maxChars ? text.subSequence(0, maxChars) : text;
        final Language[] ranked = detector.predictLanguages(head);
        if (ranked.length == 0) {
            return DetectedLanguage.unknown();
        }
        final String language = iso639.toAlpha1(ranked[0].getLang());
        if (language == null) {
            return DetectedLanguage.unknown();
        }
        return new DetectedLanguage(language, margin(ranked));
    }

    private static double margin(final Language[] ranked) {
        final double best = ranked[0].getConfidence();
        if (ranked.length < 2 || best <= 0.0) {
            return best <= 0.0 ? 0.0 : 1.0;
        }
        return Math.max(0.0, Math.min(1.0, 1.0 - ranked[1].getConfidence() / best));
    }
}

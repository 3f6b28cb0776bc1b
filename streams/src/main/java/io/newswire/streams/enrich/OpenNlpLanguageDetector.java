package io.newswire.streams.enrich;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.model.MaxentModel;

/**
 * Language detection with Apache OpenNLP's language-detection model ({@code langdetect-183.bin}, 103 languages,
 * shipped in {@code opennlp-models-langdetect}): text in, ISO 639-1 code and confidence out.
 *
 * <p>The model's top probability is spread over 103 languages and shrinks with short texts even when the answer is
 * right (0.1–0.9 on correct 100–300 character snippets), so the confidence reported is the margin of the best
 * language over the runner-up, {@code 1 - p2 / p1}: 0 when the two tie, near 1 when the best one is unrivalled.
 *
 * <p>The model is asked directly ({@link MaxentModel#eval}) with the features {@link LanguageNgrams} computes, the
 * same ones OpenNLP's {@code LanguageDetectorME} would compute, several times cheaper; and only the best two
 * languages are looked for instead of ranking all 103. Thread-safe: the model is immutable and a detection keeps
 * its state in local variables.
 */
public final class OpenNlpLanguageDetector implements LanguageDetector {

    /** Where opennlp-models-langdetect puts the model: at the root of its jar. */
    static final String MODEL_RESOURCE = "/langdetect-183.bin";

    private final MaxentModel model;
    private final Iso639 iso639;
    private final int maxChars;

    OpenNlpLanguageDetector(final LanguageDetectorModel model, final Iso639 iso639, final int maxChars) {
        this.model = model.getMaxentModel();
        this.iso639 = iso639;
        this.maxChars = maxChars;
    }

    /**
     * Loads the model from the classpath (about a second and 34 MB of heap: do it once).
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
        final String[] ngrams = LanguageNgrams.of(head(text, maxChars));
        if (ngrams.length == 0) {
            return DetectedLanguage.unknown();
        }
        final double[] probabilities = model.eval(ngrams);
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) {
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        final String language = iso639.toAlpha1(model.getOutcome(best));
        if (language == null) {
            return DetectedLanguage.unknown();
        }
        return new DetectedLanguage(language, margin(probabilities, best));
    }

    /** The first {@code maxChars} chars, one fewer where the cut would split a surrogate pair. */
    private static CharSequence head(final CharSequence text, final int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        final int end = Character.isHighSurrogate(text.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
        return text.subSequence(0, end);
    }

    /** {@code 1 - p2 / p1}, clamped to 0..1; 1 when the model knows a single language. */
    private static double margin(final double[] probabilities, final int best) {
        final double top = probabilities[best];
        if (top <= 0.0) {
            return 0.0;
        }
        double second = -1.0;
        for (int i = 0; i < probabilities.length; i++) {
            if (i != best && probabilities[i] > second) {
                second = probabilities[i];
            }
        }
        if (second < 0.0) {
            return 1.0;
        }
        return Math.max(0.0, Math.min(1.0, 1.0 - second / top));
    }
}

package io.newswire.streams.enrich.eval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.langdetect.ThreadSafeLanguageDetectorME;

import io.newswire.streams.enrich.DetectedLanguage;
import io.newswire.streams.enrich.Iso639;
import io.newswire.streams.enrich.LanguageDetector;

/**
 * The reference for {@code OpenNlpLanguageDetector}: the same model through OpenNLP's own
 * {@link ThreadSafeLanguageDetectorME} (its context generator, all 103 languages ranked), as newswire detected
 * languages before; same head of the text, same ISO 639-1 mapping and margin. Test scope: measured, not shipped.
 */
final class OpenNlpMeLanguageDetector implements LanguageDetector {

    private final ThreadSafeLanguageDetectorME detector;
    private final Iso639 iso639 = Iso639.load();
    private final int maxChars;

    private OpenNlpMeLanguageDetector(final LanguageDetectorModel model, final int maxChars) {
        this.detector = new ThreadSafeLanguageDetectorME(model);
        this.maxChars = maxChars;
    }

    static OpenNlpMeLanguageDetector fromClasspath(final int maxChars) {
        try (InputStream in = OpenNlpMeLanguageDetector.class.getResourceAsStream("/langdetect-183.bin")) {
            if (in == null) {
                throw new IllegalStateException("langdetect-183.bin is not on the classpath");
            }
            return new OpenNlpMeLanguageDetector(new LanguageDetectorModel(in), maxChars);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read langdetect-183.bin", e);
        }
    }

    @Override
    public DetectedLanguage detect(final CharSequence text) {
        if (text == null || text.length() == 0) {
            return DetectedLanguage.unknown();
        }
        final CharSequence head = text.length() > maxChars ? text.subSequence(0, maxChars) : text;
        final Language[] ranked = detector.predictLanguages(head);
        final String language = ranked.length == 0 ? null : iso639.toAlpha1(ranked[0].getLang());
        if (language == null) {
            return DetectedLanguage.unknown();
        }
        final double best = ranked[0].getConfidence();
        final double margin = ranked.length < 2 || best <= 0.0 ? (best <= 0.0 ? 0.0 : 1.0)
                : Math.max(0.0, Math.min(1.0, 1.0 - ranked[1].getConfidence() / best));
        return new DetectedLanguage(language, margin);
    }
}

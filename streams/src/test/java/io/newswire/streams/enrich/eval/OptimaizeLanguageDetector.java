package io.newswire.streams.enrich.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;

import io.newswire.streams.enrich.DetectedLanguage;
import io.newswire.streams.enrich.LanguageDetector;

/**
 * The rival candidate, Optimaize language-detector 0.6 (71 built-in profiles), behind the same interface so the
 * evaluation treats both alike. Test scope only: it is measured, not shipped.
 */
final class OptimaizeLanguageDetector implements LanguageDetector {

    private final com.optimaize.langdetect.LanguageDetector detector;
    private final TextObjectFactory textFactory = CommonTextObjectFactories.forDetectingOnLargeText();
    private final int maxChars;

    private OptimaizeLanguageDetector(final com.optimaize.langdetect.LanguageDetector detector, final int maxChars) {
        this.detector = detector;
        this.maxChars = maxChars;
    }

    static OptimaizeLanguageDetector builtIn(final int maxChars) {
        try {
            return new OptimaizeLanguageDetector(LanguageDetectorBuilder.create(NgramExtractors.standard())
                    .withProfiles(new LanguageProfileReader().readAllBuiltIn())
                    .build(), maxChars);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read Optimaize's built-in language profiles", e);
        }
    }

    @Override
    public DetectedLanguage detect(final CharSequence text) {
        if (text == null || text.length() == 0) {
            return DetectedLanguage.unknown();
        }
        final CharSequence head = text.length() > maxChars ? text.subSequence(0, maxChars) : text;
        final List<com.optimaize.langdetect.DetectedLanguage> ranked = detector.getProbabilities(textFactory.forText(head));
        if (ranked.isEmpty()) {
            return DetectedLanguage.unknown();
        }
        final com.optimaize.langdetect.DetectedLanguage best = ranked.get(0);
        return new DetectedLanguage(best.getLocale().getLanguage(), Math.min(1.0, best.getProbability()));
    }
}

package io.newswire.streams.enrich;

import java.util.Map;

import org.apache.lucene.analysis.ar.ArabicNormalizer;
import org.apache.lucene.analysis.ar.ArabicStemmer;
import org.apache.lucene.analysis.de.GermanLightStemmer;
import org.apache.lucene.analysis.en.EnglishMinimalStemmer;
import org.apache.lucene.analysis.es.SpanishLightStemmer;
import org.apache.lucene.analysis.fr.FrenchLightStemmer;
import org.apache.lucene.analysis.it.ItalianLightStemmer;
import org.apache.lucene.analysis.pt.PortugueseLightStemmer;
import org.apache.lucene.analysis.ru.RussianLightStemmer;

/**
 * The key under which a name's word is matched in one language: a Lucene light stemmer's stem, so that the inflections
 * of a listed form match without being listed ({@code Казахстана} → {@code казахстан}, {@code Kasachstans} →
 * {@code Kasachstan}, {@code الروسية} → {@code روس}). Stateless and thread-safe: Lucene's light stemmers keep no
 * state, unlike the Snowball ones.
 *
 * <p>Light stemmers were chosen over Snowball on proper names: Snowball over-stems them ({@code Казахстаном} →
 * {@code казах}, {@code Putin} → {@code put} in Turkish). Turkish and Polish have no light stemmer in Lucene, and
 * Chinese does not inflect; their forms match as listed (Turkish writes case endings of names after an apostrophe,
 * which already splits tokens: {@code Rusya'nın}). Ukrainian uses the Russian stemmer: the case endings of its
 * feminine and plural nouns are the same letters ({@code Україна}, {@code України}, {@code Україною} →
 * {@code україн}); the rest of Ukrainian inflection is listed in the data files.
 */
enum Stemming {
    NONE,
    ENGLISH,
    RUSSIAN,
    GERMAN,
    FRENCH,
    SPANISH,
    PORTUGUESE,
    ITALIAN,
    ARABIC;

    /** Shorter stems are not matched: {@code Куба} → {@code куб} would also be a cube. */
    static final int MIN_KEY_LENGTH = 4;
    /** Arabic stems are shorter (roots of three letters): {@code بوتين} → {@code بوت}. */
    static final int MIN_ARABIC_KEY_LENGTH = 3;

    private static final Map<String, Stemming> BY_LANGUAGE = Map.of(
            "en", ENGLISH, "ru", RUSSIAN, "uk", RUSSIAN, "de", GERMAN, "fr", FRENCH, "es", SPANISH,
            "pt", PORTUGUESE, "it", ITALIAN, "ar", ARABIC);

    private static final RussianLightStemmer RU = new RussianLightStemmer();
    private static final GermanLightStemmer DE = new GermanLightStemmer();
    private static final FrenchLightStemmer FR = new FrenchLightStemmer();
    private static final SpanishLightStemmer ES = new SpanishLightStemmer();
    private static final PortugueseLightStemmer PT = new PortugueseLightStemmer();
    private static final ItalianLightStemmer IT = new ItalianLightStemmer();
    private static final EnglishMinimalStemmer EN = new EnglishMinimalStemmer();
    private static final ArabicNormalizer AR_NORMALIZER = new ArabicNormalizer();
    private static final ArabicStemmer AR = new ArabicStemmer();

    /** The stemming of an ISO 639-1 language; {@link #NONE} for languages without one and for null. */
    static Stemming of(final String language) {
        return language == null ? NONE : BY_LANGUAGE.getOrDefault(language, NONE);
    }

    /** The key of a lower-cased word, or null when this stemming has none for it (too short, or {@link #NONE}). */
    String key(final String lower) {
        if (this == NONE || lower.length() < minLength()) {
            return null;
        }
        final char[] chars = lower.toCharArray();
        final int length = stem(chars, chars.length);
        return length < minLength() ? null : new String(chars, 0, length);
    }

    /** The shortest word (and key) this stemming keys. */
    int minLength() {
        return this == ARABIC ? MIN_ARABIC_KEY_LENGTH : MIN_KEY_LENGTH;
    }

    /**
     * The word without a one-letter Arabic proclitic (and, so, with, for, like) that Lucene's stemmer leaves on
     * ({@code لروسيا} → {@code روسيا}, {@code بموسكو} → {@code موسكو}); null when it has none. Such a letter may also
     * begin a name ({@code بوتين}), so callers try the word both with and without it.
     */
    static String withoutProclitic(final String lower) {
        if (lower.length() < MIN_KEY_LENGTH + 1) {
            return null;
        }
        return switch (lower.charAt(0)) {
            case 'و', 'ف', 'ب', 'ل', 'ك' -> lower.substring(1);
            default -> null;
        };
    }

    /** True for a word in Arabic script (its first char). */
    static boolean isArabic(final String word) {
        final char c = word.isEmpty() ? ' ' : word.charAt(0);
        return c >= '\u0600' && c <= '\u06FF';
    }

    private int stem(final char[] chars, final int length) {
        return switch (this) {
            case NONE -> length;
            case ENGLISH -> EN.stem(chars, length);
            case RUSSIAN -> RU.stem(chars, length);
            case GERMAN -> DE.stem(chars, length);
            case FRENCH -> FR.stem(chars, length);
            case SPANISH -> ES.stem(chars, length);
            case PORTUGUESE -> PT.stem(chars, length);
            case ITALIAN -> IT.stem(chars, length);
            case ARABIC -> AR.stem(chars, AR_NORMALIZER.normalize(chars, length));
        };
    }
}

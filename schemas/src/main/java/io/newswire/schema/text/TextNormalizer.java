package io.newswire.schema.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text normalization shared by the producer (item ids from content) and the streams (normalize stage, dedup keys),
 * so that both sides agree on what "the same content" means.
 */
public final class TextNormalizer {

    /** Soft hyphen, zero-width space/joiners, word joiner, BOM: invisible characters scraping leaves behind. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\u00AD\\u200B\\u200C\\u200D\\u2060\\uFEFF]");
    /** Bidirectional control characters (marks, embeddings, overrides, isolates). */
    private static final Pattern BIDI = Pattern.compile("[\\u200E\\u200F\\u061C\\u202A-\\u202E\\u2066-\\u2069]");
    /** Every run of whitespace, including no-break and other Unicode spaces. */
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000]+");
    private static final Pattern DOUBLE_QUOTES = Pattern.compile("[\\u201C\\u201D\\u201E\\u201F\\u00AB\\u00BB\\u2033]");
    private static final Pattern SINGLE_QUOTES = Pattern.compile("[\\u2018\\u2019\\u201A\\u201B\\u2039\\u203A\\u2032`]");
    private static final Pattern DASHES = Pattern.compile("[\\u2010\\u2011\\u2012\\u2013\\u2014\\u2015\\u2212]");

    private TextNormalizer() {
    }

    /**
     * Text as it should be shown and enriched: Unicode NFC, invisible and bidi control characters removed,
     * whitespace runs collapsed to one space, trimmed. Typography (quotes, dashes, case) is kept.
     */
    public static String clean(final String text) {
        if (text == null) {
            return null;
        }
        String result = Normalizer.normalize(text, Normalizer.Form.NFC);
        result = INVISIBLE.matcher(result).replaceAll("");
        result = BIDI.matcher(result).replaceAll("");
        result = SPACES.matcher(result).replaceAll(" ");
        return result.trim();
    }

    /**
     * Text as a comparison key: {@link #clean}, then typographic quotes and dashes unified to ASCII and case folded,
     * so copies that differ only in typography or whitespace compare equal.
     */
    public static String key(final String text) {
        if (text == null) {
            return "";
        }
        String result = clean(text);
        result = DOUBLE_QUOTES.matcher(result).replaceAll("\"");
        result = SINGLE_QUOTES.matcher(result).replaceAll("'");
        result = DASHES.matcher(result).replaceAll("-");
        return result.toLowerCase(Locale.ROOT);
    }
}

package io.newswire.schema.text;

import java.text.Normalizer;

/**
 * Text normalization shared by the producer (item ids from content) and the streams (normalize stage, dedup keys),
 * so that both sides agree on what "the same content" means.
 *
 * <p>One pass over the characters instead of a chain of regular expressions: this runs on every paragraph of every
 * item (twice for the content hash), and the regex chain cost about 200 ns a character.
 */
public final class TextNormalizer {

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
        return collapse(nfc(text), false);
    }

    /**
     * Text as a comparison key: {@link #clean}, then typographic quotes and dashes unified to ASCII and case folded,
     * so copies that differ only in typography or whitespace compare equal.
     */
    public static String key(final String text) {
        if (text == null) {
            return "";
        }
        return collapse(nfc(text), true);
    }

    private static String nfc(final String text) {
        return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text
            : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    private static String collapse(final String text, final boolean asKey) {
        final StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            if (isInvisible(c)) {
                continue;
            }
            if (isSpace(c)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            if (asKey) {
                appendKeyChar(out, c, text, i);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static void appendKeyChar(final StringBuilder out, final char c, final String text, final int index) {
        if (isDoubleQuote(c)) {
            out.append('"');
        } else if (isSingleQuote(c)) {
            out.append('\'');
        } else if (isDash(c)) {
            out.append('-');
        } else if (Character.isHighSurrogate(c) || Character.isLowSurrogate(c)) {
            // Supplementary characters are kept as they are; case folding them is not worth a code-point walk.
            out.append(c);
        } else {
            out.append(Character.toLowerCase(c));
        }
    }

    /** Soft hyphen, zero-width space/joiners, word joiner, BOM, and bidirectional controls. */
    private static boolean isInvisible(final char c) {
        return c == '\u00AD' || c >= '\u200B' && c <= '\u200F' || c == '\u2060' || c == '\uFEFF' || c == '\u061C'
            || c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069';
    }

    private static boolean isSpace(final char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B' || c == '\u00A0'
            || c == '\u1680' || c >= '\u2000' && c <= '\u200A' || c == '\u2028' || c == '\u2029' || c == '\u202F'
            || c == '\u205F' || c == '\u3000' || c == '\u0085' || c >= '\u001C' && c <= '\u001F';
    }

    private static boolean isDoubleQuote(final char c) {
        return c >= '\u201C' && c <= '\u201F' || c == '\u00AB' || c == '\u00BB' || c == '\u2033';
    }

    private static boolean isSingleQuote(final char c) {
        return c >= '\u2018' && c <= '\u201B' || c == '\u2039' || c == '\u203A' || c == '\u2032' || c == '`';
    }

    private static boolean isDash(final char c) {
        return c >= '\u2010' && c <= '\u2015' || c == '\u2212';
    }
}

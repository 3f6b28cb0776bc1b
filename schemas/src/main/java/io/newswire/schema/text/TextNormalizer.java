package io.newswire.schema.text;

import java.text.Normalizer;

/**
 * Text normalization shared by the producer (item ids from content) and the streams (normalize stage, dedup keys),
 * so that both sides agree on what "the same content" means.
 *
 * <p>One pass over the characters instead of a chain of regular expressions: this runs on every paragraph of every
 * item (twice for the content hash), and the regex chain cost about 200 ns a character. The same pass counts what it
 * changes, so recording the repairs costs no second look at the text.
 */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    /** {@link #clean(String, TextChanges)}, for callers that need not say what was changed. */
    public static String clean(final String text) {
        return clean(text, new TextChanges());
    }

    /**
     * Text as it should be shown and enriched: Unicode NFC; soft hyphens, zero-width and bidi control characters
     * removed; typographic quotes, apostrophes, guillemets, dashes and minus signs unified to ASCII {@code "}, {@code '}
     * and {@code -}; whitespace runs collapsed to one space, trimmed. Case, ellipses ({@code …}), primes and CJK
     * brackets are kept: making them ASCII would change a text's length or meaning and its {@link #key} alike.
     *
     * @param changes counts what was changed, by kind; a text that ends up empty counts no whitespace (it is layout,
     *                and the caller decides whether dropping it is worth a repair)
     */
    public static String clean(final String text, final TextChanges changes) {
        if (text == null) {
            return null;
        }
        final String composed = nfc(text);
        final Collapsed collapsed = collapse(composed, Mode.CLEAN, changes);
        // Removing an invisible character can leave a base letter next to a combining mark it used to be kept from
        // ("e", zero-width space, U+0301): compose again so that clean text is always NFC and cleaning is idempotent.
        final String result = collapsed.removedInvisible() ? nfc(collapsed.text()) : collapsed.text();
        if (composed != text || result != collapsed.text()) {
            changes.recomposed();
        }
        return result;
    }

    /**
     * An identifier or address (an input's own id, a URL) as {@link #clean} would leave it but with its typography kept:
     * there a dash is not a hyphen, and changing it would change which item or page is meant.
     */
    public static String cleanIdentifier(final String text) {
        if (text == null) {
            return null;
        }
        final Collapsed collapsed = collapse(nfc(text), Mode.IDENTIFIER, new TextChanges());
        return collapsed.removedInvisible() ? nfc(collapsed.text()) : collapsed.text();
    }

    /**
     * Text as a comparison key: {@link #clean}, and also primes and backticks made ASCII quotes, and case folded, so
     * copies that differ only in typography or whitespace compare equal. The key of a cleaned text is the key of the
     * text: the content hash does not depend on whether it is taken before or after cleaning.
     */
    public static String key(final String text) {
        if (text == null) {
            return "";
        }
        return collapse(nfc(text), Mode.KEY, new TextChanges()).text();
    }

    /** {@code text} in NFC: the same instance when it already is. */
    private static String nfc(final String text) {
        return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text
            : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** What {@link #collapse} does besides removing invisible characters and collapsing whitespace. */
    private enum Mode {
        /** Unify typographic quotes and dashes. */
        CLEAN,
        /** Keep every visible character. */
        IDENTIFIER,
        /** Unify quotes (primes and backticks too) and dashes, fold case. */
        KEY
    }

    /** The collapsed text (the same instance when nothing changed), and whether an invisible character was removed. */
    private record Collapsed(String text, boolean removedInvisible) {
    }

    private static Collapsed collapse(final String text, final Mode mode, final TextChanges changes) {
        final StringBuilder out = new StringBuilder(text.length());
        boolean changed = false;
        boolean removedInvisible = false;
        int spaces = 0;
        boolean otherSpace = false;
        boolean whitespaceChanged = false;
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            if (c > ' ' && c < '\u007F' && mode != Mode.KEY) {
                // Printable ASCII, most characters of most texts, needs none of the checks below.
                if (spaces > 0) {
                    whitespaceChanged |= out.length() == 0 || spaces > 1 || otherSpace;
                    appendSpace(out);
                    spaces = 0;
                    otherSpace = false;
                }
                out.append(c);
                continue;
            }
            if (removeInvisible(c, changes)) {
                removedInvisible = true;
                continue;
            }
            if (isSpace(c)) {
                spaces++;
                otherSpace |= c != ' ';
                continue;
            }
            if (spaces > 0) {
                whitespaceChanged |= out.length() == 0 || spaces > 1 || otherSpace;
                appendSpace(out);
                spaces = 0;
                otherSpace = false;
            }
            final char unified = switch (mode) {
                case CLEAN -> unify(c, changes);
                case IDENTIFIER -> c;
                case KEY -> keyChar(c);
            };
            changed |= unified != c;
            out.append(unified);
        }
        whitespaceChanged |= spaces > 0;
        if (whitespaceChanged && out.length() > 0) {
            changes.whitespaceCollapsed();
        }
        final boolean same = !changed && !removedInvisible && !whitespaceChanged;
        return new Collapsed(same ? text : out.toString(), removedInvisible);
    }

    /** A run of whitespace at the start of the text is dropped, elsewhere it becomes one space. */
    private static void appendSpace(final StringBuilder out) {
        if (out.length() > 0) {
            out.append(' ');
        }
    }

    /** Counts and reports {@code c} when it is an invisible character that cleaning removes. */
    private static boolean removeInvisible(final char c, final TextChanges changes) {
        if (c == '\u00AD') {
            changes.softHyphen();
            return true;
        }
        if (isZeroWidth(c)) {
            changes.zeroWidth();
            return true;
        }
        if (isBidiControl(c)) {
            changes.bidiControl();
            return true;
        }
        return false;
    }

    /** The character {@code clean} writes for {@code c}, counting quotes and dashes it unifies. */
    private static char unify(final char c, final TextChanges changes) {
        if (isTypographicDoubleQuote(c)) {
            changes.quote();
            return '"';
        }
        if (isTypographicSingleQuote(c)) {
            changes.quote();
            return '\'';
        }
        if (isDash(c)) {
            changes.dash();
            return '-';
        }
        return c;
    }

    private static char keyChar(final char c) {
        if (isTypographicDoubleQuote(c) || c == '\u2033') {
            return '"';
        }
        if (isTypographicSingleQuote(c) || c == '\u2032' || c == '`') {
            return '\'';
        }
        if (isDash(c)) {
            return '-';
        }
        if (Character.isHighSurrogate(c) || Character.isLowSurrogate(c)) {
            // Supplementary characters are kept as they are; case folding them is not worth a code-point walk.
            return c;
        }
        return Character.toLowerCase(c);
    }

    /** Zero-width space, non-joiner and joiner, word joiner, and the byte order mark (zero-width no-break space). */
    private static boolean isZeroWidth(final char c) {
        return c >= '\u200B' && c <= '\u200D' || c == '\u2060' || c == '\uFEFF';
    }

    /** Left-to-right and right-to-left marks, the Arabic letter mark, embeddings, overrides and isolates. */
    private static boolean isBidiControl(final char c) {
        return c == '\u200E' || c == '\u200F' || c == '\u061C' || c >= '\u202A' && c <= '\u202E'
            || c >= '\u2066' && c <= '\u2069';
    }

    private static boolean isSpace(final char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B' || c == '\u00A0'
            || c == '\u1680' || c >= '\u2000' && c <= '\u200A' || c == '\u2028' || c == '\u2029' || c == '\u202F'
            || c == '\u205F' || c == '\u3000' || c == '\u0085' || c >= '\u001C' && c <= '\u001F';
    }

    /** Curly and low-9 double quotes and guillemets. */
    private static boolean isTypographicDoubleQuote(final char c) {
        return c >= '\u201C' && c <= '\u201F' || c == '\u00AB' || c == '\u00BB';
    }

    /** Curly and low-9 single quotes (the typographic apostrophe among them) and single guillemets. */
    private static boolean isTypographicSingleQuote(final char c) {
        return c >= '\u2018' && c <= '\u201B' || c == '\u2039' || c == '\u203A';
    }

    /** Hyphen, non-breaking hyphen, figure, en and em dash, horizontal bar, minus sign. */
    private static boolean isDash(final char c) {
        return c >= '\u2010' && c <= '\u2015' || c == '\u2212';
    }
}

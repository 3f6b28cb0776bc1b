package io.newswire.streams.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A word of a text: a maximal run of letters, digits and combining marks, so punctuation, hyphens and apostrophes
 * separate words ({@code dell'Afghanistan} → {@code dell}, {@code Afghanistan}). Matching on whole tokens is what
 * keeps {@code Russia} from matching inside {@code Prussia}. Chinese has no spaces, so a run of Han characters is one
 * token of its own, split from any Latin letters or digits that touch it ({@code 在WTO框架} → {@code 在},
 * {@code WTO}, {@code 框架}); names are found inside such runs by substring ({@link Gazetteer}).
 *
 * @param text  the word as written
 * @param lower the word lower-cased, with Russian {@code ё} folded to {@code е} as most Russian text omits the dots
 * @param start offset of the word's first char in the text it came from (-1 when made from a word alone)
 * @param end   offset just past the word's last char (-1 when made from a word alone)
 */
public record Token(String text, String lower, int start, int end) {

    /** ASCII letters and digits, looked up rather than tested: one load instead of three branchy range tests. */
    private static final boolean[] ASCII_WORD = new boolean[128];

    static {
        for (char c = '0'; c <= 'z'; c++) {
            ASCII_WORD[c] = c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a';
        }
    }

    /** A word without its position. */
    public Token(final String text, final String lower) {
        this(text, lower, -1, -1);
    }

    /** The words of a text, in order; empty for null or empty text. */
    public static List<Token> of(final String text) {
        final List<Token> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        // Scanning a char array rather than charAt: most wire text holds some non-Latin-1 char (a dash, a quote),
        // which makes every charAt of the String a bounds-checked UTF-16 read.
        final char[] chars = text.toCharArray();
        int start = -1;
        boolean han = false;
        for (int i = 0; i <= chars.length; i++) {
            final char c = i < chars.length ? chars[i] : ' ';
            final boolean inWord = i < chars.length && isWordChar(c);
            final boolean isHan = inWord && isHan(c);
            if (start >= 0 && (!inWord || isHan != han)) {
                tokens.add(word(chars, start, i));
                start = -1;
            }
            if (inWord && start < 0) {
                start = i;
                han = isHan;
            }
        }
        return tokens;
    }

    static Token word(final String word) {
        return new Token(word, fold(word));
    }

    private static Token word(final char[] chars, final int start, final int end) {
        final String word = new String(chars, start, end - start);
        return new Token(word, foldAscii(chars, start, end, word), start, end);
    }

    /**
     * {@link #fold} with a fast path for ASCII words, most of most texts: the word itself when it has no capital, else
     * its ASCII lower case, without the JDK's per-char case tables.
     */
    private static String foldAscii(final char[] chars, final int start, final int end, final String word) {
        boolean upper = false;
        for (int i = start; i < end; i++) {
            final char c = chars[i];
            if (c >= 128) {
                return fold(word);
            }
            upper |= c >= 'A' && c <= 'Z';
        }
        if (!upper) {
            return word;
        }
        final char[] lower = new char[end - start];
        for (int i = start; i < end; i++) {
            final char c = chars[i];
            lower[i - start] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return new String(lower);
    }

    /** Lower case (locale-independent) with {@code ё} folded to {@code е}. */
    public static String fold(final String word) {
        return word.toLowerCase(Locale.ROOT).replace('ё', 'е');
    }

    /**
     * CJK unified ideographs (with extension A and the compatibility block): a range test, because
     * {@link Character.UnicodeScript#of} costs a binary search per char.
     */
    static boolean isHan(final char c) {
        return c >= '\u3400' && (c <= '\u4DBF' || c >= '\u4E00' && c <= '\u9FFF' || c >= '\uF900' && c <= '\uFAFF');
    }

    private static boolean isWordChar(final char c) {
        if (c < ASCII_WORD.length) {
            return ASCII_WORD[c];
        }
        return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    /** The first letter is upper case ({@code Russia}, {@code RUSSIA}). */
    public boolean isCapitalized() {
        return !text.isEmpty() && Character.isUpperCase(text.codePointAt(0));
    }

    /** The word is Chinese (a run of Han characters). */
    public boolean isHan() {
        return !text.isEmpty() && isHan(text.charAt(0));
    }
}

package io.newswire.streams.enrich;

import java.util.Arrays;
import java.util.regex.Pattern;

import opennlp.tools.util.normalizer.UrlCharSequenceNormalizer;

/**
 * The features OpenNLP's language model reads from a text — the distinct lower-cased 1–3 character n-grams of the
 * normalized text — computed as OpenNLP 2.5's {@code LanguageDetectorFactory} context generator computes them, at a
 * fraction of the cost: text in, n-grams out. Stateless and thread-safe.
 *
 * <p>Why not OpenNLP's generator: it spent ~80 % of a detection outside the model — ten regular-expression passes
 * over the text (~0.2 µs per character, most of them for Twitter emoticons, e-mail addresses and emoji, which wire
 * copy rarely holds) and an n-gram map keyed by {@code CharBuffer}s. Here the Twitter passes and OpenNLP's URL and
 * e-mail normalizer run only when the text holds what they look for (each guard below is a necessary condition for
 * its pattern to match, so skipping it changes nothing); the emoji, digit, whitespace and repeated-character passes
 * are plain loops that do what OpenNLP's patterns do as Java reads them; n-grams are packed into longs
 * ({@link #key}) and deduplicated in a primitive hash set, so that only distinct n-grams become strings.
 * {@code LanguageNgramsTest} checks the output against OpenNLP's own generator, so an OpenNLP upgrade that changes
 * the features fails the build.
 */
final class LanguageNgrams {

    /** OpenNLP's n-gram lengths (LanguageDetectorFactory: 1 to 3 characters). */
    static final int MAX_LENGTH = 3;

    // OpenNLP's TwitterCharSequenceNormalizer, pattern for pattern and in its order; each runs only when guarded in.
    private static final Pattern HASH_USER = Pattern.compile("[#@]\\S+");
    private static final Pattern RT = Pattern.compile("\\b(rt[ :])+", Pattern.CASE_INSENSITIVE);
    private static final Pattern FACE = Pattern.compile("[:;x]-?[()dop]", Pattern.CASE_INSENSITIVE);
    private static final Pattern LAUGH = Pattern.compile("([hj])+([aieou])+(\\1+\\2+)+", Pattern.CASE_INSENSITIVE);

    private LanguageNgrams() {
    }

    /**
     * The distinct n-grams of {@code text} as keys ({@link #key}), in order of first appearance by length (all
     * 1-grams first).
     */
    static long[] keys(final CharSequence text) {
        return distinct(toLowerCase(normalize(text)));
    }

    /** The distinct n-grams of {@code text} as strings, as OpenNLP's context generator gives them. */
    static String[] of(final CharSequence text) {
        final long[] keys = keys(text);
        final String[] ngrams = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            ngrams[i] = text(keys[i]);
        }
        return ngrams;
    }

    /**
     * An n-gram of 1 to {@value #MAX_LENGTH} chars as one long: its chars 16 bits each, its length above them, so
     * that no key is 0 and "a" differs from "a\0".
     */
    static long key(final CharSequence text, final int start, final int length) {
        long key = (long) length << 48;
        for (int k = 0; k < length; k++) {
            key |= (long) text.charAt(start + k) << (16 * k);
        }
        return key;
    }

    static String text(final long key) {
        final int length = (int) (key >>> 48);
        final char[] chars = new char[length];
        for (int k = 0; k < length; k++) {
            chars[k] = (char) (key >>> (16 * k));
        }
        return new String(chars);
    }

    /** Spreads a key over the bits a power-of-two table indexes by. */
    private static int mix(final long key) {
        final long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32);
    }

    /**
     * OpenNLP's normalization for language detection (emoji, URLs and e-mail addresses, Twitter markup, numbers,
     * whitespace and repeated characters, in that order), each pass skipped when it cannot match.
     */
    static String normalize(final CharSequence text) {
        String s = replaceEmojiClass(text.toString());
        if (s.contains("://") || s.indexOf('@') >= 0) {
            s = UrlCharSequenceNormalizer.getInstance().normalize(s).toString();
        }
        if (s.indexOf('#') >= 0 || s.indexOf('@') >= 0) {
            s = HASH_USER.matcher(s).replaceAll(" ");
        }
        if (mayHoldRetweetMark(s)) {
            s = RT.matcher(s).replaceAll(" ");
        }
        if (mayHoldFace(s)) {
            s = FACE.matcher(s).replaceAll(" ");
        }
        if (mayHoldLaugh(s)) {
            s = LAUGH.matcher(s).replaceAll("$1$2$1$2");
        }
        return shortenRepeats(collapseWhitespace(replaceDigits(s))).trim();
    }

    /** Lower case code point by code point, as OpenNLP's {@code StringUtil.toLowerCaseCharBuffer}. */
    static String toLowerCase(final String text) {
        final StringBuilder lower = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            final int codePoint = text.codePointAt(i);
            lower.appendCodePoint(Character.toLowerCase(codePoint));
            i += Character.charCount(codePoint);
        }
        return lower.toString();
    }

    /**
     * The key of every distinct substring of 1 to {@value #MAX_LENGTH} chars (UTF-16 units, as OpenNLP counts them);
     * most n-grams of a text repeat, and the set of keys needs no object per n-gram.
     */
    static long[] distinct(final String text) {
        final int length = text.length();
        // At most half full, even if every n-gram were distinct, so that probing stays short.
        final int capacity = Integer.highestOneBit(Math.max(16, 2 * length * MAX_LENGTH - 1)) << 1;
        final long[] seen = new long[capacity];
        final int mask = capacity - 1;
        final long[] found = new long[length * MAX_LENGTH];
        int count = 0;
        for (int n = 1; n <= MAX_LENGTH; n++) {
            for (int start = 0; start + n <= length; start++) {
                final long key = key(text, start, n);
                int slot = mix(key) & mask;
                while (seen[slot] != 0 && seen[slot] != key) {
                    slot = (slot + 1) & mask;
                }
                if (seen[slot] == 0) {
                    seen[slot] = key;
                    found[count++] = key;
                }
            }
        }
        return Arrays.copyOf(found, count);
    }

    /**
     * OpenNLP's EmojiCharSequenceNormalizer: a run of its character class becomes one space. Its pattern means the
     * surrogates U+D83C–U+DBFF and U+DC00–U+DFFF, but Java reads the escaped pair in its middle as one code point
     * (U+10FC00), so the class is the range U+D83C..U+10FC00 plus a literal '-': besides emoji it removes hyphens,
     * private-use and full-width characters. The model is used and measured with exactly that, so it is kept; a
     * plain loop does it without the regex.
     */
    static String replaceEmojiClass(final String s) {
        int i = 0;
        while (i < s.length() && !inEmojiClass(s.codePointAt(i))) {
            i += Character.charCount(s.codePointAt(i));
        }
        if (i == s.length()) {
            return s;
        }
        final StringBuilder out = new StringBuilder(s.length());
        out.append(s, 0, i);
        while (i < s.length()) {
            final int codePoint = s.codePointAt(i);
            if (inEmojiClass(codePoint)) {
                out.append(' ');
                while (i < s.length() && inEmojiClass(s.codePointAt(i))) {
                    i += Character.charCount(s.codePointAt(i));
                }
            } else {
                out.appendCodePoint(codePoint);
                i += Character.charCount(codePoint);
            }
        }
        return out.toString();
    }

    private static boolean inEmojiClass(final int codePoint) {
        return codePoint == '-' || (codePoint >= 0xD83C && codePoint <= 0x10FC00);
    }

    /** {@code \b(rt[ :])+}: "rt" (any case) then a space or colon, not preceded by a letter, digit or '_'. */
    private static boolean mayHoldRetweetMark(final String s) {
        for (int i = 0; i + 2 < s.length(); i++) {
            if ((s.charAt(i) | 0x20) == 'r' && (s.charAt(i + 1) | 0x20) == 't'
                    && (s.charAt(i + 2) == ' ' || s.charAt(i + 2) == ':')
                    && (i == 0 || !isWordChar(s.charAt(i - 1)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A char that {@code \b} counts as a word char on every Java since 17: Java 17 counts every letter and digit,
     * Java 19 and later only ASCII ones (JDK-8264160). Anything else errs towards running the pattern.
     */
    private static boolean isWordChar(final char c) {
        return c == '_' || (c < 128 && Character.isLetterOrDigit(c));
    }

    /** {@code [:;x]-?[()dop]} (any case). */
    private static boolean mayHoldFace(final String s) {
        for (int i = 0; i + 1 < s.length(); i++) {
            final char c = s.charAt(i);
            if (c == ':' || c == ';' || c == 'x' || c == 'X') {
                final int next = s.charAt(i + 1) == '-' && i + 2 < s.length() ? i + 2 : i + 1;
                if (isFaceMouth(s.charAt(next))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isFaceMouth(final char c) {
        return c == '(' || c == ')' || "dopDOP".indexOf(c) >= 0;
    }

    /**
     * {@code ([hj])+([aieou])+(\1+\2+)+} (any case) needs an h or j, one or more vowels, then the same h or j again:
     * "haha", "jeje".
     */
    private static boolean mayHoldLaugh(final String s) {
        for (int i = 0; i + 2 < s.length(); i++) {
            final char c = (char) (s.charAt(i) | 0x20);
            if (c == 'h' || c == 'j') {
                int j = i + 1;
                while (j < s.length() && "aeiouAEIOU".indexOf(s.charAt(j)) >= 0) {
                    j++;
                }
                if (j > i + 1 && j < s.length() && (s.charAt(j) | 0x20) == c) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code \d+ → " "}: Java's {@code \d} is ASCII 0-9 unless UNICODE_CHARACTER_CLASS is set (it is not). */
    static String replaceDigits(final String s) {
        int i = 0;
        while (i < s.length() && !isAsciiDigit(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        final StringBuilder out = new StringBuilder(s.length());
        out.append(s, 0, i);
        while (i < s.length()) {
            if (isAsciiDigit(s.charAt(i))) {
                out.append(' ');
                while (i < s.length() && isAsciiDigit(s.charAt(i))) {
                    i++;
                }
            } else {
                out.append(s.charAt(i++));
            }
        }
        return out.toString();
    }

    private static boolean isAsciiDigit(final char c) {
        return c >= '0' && c <= '9';
    }

    /** {@code \s{2,} → " "}: Java's {@code \s} is {@code [ \t\n\x0B\f\r]}. A single whitespace char stays as it is. */
    static String collapseWhitespace(final String s) {
        final StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        boolean changed = false;
        while (i < s.length()) {
            if (isRegexSpace(s.charAt(i)) && i + 1 < s.length() && isRegexSpace(s.charAt(i + 1))) {
                out.append(' ');
                while (i < s.length() && isRegexSpace(s.charAt(i))) {
                    i++;
                }
                changed = true;
            } else {
                out.append(s.charAt(i++));
            }
        }
        return changed ? out.toString() : s;
    }

    private static boolean isRegexSpace(final char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /**
     * OpenNLP's {@code (.)\1{2,} → "$1$1"} (case-insensitive, as Java reads it: only ASCII letters fold; '.' is not a
     * line terminator): a char repeated three or more times in a row is written twice. By hand rather than by the
     * regex: Java 17's case-insensitive back-reference miscounts surrogate pairs and can throw
     * StringIndexOutOfBoundsException on them; here a pair is one char, as the pattern means.
     */
    static String shortenRepeats(final String s) {
        StringBuilder out = null;
        int i = 0;
        while (i < s.length()) {
            final int first = s.codePointAt(i);
            int end = i + Character.charCount(first);
            int repeats = 0;
            if (!isLineTerminator(first)) {
                while (end < s.length() && sameIgnoringAsciiCase(first, s.codePointAt(end))) {
                    end += Character.charCount(s.codePointAt(end));
                    repeats++;
                }
            }
            if (repeats >= 2) {
                if (out == null) {
                    out = new StringBuilder(s.length()).append(s, 0, i);
                }
                out.appendCodePoint(first).appendCodePoint(first);
                i = end;
            } else {
                final int next = i + Character.charCount(first);
                if (out != null) {
                    out.append(s, i, next);
                }
                i = next;
            }
        }
        return out == null ? s : out.toString();
    }

    private static boolean isLineTerminator(final int c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    private static boolean sameIgnoringAsciiCase(final int a, final int b) {
        return a == b || asciiLower(a) == asciiLower(b);
    }

    private static int asciiLower(final int c) {
        return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }
}

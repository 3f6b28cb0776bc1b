package io.newswire.streams.dedup;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.LongConsumer;

import io.newswire.schema.text.TextNormalizer;

/**
 * Makes the {@link Fingerprint} of an item's text (title, lead, body paragraphs): the MinHash signature of its word
 * shingles, so that copies, corrections and rewrites of one story can be found by their estimated Jaccard similarity.
 *
 * <p>The text is first made a comparison key with {@link TextNormalizer#key} (NFC, soft hyphens and zero-width
 * characters dropped, quotes and dashes unified, case folded), so copies that differ only in those get the same
 * fingerprint. A word is a run of letters, digits and combining marks; each Han, hiragana or katakana character is a
 * word of its own, as Chinese and Japanese put no spaces between words. A shingle is
 * {@link FingerprintSettings#shingleWords()} consecutive words, across paragraph breaks; a text with fewer words has its
 * words as shingles, so a short text still gets a usable fingerprint, and a text without words gets
 * {@link Fingerprint#EMPTY}.
 *
 * <p>The MinHash is one-permutation hashing with optimal densification (Shrivastava, ICML 2017): each shingle gets one
 * 64-bit hash, whose upper half picks one of {@link FingerprintSettings#hashes()} buckets; each bucket keeps its least
 * hash, and an empty bucket takes the minimum of the first non-empty bucket on a probe sequence of its own, the same in
 * every text. The share of equal buckets of two texts then estimates their Jaccard similarity as k independent hash
 * functions would, at the cost of one hash per shingle instead of k. Word and shingle hashes are FNV-1a and
 * MurmurHash3's finalizer with fixed constants, over the text's UTF-16 chars: the signature depends on the text and the
 * settings only, in any JVM and on any replay of the input ({@code FingerprinterTest} pins one).
 *
 * <p>Lucene's {@code MinHashFilter} does the same one-permutation hashing (hashCount 1, a bucket per value, rotation for
 * empty buckets) and was tried first, behind {@code StandardTokenizer}, {@code CJKBigramFilter} and
 * {@code ShingleFilter}. It was not kept because it is too slow for the stream: on the same 4 KB items that chain took
 * 600 µs of CPU time against 133 µs here (both with {@link TextNormalizer#key}, about 90 µs), three times the budget of
 * 200 µs; without the key, 500 µs against 40. {@code ShingleFilter} and {@code MinHashFilter} copy attribute states,
 * strings and byte arrays for every shingle, where this class hashes chars in place. Its other mode (a hash per value,
 * one bucket) took 17 ms: it hashes each shingle 128 times, and its hash functions are one hash plus a constant
 * ({@code 37 h + c_i}), which rank shingles alike up to a rotation rather than independently.
 * {@code FingerprintEval} measures all of them; the figures are in {@code FINGERPRINT.md} beside it.
 *
 * <p>Stateless and thread-safe.
 */
public final class Fingerprinter {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long SHINGLE_SEED = 0x2545f4914f6cdd1dL;
    private static final long SHINGLE_MIX = 0x9e3779b97f4a7c15L;
    private static final long PROBE_BUCKET = 0xd6e8feb86659fd93L;
    private static final long PROBE_ATTEMPT = 0xa0761d6478bd642fL;
    /** No hash seen yet: the greatest unsigned value, so any hash is less. */
    private static final long NO_HASH = -1L;
    /** What a char is to the word splitter ({@link #kind}); a surrogate pair is judged by its code point. */
    private static final int SEPARATOR = 0;
    private static final int LETTER = 1;
    /** Han, hiragana or katakana: a word of its own. */
    private static final int IDEOGRAPH = 2;
    private static final int SURROGATE_LETTER = 3;
    private static final int SURROGATE_IDEOGRAPH = 4;

    private final FingerprintSettings settings;

    public Fingerprinter(final FingerprintSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public FingerprintSettings settings() {
        return settings;
    }

    /** The fingerprint of an item's parts (title, lead, paragraphs; null parts skipped), read as one text. */
    public Fingerprint fingerprint(final List<String> parts) {
        final StringBuilder text = new StringBuilder();
        for (final String part : parts) {
            if (part != null) {
                text.append(part).append('\n');
            }
        }
        return fingerprint(text.toString());
    }

    /** The fingerprint of a text; {@link Fingerprint#EMPTY} when it has no words (null, blank, punctuation only). */
    public Fingerprint fingerprint(final String text) {
        final long[] minima = new long[settings.hashes()];
        Arrays.fill(minima, NO_HASH);
        final int shingles = shingleHashes(TextNormalizer.key(text), settings.shingleWords(), hash -> {
            final int bucket = bucket(hash, minima.length);
            if (Long.compareUnsigned(hash, minima[bucket]) < 0) {
                minima[bucket] = hash;
            }
        });
        if (shingles == 0) {
            return Fingerprint.EMPTY;
        }
        final int[] signature = new int[minima.length];
        for (int bucket = 0; bucket < minima.length; bucket++) {
            // The low half: the upper one holds the bucket number, the same in every text.
            signature[bucket] = (int) minima[minima[bucket] != NO_HASH ? bucket : donor(minima, bucket)];
        }
        return Fingerprint.of(signature, settings.bands());
    }

    /** The hashes of the text's shingles, in text order, as {@link #fingerprint(String)} takes them: for tests. */
    long[] shingleHashes(final String text) {
        final long[][] hashes = {new long[64]};
        final int[] count = {0};
        shingleHashes(TextNormalizer.key(text), settings.shingleWords(), hash -> {
            if (count[0] == hashes[0].length) {
                hashes[0] = Arrays.copyOf(hashes[0], 2 * count[0]);
            }
            hashes[0][count[0]++] = hash;
        });
        return Arrays.copyOf(hashes[0], count[0]);
    }

    /**
     * Gives {@code sink} the hash of every shingle of {@code size} words of {@code key}, or of every word when there
     * are fewer; returns how many hashes it gave.
     */
    private static int shingleHashes(final String key, final int size, final LongConsumer sink) {
        final long[] window = new long[size];
        int words = 0;
        long word = FNV_OFFSET;
        boolean inWord = false;
        final int length = key.length();
        for (int i = 0; i <= length; i++) {
            final char c = i < length ? key.charAt(i) : ' ';
            final int kind = kind(key, i, c);
            if (kind == LETTER || kind == SURROGATE_LETTER) {
                word = (word ^ c) * FNV_PRIME;
                if (kind == SURROGATE_LETTER) {
                    word = (word ^ key.charAt(++i)) * FNV_PRIME;
                }
                inWord = true;
                continue;
            }
            if (inWord) {
                words = add(fmix64(word), window, words, sink);
                word = FNV_OFFSET;
                inWord = false;
            }
            if (kind == IDEOGRAPH) {
                words = add(fmix64((FNV_OFFSET ^ c) * FNV_PRIME), window, words, sink);
            } else if (kind == SURROGATE_IDEOGRAPH) {
                words = add(fmix64(((FNV_OFFSET ^ c) * FNV_PRIME ^ key.charAt(++i)) * FNV_PRIME), window, words,
                    sink);
            }
        }
        if (words >= size) {
            return words - size + 1;
        }
        for (int w = 0; w < words; w++) {
            sink.accept(shingle(window, w, 1));
        }
        return words;
    }

    /** Puts a word's hash into the window; once it holds {@code size} words, gives the shingle that ends here. */
    private static int add(final long wordHash, final long[] window, final int words, final LongConsumer sink) {
        window[words % window.length] = wordHash;
        if (words + 1 >= window.length) {
            sink.accept(shingle(window, words + 1 - window.length, window.length));
        }
        return words + 1;
    }

    /** The hash of {@code count} words in text order from word number {@code first}, kept in the ring {@code window}. */
    private static long shingle(final long[] window, final int first, final int count) {
        long hash = SHINGLE_SEED;
        for (int w = first; w < first + count; w++) {
            hash = Long.rotateLeft(hash ^ window[w % window.length], 29) * SHINGLE_MIX;
        }
        return fmix64(hash ^ count);
    }

    /** What the char at {@code i} is to the word splitter; a surrogate pair is judged by its code point. */
    private static int kind(final String key, final int i, final char c) {
        if (c < 128) {
            return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' ? LETTER : SEPARATOR;
        }
        if (isIdeograph(c)) {
            return IDEOGRAPH;
        }
        if (Character.isHighSurrogate(c)) {
            if (i + 1 >= key.length() || !Character.isLowSurrogate(key.charAt(i + 1))) {
                return SEPARATOR;
            }
            final int codePoint = Character.toCodePoint(c, key.charAt(i + 1));
            if (codePoint >= 0x20000 && codePoint <= 0x3FFFF) {
                return SURROGATE_IDEOGRAPH;
            }
            return Character.isLetterOrDigit(codePoint) ? SURROGATE_LETTER : SEPARATOR;
        }
        if (Character.isLetterOrDigit(c)) {
            return LETTER;
        }
        final int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
            || type == Character.ENCLOSING_MARK ? LETTER : SEPARATOR;
    }

    /**
     * Han (unified ideographs, extension A, compatibility block), hiragana and katakana (with halfwidth forms): range
     * tests, as {@link Character.UnicodeScript#of} costs a binary search per char.
     */
    private static boolean isIdeograph(final char c) {
        return c >= '\u3040' && (c <= '\u30FF' || c >= '\u31F0' && c <= '\u31FF' || c >= '\u3400' && c <= '\u4DBF'
            || c >= '\u4E00' && c <= '\u9FFF' || c >= '\uF900' && c <= '\uFAFF' || c >= '\uFF66' && c <= '\uFF9F');
    }

    /** The bucket of a hash: its upper 32 bits scaled to the bucket count (no division, no modulo bias to speak of). */
    private static int bucket(final long hash, final int buckets) {
        return (int) (((hash >>> 32) * buckets) >>> 32);
    }

    /**
     * The non-empty bucket whose minimum an empty {@code bucket} takes: the first on the bucket's own pseudo-random
     * probe sequence, which every text shares, so two texts agree there as often as their shingle sets overlap.
     */
    private static int donor(final long[] minima, final int bucket) {
        // With one non-empty bucket, 64 probes per bucket all miss it with a chance near e^-64; a scan then settles it.
        final int probes = 64 * minima.length;
        for (int attempt = 1; attempt <= probes; attempt++) {
            final int candidate = bucket(fmix64((bucket + 1) * PROBE_BUCKET + attempt * PROBE_ATTEMPT), minima.length);
            if (minima[candidate] != NO_HASH) {
                return candidate;
            }
        }
        for (int offset = 1; ; offset++) {
            final int candidate = (bucket + offset) % minima.length;
            if (minima[candidate] != NO_HASH) {
                return candidate;
            }
        }
    }

    /** MurmurHash3's 64-bit finalizer: every input bit flips each output bit with probability near one half. */
    private static long fmix64(final long value) {
        long k = value;
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}

package io.newswire.streams.dedup;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The MinHash signature of an item's text ({@link Fingerprinter}): a fixed number of 32-bit values, split into LSH
 * bands. Two items' share of equal values estimates the Jaccard similarity of their shingle sets; items that share a
 * {@linkplain #bandKeys() band key} are candidates for that comparison.
 *
 * <p>Immutable. {@link #encode()} gives a short ASCII string (Base64url) for an Avro string field or a store value.
 */
public final class Fingerprint {

    /** A text without words: it has no band keys and is similar to nothing, not even another empty fingerprint. */
    public static final Fingerprint EMPTY = new Fingerprint(new int[0], 0);

    /**
     * The first byte of an encoded fingerprint, so that a later layout can be told from this one when a store or a
     * topic still holds old values.
     */
    private static final byte FORMAT = 1;
    private static final int HEADER_BYTES = 2;
    private static final long MIX1 = 0x87c37b91114253d5L;
    private static final long MIX2 = 0x4cf5ad432745937fL;

    private final int[] signature;
    private final int bands;

    private Fingerprint(final int[] signature, final int bands) {
        this.signature = signature;
        this.bands = bands;
    }

    /**
     * A fingerprint of the given signature (copied) in {@code bands} bands of equal size.
     *
     * @throws IllegalArgumentException when the signature is empty or does not split into {@code bands} equal bands
     */
    public static Fingerprint of(final int[] signature, final int bands) {
        if (signature.length == 0) {
            throw new IllegalArgumentException("a signature needs at least one value; use Fingerprint.EMPTY for a "
                + "text without words");
        }
        if (bands < 1 || bands > 255 || signature.length % bands != 0) {
            throw new IllegalArgumentException("a signature of " + signature.length + " values does not split into "
                + bands + " equal bands (1..255)");
        }
        return new Fingerprint(signature.clone(), bands);
    }

    /** The signature's values, a copy. */
    public int[] signature() {
        return signature.clone();
    }

    /** How many values the signature holds: bands × rows; 0 for {@link #EMPTY}. */
    public int size() {
        return signature.length;
    }

    public int bands() {
        return bands;
    }

    public boolean isEmpty() {
        return signature.length == 0;
    }

    /**
     * One key per band, {@code "b03:9f2c41d07a6e5b18"}: the band's index and a 64-bit hash of its values. Items with
     * an equal key agree on every value of that band; the index keeps equal values in different bands apart.
     */
    public List<String> bandKeys() {
        final List<String> keys = new ArrayList<>(bands);
        final int rows = bands == 0 ? 0 : signature.length / bands;
        for (int band = 0; band < bands; band++) {
            long hash = band + 1L;
            for (int row = band * rows; row < (band + 1) * rows; row++) {
                hash = Long.rotateLeft(hash ^ (signature[row] & 0xFFFF_FFFFL) * MIX1, 31) * MIX2;
            }
            keys.add(String.format(Locale.ROOT, "b%02d:%016x", band, fmix64(hash)));
        }
        return keys;
    }

    /**
     * The share of signature positions at which both fingerprints hold the same value: an estimate of the Jaccard
     * similarity of the two texts' shingle sets, 0..1. An empty fingerprint is similar to nothing (0.0).
     *
     * @throws IllegalArgumentException when the fingerprints were made with different numbers of hashes: their
     *                                  positions mean different things and cannot be compared
     */
    public double similarity(final Fingerprint other) {
        if (isEmpty() || other.isEmpty()) {
            return 0.0;
        }
        if (signature.length != other.signature.length) {
            throw new IllegalArgumentException("fingerprints of " + signature.length + " and "
                + other.signature.length + " hashes cannot be compared: they were made with different settings");
        }
        int equal = 0;
        for (int i = 0; i < signature.length; i++) {
            if (signature[i] == other.signature[i]) {
                equal++;
            }
        }
        return (double) equal / signature.length;
    }

    /**
     * The fingerprint as Base64url without padding: a format byte, the band count, and the values as big-endian
     * 32-bit integers (686 characters for 128 values). {@link #EMPTY} encodes as the empty string.
     */
    public String encode() {
        if (isEmpty()) {
            return "";
        }
        final ByteBuffer bytes = ByteBuffer.allocate(HEADER_BYTES + Integer.BYTES * signature.length);
        bytes.put(FORMAT).put((byte) bands);
        for (final int value : signature) {
            bytes.putInt(value);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    /**
     * The fingerprint that {@link #encode()} wrote.
     *
     * @throws IllegalArgumentException when {@code encoded} is not such a string; the message says what is wrong
     */
    public static Fingerprint decode(final String encoded) {
        if (encoded.isEmpty()) {
            return EMPTY;
        }
        final byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(encoded);
        } catch (final IllegalArgumentException e) {
            throw new IllegalArgumentException("not an encoded fingerprint (Base64url expected): " + abbreviate(encoded),
                e);
        }
        if (bytes.length < HEADER_BYTES + Integer.BYTES || bytes[0] != FORMAT
            || (bytes.length - HEADER_BYTES) % Integer.BYTES != 0) {
            throw new IllegalArgumentException("not an encoded fingerprint of format " + FORMAT + " (format byte "
                + (bytes.length > 0 ? bytes[0] : "missing") + ", " + bytes.length + " bytes): "
                + abbreviate(encoded));
        }
        final ByteBuffer buffer = ByteBuffer.wrap(bytes, HEADER_BYTES, bytes.length - HEADER_BYTES);
        final int[] values = new int[(bytes.length - HEADER_BYTES) / Integer.BYTES];
        for (int i = 0; i < values.length; i++) {
            values[i] = buffer.getInt();
        }
        return of(values, Byte.toUnsignedInt(bytes[1]));
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof Fingerprint that && bands == that.bands && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(signature) + bands;
    }

    /** Size and the first values: enough to tell fingerprints apart in a test failure without flooding it. */
    @Override
    public String toString() {
        if (isEmpty()) {
            return "Fingerprint[empty]";
        }
        final StringBuilder text = new StringBuilder("Fingerprint[").append(signature.length).append(" hashes in ")
            .append(bands).append(" bands:");
        for (int i = 0; i < Math.min(4, signature.length); i++) {
            text.append(' ').append(String.format(Locale.ROOT, "%08x", signature[i]));
        }
        return text.append(signature.length > 4 ? " …]" : "]").toString();
    }

    private static String abbreviate(final String text) {
        return text.length() <= 40 ? '"' + text + '"' : '"' + text.substring(0, 40) + "…\" (" + text.length() + " chars)";
    }

    /** MurmurHash3's finalizer: spreads every input bit over the whole key, so similar bands get unrelated keys. */
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

package io.newswire.streams.dedup;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The MinHash signature of an item's text ({@link Fingerprinter}): a fixed number of 32-bit values, split into LSH
 * bands. Two items' share of equal values estimates the Jaccard similarity of their shingle sets; items that share a
 * {@linkplain #bandKeys() band key} are candidates for that comparison.
 *
 * <p>Immutable. {@link #toBytes()} gives its compact form for an Avro {@code bytes} field or a store value.
 */
public final class Fingerprint {

    /** A text without words: it has no band keys and is similar to nothing, not even another empty fingerprint. */
    public static final Fingerprint EMPTY = new Fingerprint(new int[0], 0);

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
     * One 64-bit key per band: a hash of the band's index and values. Items with an equal key agree on every value of
     * that band (but for hash collisions, which the comparison of whole signatures settles); the band index keeps
     * equal values in different bands apart.
     */
    public long[] bandHashes() {
        final long[] keys = new long[bands];
        final int rows = bands == 0 ? 0 : signature.length / bands;
        for (int band = 0; band < bands; band++) {
            long hash = band + 1L;
            for (int row = band * rows; row < (band + 1) * rows; row++) {
                hash = Long.rotateLeft(hash ^ (signature[row] & 0xFFFF_FFFFL) * MIX1, 31) * MIX2;
            }
            keys[band] = fmix64(hash);
        }
        return keys;
    }

    /** {@link #bandHashes()} as readable keys, {@code "b03:9f2c41d07a6e5b18"}: for reports and tests. */
    public List<String> bandKeys() {
        final long[] hashes = bandHashes();
        final List<String> keys = new ArrayList<>(hashes.length);
        for (int band = 0; band < hashes.length; band++) {
            keys.add(String.format(Locale.ROOT, "b%02d:%016x", band, hashes[band]));
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
     * The signature as bytes: its values as big-endian 32-bit integers (512 bytes for 128 values); empty for
     * {@link #EMPTY}. The band count is a setting, not part of the bytes.
     */
    public byte[] toBytes() {
        final ByteBuffer bytes = ByteBuffer.allocate(Integer.BYTES * signature.length);
        for (final int value : signature) {
            bytes.putInt(value);
        }
        return bytes.array();
    }

    /**
     * The fingerprint whose {@link #toBytes()} are the remaining bytes of {@code bytes} (its position is not moved),
     * in {@code bands} bands.
     *
     * @throws IllegalArgumentException when the bytes are not whole 32-bit values that split into {@code bands} bands
     */
    public static Fingerprint fromBytes(final ByteBuffer bytes, final int bands) {
        final ByteBuffer view = bytes.duplicate();
        if (!view.hasRemaining()) {
            return EMPTY;
        }
        if (view.remaining() % Integer.BYTES != 0) {
            throw new IllegalArgumentException("a signature is whole 32-bit values, got " + view.remaining()
                + " bytes");
        }
        final int[] values = new int[view.remaining() / Integer.BYTES];
        for (int i = 0; i < values.length; i++) {
            values[i] = view.getInt();
        }
        return of(values, bands);
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

    /** MurmurHash3's finalizer: spreads every input bit over the whole key, so similar bands get unrelated keys. */
    static long fmix64(final long value) {
        long k = value;
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}

package io.newswire.streams.dedup;

/**
 * How near-duplicate fingerprints are made, with the defaults in one place ({@link #defaults()}). How similar two
 * fingerprints must be for a decision is {@link DedupSettings}' business (config {@code newswire.dedup.*}).
 *
 * <p>The defaults were chosen on the Kremlin corpus ({@code FingerprintEval}, figures in {@code FINGERPRINT.md}).
 * Shingles of 4 words keep unrelated items of the same day apart (mean estimated similarity 0.006, 99th percentile
 * 0.047) while edited copies stay close (a new title and a paragraph dropped: 0.90 on average; one number and three
 * words corrected: 0.95); 3 words raise the similarity of unrelated items by half, 5 words lower that of short
 * corrections.
 * 32 bands of 4 rows (128 hashes) give this S-curve, the chance that two texts share at least one band key:
 * <pre>
 * Jaccard    0.1    0.2    0.3    0.4    0.5    0.6    0.7    0.8    0.9
 * 32 x 4   0.003  0.050  0.229  0.564  0.873  0.988  0.9998 1.000  1.000
 * </pre>
 * so pairs from about 0.6 meet with 99 % certainty and pairs at 0.2 or below rarely do. 128 hashes also cut the
 * estimates' error by a third against 60 (standard deviation 0.022 against 0.035 on the edited copies).
 *
 * @param shingleWords       words per shingle (1..10); a text with fewer words has its words as shingles
 * @param bands              LSH bands (1..255): each gives one {@linkplain Fingerprint#bandKeys() band key}
 * @param rowsPerBand        signature values per band; the signature holds {@code bands × rowsPerBand} (at most 1024)
 */
public record FingerprintSettings(int shingleWords, int bands, int rowsPerBand) {

    public static final int DEFAULT_SHINGLE_WORDS = 4;
    public static final int DEFAULT_BANDS = 32;
    public static final int DEFAULT_ROWS_PER_BAND = 4;

    public static final int MAX_SHINGLE_WORDS = 10;
    public static final int MAX_BANDS = 255;
    /** The most MinHash values a signature holds, {@code bands × rowsPerBand}. */
    public static final int MAX_HASHES = 1024;

    public FingerprintSettings {
        if (shingleWords < 1 || shingleWords > MAX_SHINGLE_WORDS) {
            throw new IllegalArgumentException(
                "shingle size must be within 1.." + MAX_SHINGLE_WORDS + " words, was " + shingleWords);
        }
        if (bands < 1 || bands > MAX_BANDS || rowsPerBand < 1 || (long) bands * rowsPerBand > MAX_HASHES) {
            throw new IllegalArgumentException("bands (1.." + MAX_BANDS + ") times rows per band must be at most "
                + MAX_HASHES + " hashes, were " + bands + " bands of " + rowsPerBand + " rows");
        }
    }

    public static FingerprintSettings defaults() {
        return new FingerprintSettings(DEFAULT_SHINGLE_WORDS, DEFAULT_BANDS, DEFAULT_ROWS_PER_BAND);
    }

    /** The signature's length: one MinHash value per row of every band. */
    public int hashes() {
        return bands * rowsPerBand;
    }

    /**
     * The chance that two texts whose shingle sets have Jaccard similarity {@code jaccard} share at least one band
     * key, {@code 1 - (1 - j^rows)^bands}: the LSH S-curve, assuming independent signature values.
     */
    public double candidateProbability(final double jaccard) {
        return 1.0 - Math.pow(1.0 - Math.pow(jaccard, rowsPerBand), bands);
    }

    public FingerprintSettings withShingleWords(final int words) {
        return new FingerprintSettings(words, bands, rowsPerBand);
    }

    public FingerprintSettings withBands(final int bandCount, final int rows) {
        return new FingerprintSettings(shingleWords, bandCount, rows);
    }
}

package io.newswire.streams.dedup;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import io.newswire.schema.DedupSketch;

/**
 * The posting keys of a decided item in the dedup index, and the byte layout of its postings: which other items it can
 * be compared with. Every key is a 64-bit hash of one blocking value:
 * <ul>
 *   <li>its id (a re-send under the same id),</li>
 *   <li>its content hash (an exact copy under another id),</li>
 *   <li>its URL (a changed re-send of the same page, compared from the lower update similarity),</li>
 *   <li>each event key (dateline date with a place or person: a rendering in another language),</li>
 *   <li>each LSH band of its MinHash signature (near-identical texts).</li>
 * </ul>
 * A duplicate is posted under its id only: a later copy finds the original anyway, and a re-send under the
 * duplicate's id still finds it.
 *
 * <p>A posting's store key is {@code key (8 bytes) ‖ event time (8) ‖ item hash (8)}, so one range scan per key gives
 * the key's items within the window in event-time order; its value is the item's arrival watermark (8 bytes) and
 * language (ASCII, may be empty), enough to filter and rank candidates before their sketches are read.
 */
public final class Postings {

    public static final int KEY_BYTES = 3 * Long.BYTES;
    private static final long KIND_ID = 0x1d8e4e27c47d124fL;
    private static final long KIND_CONTENT = 0x2a4b0c7f1e5d3a91L;
    private static final long KIND_URL = 0x5bd1e995c2b2ae35L;
    private static final long KIND_EVENT = 0x7fb5d329728ea185L;
    private static final long KIND_BAND = 0x81dadef4bc2dd44dL;
    private static final long KIND_ITEM = 0x94d049bb133111ebL;
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    /** What kind of blocking value a posting key stands for: only event keys are filtered by language. */
    public enum Kind { ID, CONTENT, URL, EVENT, BAND }

    /** One posting key of an item. */
    public record Key(long hash, Kind kind) {
    }

    private Postings() {
    }

    /** The keys {@code sketch} is posted under (a duplicate: its id only), the id first. */
    public static Key[] keysOf(final DedupSketch sketch, final FingerprintSettings settings) {
        if (DedupRules.DUPLICATE.equals(sketch.getDecision())) {
            return new Key[] {new Key(hash(KIND_ID, sketch.getId()), Kind.ID)};
        }
        final long[] bands = Fingerprint.fromBytes(sketch.getSignature(), settings.bands()).bandHashes();
        final int url = sketch.getSourceUrl() == null ? 0 : 1;
        final Key[] keys = new Key[2 + url + sketch.getEventKeys().size() + bands.length];
        int next = 0;
        keys[next++] = new Key(hash(KIND_ID, sketch.getId()), Kind.ID);
        keys[next++] = new Key(Fingerprint.fmix64(sketch.getContentHash() ^ KIND_CONTENT), Kind.CONTENT);
        if (url == 1) {
            keys[next++] = new Key(hash(KIND_URL, sketch.getSourceUrl()), Kind.URL);
        }
        for (final String event : sketch.getEventKeys()) {
            keys[next++] = new Key(hash(KIND_EVENT, event), Kind.EVENT);
        }
        for (final long band : bands) {
            keys[next++] = new Key(Fingerprint.fmix64(band ^ KIND_BAND), Kind.BAND);
        }
        return keys;
    }

    /** The 64-bit hash an item's sketch is stored under: of its id. */
    static long itemHash(final String id) {
        return hash(KIND_ITEM, id);
    }

    /** A 64-bit hash of {@code value} in the namespace {@code kind} (FNV-1a over its chars, MurmurHash3's finalizer). */
    static long hash(final String kind, final String value) {
        return hash(hash(KIND_ITEM, kind), value);
    }

    private static long hash(final long seed, final String value) {
        long hash = FNV_OFFSET ^ seed;
        for (int i = 0; i < value.length(); i++) {
            hash = (hash ^ value.charAt(i)) * FNV_PRIME;
        }
        return Fingerprint.fmix64(hash);
    }

    /** The store key of one posting. */
    static byte[] storeKey(final long key, final long eventTime, final long item) {
        return ByteBuffer.allocate(KEY_BYTES).putLong(key).putLong(sortable(eventTime)).putLong(item).array();
    }

    /** The lowest store key of {@code key} at {@code eventTime}. */
    static byte[] lowest(final long key, final long eventTime) {
        return storeKey(key, eventTime, 0L);
    }

    /** The highest store key of {@code key} at {@code eventTime}. */
    static byte[] highest(final long key, final long eventTime) {
        return storeKey(key, eventTime, -1L);
    }

    static long eventTimeOf(final byte[] storeKey) {
        return sortable(ByteBuffer.wrap(storeKey).getLong(Long.BYTES));
    }

    static long itemOf(final byte[] storeKey) {
        return ByteBuffer.wrap(storeKey).getLong(2 * Long.BYTES);
    }

    /** The value of a posting: the item's arrival watermark and language. */
    public static byte[] value(final DedupSketch sketch) {
        final byte[] language = sketch.getLanguage() == null ? new byte[0]
            : sketch.getLanguage().getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(Long.BYTES + language.length).putLong(sketch.getArrivalWatermark()).put(language)
            .array();
    }

    static long arrivalWatermarkOf(final byte[] value) {
        return ByteBuffer.wrap(value).getLong(0);
    }

    /** The language in a posting value, or null when unknown. */
    static String languageOf(final byte[] value) {
        return value.length == Long.BYTES ? null
            : new String(value, Long.BYTES, value.length - Long.BYTES, StandardCharsets.US_ASCII);
    }

    /** Flips the sign bit so that unsigned byte order (the store's) is the numeric order of the times. */
    private static long sortable(final long time) {
        return time ^ Long.MIN_VALUE;
    }
}

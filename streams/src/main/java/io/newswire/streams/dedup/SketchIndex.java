package io.newswire.streams.dedup;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.newswire.schema.DedupSketch;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The decided items of the window and how to find the ones an item may repeat: their sketches in a window store keyed
 * by a hash of the id at their event time (changelogged; expired by Kafka Streams with the window, without
 * tombstones), and their {@link Postings} in a key-value store (not changelogged: it is rebuilt from the sketches
 * when it does not match them, see {@link #ensurePostings}, and swept as items leave the window).
 *
 * <p>Why postings in their own store rather than in memory or in the changelog: a posting per band and key is ~40 per
 * item, which would be 40 changelog records per item, or about 1 KB of heap per item for a week of items; kept in
 * RocksDB and derived from the one changelogged sketch, they cost neither.
 */
final class SketchIndex {

    /** The postings store's own entry: how many sketches it holds postings of, to tell it is in step with them. */
    private static final Bytes MARKER = Bytes.wrap(new byte[] {0});
    /** A same-id candidate must never be cut by the candidate cap: its rule comes first. */
    private static final int SAME_ID_WEIGHT = 1_000;

    private final WindowStore<Long, DedupSketch> sketches;
    private final KeyValueStore<Bytes, byte[]> postings;
    private final FingerprintSettings fingerprints;
    private final long window;
    private final int maxCandidates;

    SketchIndex(final WindowStore<Long, DedupSketch> sketches, final KeyValueStore<Bytes, byte[]> postings,
                final FingerprintSettings fingerprints, final Duration window, final int maxCandidates) {
        this.sketches = sketches;
        this.postings = postings;
        this.fingerprints = fingerprints;
        this.window = window.toMillis();
        this.maxCandidates = maxCandidates;
    }

    /**
     * The decided items {@code self} may be compared with, earliest first: earlier than it ({@link DedupOrder}),
     * within the window before it, that reached the index while their partition's watermark was below
     * {@code visibleBelow} (the item's event time plus the grace), found through at least one of its posting keys, at
     * most {@code maxCandidates} of them (those sharing the most keys, then the earliest).
     */
    List<DedupSketch> candidates(final DedupSketch self, final long visibleBelow) {
        final Map<Ref, Integer> shared = new HashMap<>();
        final long from = self.getEventTime() - window;
        for (final Postings.Key key : Postings.keysOf(undecided(self), fingerprints)) {
            try (KeyValueIterator<Bytes, byte[]> members = postings.range(
                Bytes.wrap(Postings.lowest(key.hash(), from)), Bytes.wrap(Postings.highest(key.hash(),
                    self.getEventTime())))) {
                while (members.hasNext()) {
                    final KeyValue<Bytes, byte[]> member = members.next();
                    if (Postings.arrivalWatermarkOf(member.value) >= visibleBelow
                        || key.kind() == Postings.Kind.EVENT && sameKnownLanguage(self, member.value)) {
                        continue;
                    }
                    final byte[] storeKey = member.key.get();
                    shared.merge(new Ref(Postings.eventTimeOf(storeKey), Postings.itemOf(storeKey)),
                        key.kind() == Postings.Kind.ID ? SAME_ID_WEIGHT : 1, Integer::sum);
                }
            }
        }
        final List<Ref> ranked = new ArrayList<>(shared.keySet());
        ranked.sort(Comparator.<Ref>comparingInt(ref -> -shared.get(ref)).thenComparingLong(Ref::eventTime)
            .thenComparingLong(Ref::item));
        final List<DedupSketch> found = new ArrayList<>();
        for (final Ref ref : ranked.subList(0, Math.min(maxCandidates, ranked.size()))) {
            final DedupSketch candidate = sketches.fetch(ref.item(), ref.eventTime());
            if (candidate != null && DedupOrder.SKETCHES.compare(candidate, self) < 0) {
                found.add(candidate);
            }
        }
        found.sort(DedupOrder.SKETCHES);
        return found;
    }

    /** Keeps a decided item (a duplicate without what only comparisons need) and posts it. */
    void add(final DedupSketch decided) {
        final DedupSketch kept = DedupRules.DUPLICATE.equals(decided.getDecision()) ? slim(decided) : decided;
        sketches.put(Postings.itemHash(kept.getId()), kept, kept.getEventTime());
        post(kept);
        postings.put(MARKER, longBytes(count() + 1));
    }

    /** How many items the postings store holds postings of. */
    long count() {
        final byte[] marker = postings.get(MARKER);
        return marker == null ? 0 : ByteBuffer.wrap(marker).getLong();
    }

    /**
     * Makes the postings match the sketches: when the postings store does not hold postings of {@code indexed} items
     * (it is new, was wiped with the task's state after a crash, or is a stale copy from before the task moved), it is
     * emptied and rebuilt from the sketches from event time {@code from} on.
     *
     * @return how many items were posted again, 0 when the postings were in step
     */
    long ensurePostings(final long indexed, final long from) {
        if (count() == indexed) {
            return 0;
        }
        clearPostings();
        long posted = 0;
        try (KeyValueIterator<Windowed<Long>, DedupSketch> all = sketches.fetchAll(from, Long.MAX_VALUE)) {
            while (all.hasNext()) {
                post(all.next().value);
                posted++;
            }
        }
        postings.put(MARKER, longBytes(indexed));
        return posted;
    }

    /** Removes the postings of items with event times in [{@code from}, {@code until}): they left the window. */
    void sweep(final long from, final long until) {
        if (until <= from) {
            return;
        }
        try (KeyValueIterator<Windowed<Long>, DedupSketch> leaving = sketches.fetchAll(from, until - 1)) {
            while (leaving.hasNext()) {
                final DedupSketch sketch = leaving.next().value;
                final long item = Postings.itemHash(sketch.getId());
                for (final Postings.Key key : Postings.keysOf(sketch, fingerprints)) {
                    postings.delete(Bytes.wrap(Postings.storeKey(key.hash(), sketch.getEventTime(), item)));
                }
            }
        }
    }

    /** Deletes every posting, a batch of keys at a time (RocksDB iterators read a snapshot, so deleting is safe). */
    private void clearPostings() {
        final List<Bytes> batch = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> all = postings.all()) {
            while (all.hasNext()) {
                batch.add(all.next().key);
                if (batch.size() == 10_000) {
                    batch.forEach(postings::delete);
                    batch.clear();
                }
            }
        }
        batch.forEach(postings::delete);
    }

    private void post(final DedupSketch kept) {
        final long item = Postings.itemHash(kept.getId());
        final byte[] value = Postings.value(kept);
        for (final Postings.Key key : Postings.keysOf(kept, fingerprints)) {
            postings.put(Bytes.wrap(Postings.storeKey(key.hash(), kept.getEventTime(), item)), value);
        }
    }

    /** A duplicate as kept: enough for the same-id rule (id, time, content hash, story), nothing to compare. */
    private static DedupSketch slim(final DedupSketch duplicate) {
        return DedupSketch.newBuilder(duplicate).setSignature(ByteBuffer.allocate(0)).setNumbers(List.of())
            .setNames(List.of()).setEventKeys(List.of()).setSourceUrl(null).setWords(0).build();
    }

    /** The sketch's keys are those of a kept item, whatever it is decided to be. */
    private static DedupSketch undecided(final DedupSketch self) {
        return self.getDecision() == null ? self : DedupSketch.newBuilder(self).setDecision(null).build();
    }

    private static boolean sameKnownLanguage(final DedupSketch self, final byte[] postingValue) {
        return self.getLanguage() != null && self.getLanguage().equals(Postings.languageOf(postingValue));
    }

    private static byte[] longBytes(final long value) {
        return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
    }

    /** A posted item: its event time and id hash, as its postings hold them. */
    private record Ref(long eventTime, long item) {
    }
}

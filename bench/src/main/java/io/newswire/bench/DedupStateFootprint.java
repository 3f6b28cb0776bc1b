package io.newswire.bench;

import java.util.List;
import java.util.Locale;

import io.newswire.schema.DedupSketch;
import io.newswire.schema.EnrichedItem;
import io.newswire.schema.WireItem;
import io.newswire.schema.serde.NewswireSerdes;
import io.newswire.streams.dedup.FingerprintSettings;
import io.newswire.streams.dedup.Fingerprinter;
import io.newswire.streams.dedup.Postings;
import io.newswire.streams.dedup.Sketcher;
import io.newswire.streams.enrich.Enricher;
import io.newswire.streams.enrich.EnrichmentSettings;
import io.newswire.streams.stage.Normalizer;
import io.newswire.streams.stage.RouteDecider;
import io.newswire.streams.stage.StatelessPipeline;

/**
 * The size of the dedup state per item in the window, and per million items: what the dedup index keeps for each
 * decided item — its sketch in the window store {@code dedup-sketches} (8-byte key, 8-byte timestamp, the encoded
 * sketch) and one posting per key in {@code dedup-postings} (24-byte key, arrival watermark and language) — from the
 * bench items. RocksDB's compression and overhead are not counted. Run:
 * {@code java -cp bench/target/benchmarks.jar io.newswire.bench.DedupStateFootprint}.
 */
public final class DedupStateFootprint {

    private static final Enricher ENRICHER = Enricher.create(EnrichmentSettings.defaults());

    private DedupStateFootprint() {
    }

    static EnrichedItem enriched(final WireItem normalized) {
        return new StatelessPipeline(new Normalizer(), ENRICHER, new RouteDecider(java.util.Map.of()))
            .enrich(normalized, java.time.Instant.EPOCH);
    }

    public static void main(final String[] args) {
        final NewswireSerdes serdes = new NewswireSerdes();
        final FingerprintSettings settings = FingerprintSettings.defaults();
        final Sketcher sketcher = new Sketcher(new Fingerprinter(settings));
        for (final String name : List.of(BenchItems.SEED_IT, BenchItems.EN_4K, BenchItems.EN_10K)) {
            final EnrichedItem item = enriched(BenchItems.normalized(name));
            final DedupSketch sketch = DedupSketch.newBuilder(sketcher.sketch(item, 0L, 0, 0L))
                .setDecision("new").setStoryId(item.getId()).build();
            final long sketchBytes = serdes.dedupSketch().encode(sketch).length + 2L * Long.BYTES;
            final int postings = Postings.keysOf(sketch, settings).length;
            final long postingBytes = (long) postings * (Postings.KEY_BYTES + Postings.value(sketch).length);
            final double perItem = sketchBytes + postingBytes;
            System.out.printf(Locale.ROOT, "%-8s %,6d bytes per item in the window → %,.2f GB per million items "
                + "(sketch %,d bytes, %d postings %,d bytes)%n", name, (long) perItem, perItem * 1e6 / 1e9,
                sketchBytes, postings, postingBytes);
        }
    }
}

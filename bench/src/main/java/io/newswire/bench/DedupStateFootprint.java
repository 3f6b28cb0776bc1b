package io.newswire.bench;

import java.util.List;
import java.util.Locale;

import io.newswire.schema.DedupProbe;
import io.newswire.schema.EnrichedItem;
import io.newswire.schema.WireItem;
import io.newswire.schema.serde.NewswireSerdes;
import io.newswire.streams.dedup.FingerprintSettings;
import io.newswire.streams.dedup.Fingerprinter;
import io.newswire.streams.dedup.Probes;
import io.newswire.streams.enrich.Enricher;
import io.newswire.streams.enrich.EnrichmentSettings;
import io.newswire.streams.stage.Normalizer;
import io.newswire.streams.stage.RouteDecider;
import io.newswire.streams.stage.StatelessPipeline;

/**
 * The size of the dedup state per item in the window, and per million items: what the band store keeps for each
 * item (one serialized probe per band, without the item, plus its key) and the id store (id → content hash), from
 * the bench items. RocksDB's compression and overhead are not counted. Run:
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
        final Probes probes = new Probes(new Fingerprinter(FingerprintSettings.defaults()));
        for (final String name : List.of(BenchItems.SEED_IT, BenchItems.EN_4K, BenchItems.EN_10K)) {
            final EnrichedItem item = enriched(BenchItems.normalized(name));
            long bandBytes = 0;
            final List<DedupProbe> all = probes.of(item, 0L);
            for (final DedupProbe probe : all) {
                final DedupProbe stored = DedupProbe.newBuilder(probe).setItem(null).build();
                // window store key: the band, 8 bytes of timestamp and 4 of sequence number
                bandBytes += serdes.dedupProbe().encode(stored).length + probe.getBand().length() + 12;
            }
            final long idBytes = item.getId().length() + item.getContentHash().length() + 12;
            final double perItem = bandBytes + idBytes;
            System.out.printf(Locale.ROOT, "%-8s %2d bands: %,8d bytes per item in the window → %,.1f GB per million"
                + " items (band store %,d, id store %,d bytes per item)%n", name, all.size(), (long) perItem,
                perItem * 1e6 / 1e9, bandBytes, idBytes);
        }
    }
}

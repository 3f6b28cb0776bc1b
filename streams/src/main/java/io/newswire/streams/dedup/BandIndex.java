package io.newswire.streams.dedup;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

import io.newswire.schema.DedupMatch;
import io.newswire.schema.DedupProbe;
import io.newswire.schema.serde.SchemaTrust;

/**
 * One task's share of the LSH index: probes keyed by band in, band answers keyed by item id out. Every item that
 * shares a band with another within the window meets it here, whatever partition its id hashes to, because the
 * probes were repartitioned by band.
 *
 * <p>For a probe it answers its item with the other items of the band within the window (the probe's own answer,
 * carrying the item when the probe does), sends each of those a notice that this item joined the band (so a decider
 * still waiting on an item that arrived first but happened later hears of this one), and remembers the probe,
 * without the item, in the window store for the window in event time. An answer keeps the probe's headers (the
 * item's trace); a notice has none, as it belongs to the other item.
 */
public final class BandIndex implements Processor<String, DedupProbe, String, DedupMatch> {

    private final String storeName;
    private final Duration window;
    private final int maxCandidates;
    private ProcessorContext<String, DedupMatch> context;
    private WindowStore<String, DedupProbe> bands;

    public BandIndex(final String storeName, final Duration window, final int maxCandidates) {
        SchemaTrust.trustNewswireSchemas();
        this.storeName = storeName;
        this.window = window;
        this.maxCandidates = maxCandidates;
    }

    @Override
    public void init(final ProcessorContext<String, DedupMatch> processorContext) {
        this.context = processorContext;
        this.bands = processorContext.getStateStore(storeName);
    }

    @Override
    public void process(final Record<String, DedupProbe> record) {
        final DedupProbe probe = record.value();
        final String band = record.key();
        final List<DedupProbe> members = membersAround(band, probe);
        final DedupProbe stored = DedupProbe.newBuilder(probe).setItem(null).build();
        context.forward(new Record<>(probe.getId(), DedupMatch.newBuilder()
            .setForId(probe.getId())
            .setBand(band)
            .setBands(probe.getBands())
            .setSelf(stored)
            .setCandidates(members)
            .setItem(probe.getItem())
            .build(), record.timestamp(), record.headers()));
        for (final DedupProbe member : members) {
            context.forward(new Record<>(member.getId(), DedupMatch.newBuilder()
                .setForId(member.getId())
                .setBand(band)
                .setBands(0)
                .setSelf(null)
                .setCandidates(List.of(stored))
                .setItem(null)
                .build(), record.timestamp(), new RecordHeaders()));
        }
        bands.put(band, stored, probe.getEventTime());
    }

    /** The other items of the band within the window around the probe's event time, the latest ones if too many. */
    private List<DedupProbe> membersAround(final String band, final DedupProbe probe) {
        final long time = probe.getEventTime();
        final Deque<DedupProbe> latest = new ArrayDeque<>();
        try (WindowStoreIterator<DedupProbe> members = bands.fetch(band, time - window.toMillis(),
            time + window.toMillis())) {
            while (members.hasNext()) {
                final DedupProbe member = members.next().value;
                if (!member.getId().equals(probe.getId())) {
                    latest.addLast(member);
                    if (latest.size() > maxCandidates) {
                        latest.removeFirst();
                    }
                }
            }
        }
        return new ArrayList<>(latest);
    }
}

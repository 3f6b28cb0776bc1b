package io.newswire.streams.dedup;

import java.util.Comparator;

import io.newswire.schema.DedupSketch;

/**
 * Where an item stands in the order in which items count as earlier: event time, then send time (µs, so one
 * producer's items sent within a millisecond keep their order), then id, then news.raw partition and offset (which
 * orders re-sends of one id, always on one partition, with the same event time). Every decision compares with earlier
 * items only, so this order — not the order of arrival — decides which of two copies is the original. The index
 * keeps its waiting items by it, without the rest of their sketches.
 */
record DedupOrder(long eventTime, long sentMicros, String id, int partition, long offset)
    implements Comparable<DedupOrder> {

    /** Sketches in this order. */
    static final Comparator<DedupSketch> SKETCHES = Comparator.comparing(DedupOrder::of);

    static DedupOrder of(final DedupSketch sketch) {
        return new DedupOrder(sketch.getEventTime(), sketch.getSentMicros(), sketch.getId(),
            sketch.getSourcePartition(), sketch.getSourceOffset());
    }

    @Override
    public int compareTo(final DedupOrder other) {
        int order = Long.compare(eventTime, other.eventTime);
        if (order == 0) {
            order = Long.compare(sentMicros, other.sentMicros);
        }
        if (order == 0) {
            order = id.compareTo(other.id);
        }
        if (order == 0) {
            order = Integer.compare(partition, other.partition);
        }
        return order != 0 ? order : Long.compare(offset, other.offset);
    }
}

package io.newswire.streams.dedup;

import java.util.Comparator;

import io.newswire.schema.DedupSketch;

/**
 * The order in which items count as earlier: event time, then send time (µs, so one producer's items sent within
 * a millisecond keep their order), then id, then news.raw offset (which orders re-sends of one id, always on one
 * partition, with the same event time). Every decision compares with earlier items only, so this
 * order — not the order of arrival — decides which of two copies is the original.
 */
final class DedupOrder implements Comparator<DedupSketch> {

    static final DedupOrder INSTANCE = new DedupOrder();

    private DedupOrder() {
    }

    @Override
    public int compare(final DedupSketch a, final DedupSketch b) {
        int order = Long.compare(a.getEventTime(), b.getEventTime());
        if (order == 0) {
            order = Long.compare(a.getSentMicros(), b.getSentMicros());
        }
        if (order == 0) {
            order = a.getId().compareTo(b.getId());
        }
        if (order == 0) {
            order = Integer.compare(a.getSourcePartition(), b.getSourcePartition());
        }
        return order != 0 ? order : Long.compare(a.getSourceOffset(), b.getSourceOffset());
    }
}

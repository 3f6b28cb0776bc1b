package io.newswire.streams.dedup;

import java.time.Duration;
import java.util.Objects;

/**
 * How the near-duplicate stage decides, with the defaults in one place ({@link #defaults()}); config keys
 * {@code newswire.dedup.*}.
 *
 * @param grace               how far behind its news.raw partition (its greatest timestamp, or the time it last
 *                            reported idle) an item may arrive and still count as if it had come in order: an item
 *                            is decided once every partition has passed its event time plus the grace. A quarter
 *                            of it is the span within which producers' send times order items
 *                            ({@link #sendTimeSpan()}), the rest is for lateness: the default, 500 ms, leaves 375 ms,
 *                            twice the most measured with newswire's LogAppendTime news.raw (DEDUP.md)
 * @param duplicateSimilarity estimated Jaccard similarity of the bodies' shingles from which a later item is the
 *                            same text (a duplicate, or an update when it brings new figures or says it corrects)
 * @param updateSimilarity    from this similarity a later item from the same source, or one that says it
 *                            corrects, is an update of the earlier one
 * @param translationOverlap  the least share of numbers and of named entities two items in different languages
 *                            with the same dateline date and persons must have in common to be translations
 * @param maxCandidates       the most earlier items one item is compared with: those sharing the most blocking keys
 *                            with it, then the earliest (keeps a crowded event key cheap)
 */
public record DedupSettings(Duration grace, double duplicateSimilarity, double updateSimilarity,
                            double translationOverlap, int maxCandidates) {

    public static final Duration DEFAULT_GRACE = Duration.ofMillis(500);
    public static final double DEFAULT_DUPLICATE_SIMILARITY = 0.8;
    public static final double DEFAULT_UPDATE_SIMILARITY = 0.5;
    public static final double DEFAULT_TRANSLATION_OVERLAP = 0.5;
    public static final int DEFAULT_MAX_CANDIDATES = 50;

    public DedupSettings {
        Objects.requireNonNull(grace, "grace");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("newswire.dedup.grace must not be negative, was " + grace);
        }
        for (final double share : new double[] {duplicateSimilarity, updateSimilarity, translationOverlap}) {
            if (!(share >= 0.0 && share <= 1.0)) {
                throw new IllegalArgumentException("newswire.dedup similarity thresholds must be within 0..1, were "
                    + duplicateSimilarity + ", " + updateSimilarity + ", " + translationOverlap);
            }
        }
        if (updateSimilarity > duplicateSimilarity) {
            throw new IllegalArgumentException("newswire.dedup.update.similarity (" + updateSimilarity
                + ") must not exceed newswire.dedup.duplicate.similarity (" + duplicateSimilarity + ")");
        }
        if (maxCandidates < 1) {
            throw new IllegalArgumentException("newswire.dedup.max.candidates must be at least 1, was "
                + maxCandidates);
        }
    }

    /**
     * How long before its news.raw timestamp (the broker's append time) an item's event time may be, when its
     * producer's send time says it was sent that much earlier: a quarter of the grace, so one producer's items keep
     * the order in which they were sent across partitions while three quarters of the grace stay for lateness.
     */
    public Duration sendTimeSpan() {
        return grace.dividedBy(4);
    }

    /** How far an item may come behind its partition and still be decided in order: the grace less the send span. */
    public Duration latenessAllowed() {
        return grace.minus(sendTimeSpan());
    }

    public DedupSettings withGrace(final Duration newGrace) {
        return new DedupSettings(newGrace, duplicateSimilarity, updateSimilarity, translationOverlap, maxCandidates);
    }

    public static DedupSettings defaults() {
        return new DedupSettings(DEFAULT_GRACE, DEFAULT_DUPLICATE_SIMILARITY, DEFAULT_UPDATE_SIMILARITY,
            DEFAULT_TRANSLATION_OVERLAP, DEFAULT_MAX_CANDIDATES);
    }
}

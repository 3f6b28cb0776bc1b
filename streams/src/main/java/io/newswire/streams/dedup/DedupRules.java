package io.newswire.streams.dedup;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.newswire.schema.DedupSketch;

/**
 * What an item is, given the earlier items it can be compared with: the rules of the near-duplicate stage, without
 * state or Kafka. In order of precedence:
 * <ol>
 *   <li>an earlier item under the <b>same id</b>: with the same content a <b>duplicate</b>, else an <b>update</b> (a
 *   correction re-sent by its source);</li>
 *   <li>an earlier item with the <b>same content</b> under another id: a <b>duplicate</b>;</li>
 *   <li>earlier items in the same language (or unknown) with similarity ≥ the duplicate threshold, or of which one
 *   text contains the other (≥ 90 % of the shorter, estimated): a <b>duplicate</b> of the first of them that this item
 *   adds nothing to (no new numbers; a headline that corrects only after one that did too), otherwise an
 *   <b>update</b> of the first of them;</li>
 *   <li>similarity ≥ the update threshold and the same source URL, or a headline that says it corrects: an
 *   <b>update</b>;</li>
 *   <li>an earlier item in another language sharing an event key (dateline date and a place or person) and enough
 *   numbers and named entities: a <b>translation</b>;</li>
 *   <li>otherwise <b>new</b>.</li>
 * </ol>
 * Within a rule the earliest candidate wins, so a chain of copies links to the first of them. Thread-safe.
 */
public final class DedupRules {

    public static final String NEW = "new";
    public static final String DUPLICATE = "duplicate";
    public static final String UPDATE = "update";
    public static final String TRANSLATION = "translation";
    /** The share of the shorter text found in the longer from which two same-language texts are one text. */
    static final double CONTAINED = 0.9;

    private final DedupSettings settings;
    private final FingerprintSettings fingerprints;

    public DedupRules(final DedupSettings settings, final FingerprintSettings fingerprints) {
        this.settings = settings;
        this.fingerprints = fingerprints;
    }

    /**
     * What {@code self} is.
     *
     * @param earlier the items it may be compared with, all earlier than it, earliest first
     */
    public Verdict decide(final DedupSketch self, final List<DedupSketch> earlier) {
        final Verdict sameId = sameId(self, earlier);
        if (sameId != null) {
            return sameId;
        }
        for (final DedupSketch candidate : earlier) {
            if (candidate.getContentHash() == self.getContentHash() && !DUPLICATE.equals(candidate.getDecision())) {
                return new Verdict(DUPLICATE, candidate, 1.0, "the same text as " + candidate.getId());
            }
        }
        final Fingerprint fingerprint = fingerprintOf(self);
        final Verdict near = nearIdentical(self, fingerprint, earlier);
        if (near != null) {
            return near;
        }
        for (final DedupSketch candidate : earlier) {
            if (comparable(self, candidate) && (self.getCorrected() || sameSource(self, candidate))) {
                final double similarity = fingerprint.similarity(fingerprintOf(candidate));
                if (similarity >= settings.updateSimilarity()) {
                    return new Verdict(UPDATE, candidate, similarity, "a changed re-send of " + candidate.getId()
                        + (self.getCorrected() ? " (its headline says it corrects)" : " (same source URL)"));
                }
            }
        }
        for (final DedupSketch candidate : earlier) {
            if (isTranslation(self, candidate)) {
                final double numbers = overlap(self.getNumbers(), candidate.getNumbers());
                final double names = overlap(self.getNames(), candidate.getNames());
                return new Verdict(TRANSLATION, candidate, (numbers + names) / 2.0, "the same event as "
                    + candidate.getId() + " in " + candidate.getLanguage() + " (same dateline date and place or "
                    + "person; " + round(numbers) + " of numbers and " + round(names) + " of named entities shared)");
            }
        }
        return new Verdict(NEW, null, 0.0, null);
    }

    private static Verdict sameId(final DedupSketch self, final List<DedupSketch> earlier) {
        DedupSketch latest = null;
        for (final DedupSketch candidate : earlier) {
            if (candidate.getId().equals(self.getId())) {
                if (candidate.getContentHash() == self.getContentHash()) {
                    return new Verdict(DUPLICATE, candidate, 1.0, "same id and the same content as an item seen "
                        + "before");
                }
                latest = candidate;
            }
        }
        return latest == null ? null : new Verdict(UPDATE, latest, 0.0, "same id re-sent with changed content: a "
            + "correction of the item seen before");
    }

    private Verdict nearIdentical(final DedupSketch self, final Fingerprint fingerprint,
                                  final List<DedupSketch> earlier) {
        Verdict first = null;
        for (final DedupSketch candidate : earlier) {
            if (!comparable(self, candidate)) {
                continue;
            }
            final double similarity = fingerprint.similarity(fingerprintOf(candidate));
            final double contained = containment(similarity, self.getWords(), candidate.getWords());
            if (similarity < settings.duplicateSimilarity() && contained < CONTAINED) {
                continue;
            }
            final Set<String> newNumbers = difference(self.getNumbers(), candidate.getNumbers());
            final boolean correctsIt = self.getCorrected() && !candidate.getCorrected();
            if (newNumbers.isEmpty() && !correctsIt) {
                return new Verdict(DUPLICATE, candidate, similarity, "near-duplicate of " + candidate.getId()
                    + " (estimated similarity " + round(similarity) + ", the shorter text " + round(contained)
                    + " contained in the other)");
            }
            if (first == null) {
                first = new Verdict(UPDATE, candidate, similarity, "near-identical to " + candidate.getId()
                    + (correctsIt ? ", and its headline says it corrects" : ", with new figures " + newNumbers));
            }
        }
        return first;
    }

    /** Candidates for a same-language comparison: kept sketches with a signature, in the same or an unknown language. */
    private static boolean comparable(final DedupSketch self, final DedupSketch candidate) {
        return !DUPLICATE.equals(candidate.getDecision()) && candidate.getSignature().hasRemaining()
            && (self.getLanguage() == null || candidate.getLanguage() == null
            || self.getLanguage().equals(candidate.getLanguage()));
    }

    private boolean isTranslation(final DedupSketch self, final DedupSketch candidate) {
        if (DUPLICATE.equals(candidate.getDecision()) || self.getLanguage() == null
            || candidate.getLanguage() == null || self.getLanguage().equals(candidate.getLanguage())) {
            return false;
        }
        if (Collections.disjoint(self.getEventKeys(), candidate.getEventKeys())) {
            return false;
        }
        final boolean numbersAgree = self.getNumbers().isEmpty() && candidate.getNumbers().isEmpty()
            || overlap(self.getNumbers(), candidate.getNumbers()) >= settings.translationOverlap();
        return numbersAgree && overlap(self.getNames(), candidate.getNames()) >= settings.translationOverlap();
    }

    Fingerprint fingerprintOf(final DedupSketch sketch) {
        return Fingerprint.fromBytes(sketch.getSignature(), fingerprints.bands());
    }

    /**
     * How much of the shorter text the other contains, estimated from the Jaccard similarity {@code J} of their
     * shingles and their lengths: {@code |A∩B| = J (|A| + |B|) / (1 + J)}. A copy with a paragraph dropped, or with
     * captions added, has a modest similarity but one text almost wholly inside the other.
     */
    static double containment(final double similarity, final int words, final int otherWords) {
        final int shorter = Math.min(words, otherWords);
        if (shorter <= 0) {
            return similarity;
        }
        final double shared = similarity * (words + otherWords) / (1.0 + similarity);
        return Math.min(1.0, shared / shorter);
    }

    private static boolean sameSource(final DedupSketch a, final DedupSketch b) {
        return a.getSourceUrl() != null && a.getSourceUrl().equals(b.getSourceUrl());
    }

    private static Set<String> difference(final List<String> mine, final List<String> theirs) {
        final Set<String> extra = new HashSet<>(mine);
        theirs.forEach(extra::remove);
        return extra;
    }

    /** Shared share of the smaller set: 1 when one's values are all in the other. */
    static double overlap(final List<String> a, final List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0.0;
        }
        final Set<String> setA = new HashSet<>(a);
        final Set<String> setB = new HashSet<>(b);
        final int smaller = Math.min(setA.size(), setB.size());
        setA.retainAll(setB);
        return (double) setA.size() / smaller;
    }

    static double round(final double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }

    /**
     * A decision.
     *
     * @param decision   {@link #NEW}, {@link #DUPLICATE}, {@link #UPDATE} or {@link #TRANSLATION}
     * @param original   the earlier item it repeats, updates or translates; null when new
     * @param similarity the similarity that decided it (1.0 for exact copies, 0 when new)
     * @param reason     why, in words; null when new (the caller says within which window)
     */
    public record Verdict(String decision, DedupSketch original, double similarity, String reason) {

        /** The story the item joins: its original's (which may have its own original), or null when new. */
        public String storyOf() {
            if (original == null) {
                return null;
            }
            return original.getStoryId() != null ? original.getStoryId() : original.getId();
        }

        @Override
        public String toString() {
            return decision.toUpperCase(Locale.ROOT) + (original == null ? "" : " of " + original.getId());
        }
    }
}

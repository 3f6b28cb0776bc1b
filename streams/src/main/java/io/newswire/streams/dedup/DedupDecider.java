package io.newswire.streams.dedup;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import io.newswire.schema.DedupDecision;
import io.newswire.schema.DedupMatch;
import io.newswire.schema.DedupProbe;
import io.newswire.schema.EnrichedItem;
import io.newswire.schema.serde.SchemaTrust;
import io.newswire.streams.Durations;
import io.newswire.streams.stage.DedupOutcome;
import io.newswire.streams.stage.Staged;

/**
 * Decides what an item is once every one of its bands has answered: band answers keyed by item id in, the item with
 * its {@code story_id} and {@code duplicate_of} and the decision out ({@code Staged<DedupOutcome>}).
 *
 * <p>Only candidates that came first count: earlier event time (the record timestamp), then the smaller id. So that
 * an item that happened first but arrived late is still the original, a decision waits until stream time has passed
 * the item's event time by the grace period (or, when the stream goes quiet, until it has waited that long): in that
 * time the band notices of late earlier items reach it. Decisions, in the order of {@link #decide}:
 * <ol>
 *   <li>an earlier item in the same language (or unknown) with similarity ≥ the duplicate threshold, or of which
 *   one text contains the other (≥ 90 % of the shorter, estimated): a <b>duplicate</b>, unless this item brings
 *   numbers the earlier one does not have or says it corrects, then an <b>update</b> (routed);</li>
 *   <li>similarity ≥ the update threshold and the same source URL, or a headline that says it corrects: an
 *   <b>update</b>;</li>
 *   <li>an earlier item in another language sharing an event key (dateline date and a place or person) and
 *   enough numbers and named entities: a <b>translation</b> (routed, same story);</li>
 *   <li>otherwise <b>new</b>: its story is its own id.</li>
 * </ol>
 * Among several earlier matches the earliest wins, so a chain of copies links to the first of them.
 */
public final class DedupDecider implements Processor<String, DedupMatch, String, Staged<DedupOutcome>> {

    public static final String STAGE = "dedup";
    public static final String UPDATE = "update";
    public static final String TRANSLATION = "translation";
    private static final Duration PUNCTUATE_EVERY = Duration.ofMillis(200);
    /** The share of the shorter text found in the longer from which two same-language texts are one text. */
    static final double CONTAINED = 0.9;

    private final String storeName;
    private final DedupSettings settings;
    private final Duration window;
    private final Map<String, Long> readySince = new HashMap<>();
    private ProcessorContext<String, Staged<DedupOutcome>> context;
    private KeyValueStore<String, DedupMatch> pending;

    public DedupDecider(final String storeName, final DedupSettings settings, final Duration window) {
        SchemaTrust.trustNewswireSchemas();
        this.storeName = storeName;
        this.settings = settings;
        this.window = window;
    }

    @Override
    public void init(final ProcessorContext<String, Staged<DedupOutcome>> processorContext) {
        this.context = processorContext;
        this.pending = processorContext.getStateStore(storeName);
        if (!settings.grace().isZero()) {
            processorContext.schedule(PUNCTUATE_EVERY, PunctuationType.WALL_CLOCK_TIME, this::decideWaiting);
        }
    }

    @Override
    public void process(final Record<String, DedupMatch> record) {
        final DedupMatch answer = record.value();
        final DedupMatch sofar = pending.get(answer.getForId());
        if (sofar == null && answer.getBands() == 0) {
            return; // a notice for an item already decided: its decision stands
        }
        final DedupMatch merged = withHeaders(merge(sofar, answer), answer, record.headers());
        if (isComplete(merged) && settings.grace().isZero()) {
            pending.delete(merged.getForId());
            decideAndForward(merged);
            return;
        }
        pending.put(merged.getForId(), merged);
        if (isComplete(merged)) {
            readySince.putIfAbsent(merged.getForId(), context.currentSystemTimeMs());
        }
    }

    private static DedupMatch merge(final DedupMatch sofar, final DedupMatch answer) {
        final boolean own = answer.getBands() > 0;
        if (sofar == null) {
            return DedupMatch.newBuilder(answer).setAnswers(own ? 1 : 0).build();
        }
        final Map<String, DedupProbe> candidates = new LinkedHashMap<>();
        sofar.getCandidates().forEach(c -> candidates.put(c.getId(), c));
        answer.getCandidates().forEach(c -> candidates.putIfAbsent(c.getId(), c));
        return DedupMatch.newBuilder(sofar)
            .setBands(Math.max(sofar.getBands(), answer.getBands()))
            .setAnswers(sofar.getAnswers() + (own ? 1 : 0))
            .setSelf(sofar.getSelf() != null ? sofar.getSelf() : answer.getSelf())
            .setItem(sofar.getItem() != null ? sofar.getItem() : answer.getItem())
            .setCandidates(new ArrayList<>(candidates.values()))
            .build();
    }

    /** Keeps the headers of the item's own record (from its own answers, not from notices about others). */
    private static DedupMatch withHeaders(final DedupMatch match, final DedupMatch answer, final Headers headers) {
        if (answer.getBands() == 0 || !match.getHeaders().isEmpty()) {
            return match;
        }
        final Map<String, ByteBuffer> kept = new LinkedHashMap<>();
        for (final Header header : headers) {
            kept.put(header.key(), ByteBuffer.wrap(header.value() == null ? new byte[0] : header.value()));
        }
        return DedupMatch.newBuilder(match).setHeaders(kept).build();
    }

    private static Headers headersOf(final DedupMatch match) {
        final Headers headers = new RecordHeaders();
        match.getHeaders().forEach((key, value) -> {
            final ByteBuffer copy = value.duplicate();
            final byte[] bytes = new byte[copy.remaining()];
            copy.get(bytes);
            headers.add(key, bytes);
        });
        return headers;
    }

    private static boolean isComplete(final DedupMatch match) {
        return match.getItem() != null && match.getSelf() != null && match.getBands() > 0
            && match.getAnswers() >= match.getBands();
    }

    /** Decides, in event-time order, the complete items whose grace has passed in stream or wall-clock time. */
    private void decideWaiting(final long wallClock) {
        final long streamTime = context.currentStreamTimeMs();
        final List<DedupMatch> due = new ArrayList<>();
        try (KeyValueIterator<String, DedupMatch> all = pending.all()) {
            while (all.hasNext()) {
                final KeyValue<String, DedupMatch> entry = all.next();
                final DedupMatch match = entry.value;
                if (!isComplete(match)) {
                    continue;
                }
                final long since = readySince.computeIfAbsent(entry.key, id -> wallClock);
                if (streamTime >= eventTime(match) + settings.grace().toMillis()
                    || wallClock - since >= settings.grace().toMillis()) {
                    due.add(match);
                }
            }
        }
        due.sort(Comparator.comparingLong(DedupDecider::eventTime).thenComparing(DedupMatch::getForId));
        for (final DedupMatch match : due) {
            pending.delete(match.getForId());
            readySince.remove(match.getForId());
            decideAndForward(match);
        }
    }

    private static long eventTime(final DedupMatch match) {
        return match.getSelf().getEventTime();
    }

    private void decideAndForward(final DedupMatch match) {
        final EnrichedItem item = match.getItem();
        Staged<DedupOutcome> outcome;
        try {
            outcome = Staged.ok(decide(match), null);
        } catch (final RuntimeException e) {
            outcome = Staged.<EnrichedItem>ok(item, null).fail(STAGE, e);
        }
        context.forward(new Record<>(item.getId(), outcome, eventTime(match), headersOf(match)));
    }

    /** The decision on a complete item (all bands answered). */
    DedupOutcome decide(final DedupMatch match) {
        final DedupProbe self = match.getSelf();
        final EnrichedItem item = match.getItem();
        final Fingerprint fingerprint = Probes.fingerprintOf(self);
        final List<DedupProbe> earlier = match.getCandidates().stream()
            .filter(candidate -> isEarlier(candidate, self))
            .sorted(Comparator.comparingLong(DedupProbe::getEventTime).thenComparing(DedupProbe::getId))
            .toList();
        for (final DedupProbe candidate : earlier) {
            if (!sameLanguage(self, candidate)) {
                continue;
            }
            final double similarity = fingerprint.similarity(Probes.fingerprintOf(candidate));
            final double contained = containment(similarity, self.getWords(), candidate.getWords());
            if (similarity >= settings.duplicateSimilarity() || contained >= CONTAINED) {
                final Set<String> newNumbers = difference(self.getNumbers(), candidate.getNumbers());
                if (self.getCorrected() || !newNumbers.isEmpty()) {
                    return outcome(item, self, UPDATE, candidate, similarity, "near-identical to " + candidate.getId()
                        + (self.getCorrected() ? ", and its headline says it corrects" : ", with new figures "
                        + newNumbers));
                }
                return outcome(item, self, DedupOutcome.DUPLICATE, candidate, similarity, "near-duplicate of "
                    + candidate.getId() + " (estimated similarity " + round(similarity) + ", the shorter text "
                    + round(contained) + " contained in the other)");
            }
            if (similarity >= settings.updateSimilarity() && (self.getCorrected() || sameSource(self, candidate))) {
                return outcome(item, self, UPDATE, candidate, similarity, "a changed re-send of " + candidate.getId()
                    + (self.getCorrected() ? " (its headline says it corrects)" : " (same source URL)"));
            }
        }
        for (final DedupProbe candidate : earlier) {
            if (isTranslation(self, candidate)) {
                final double numbers = overlap(self.getNumbers(), candidate.getNumbers());
                final double names = overlap(self.getNames(), candidate.getNames());
                return outcome(item, self, TRANSLATION, candidate, (numbers + names) / 2.0, "the same event as "
                    + candidate.getId() + " in " + candidate.getLanguage() + " (same dateline date and place or person; "
                    + round(numbers) + " of numbers and " + round(names) + " of named entities shared)");
            }
        }
        final EnrichedItem fresh = EnrichedItem.newBuilder(item).setDuplicateOf(null).setStoryId(item.getId()).build();
        return new DedupOutcome(fresh, decision(item, self, DedupOutcome.NEW, null, item.getId(),
            "no earlier item like it within the last " + Durations.human(window), 0.0));
    }

    private boolean isTranslation(final DedupProbe self, final DedupProbe candidate) {
        if (self.getLanguage() == null || candidate.getLanguage() == null
            || self.getLanguage().equals(candidate.getLanguage())) {
            return false;
        }
        if (java.util.Collections.disjoint(self.getEventKeys(), candidate.getEventKeys())) {
            return false;
        }
        final boolean numbersAgree = self.getNumbers().isEmpty() && candidate.getNumbers().isEmpty()
            || overlap(self.getNumbers(), candidate.getNumbers()) >= settings.translationOverlap();
        return numbersAgree && overlap(self.getNames(), candidate.getNames()) >= settings.translationOverlap();
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

    private static boolean isEarlier(final DedupProbe candidate, final DedupProbe self) {
        return candidate.getEventTime() < self.getEventTime()
            || candidate.getEventTime() == self.getEventTime() && candidate.getId().compareTo(self.getId()) < 0;
    }

    private static boolean sameLanguage(final DedupProbe a, final DedupProbe b) {
        return a.getLanguage() == null || b.getLanguage() == null || a.getLanguage().equals(b.getLanguage());
    }

    private static boolean sameSource(final DedupProbe a, final DedupProbe b) {
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
        final Set<String> shared = new HashSet<>(a);
        shared.retainAll(new HashSet<>(b));
        return (double) shared.size() / Math.min(new HashSet<>(a).size(), new HashSet<>(b).size());
    }

    private DedupOutcome outcome(final EnrichedItem item, final DedupProbe self, final String decision,
                                 final DedupProbe original, final double similarity, final String reason) {
        final String story = original.getStoryId() != null ? original.getStoryId() : original.getId();
        final EnrichedItem linked = EnrichedItem.newBuilder(item).setDuplicateOf(original.getId()).setStoryId(story)
            .build();
        return new DedupOutcome(linked, decision(item, self, decision, original.getId(), story, reason, similarity));
    }

    private static DedupDecision decision(final EnrichedItem item, final DedupProbe self, final String decision,
                                          final String duplicateOf, final String storyId, final String reason,
                                          final double similarity) {
        return DedupDecision.newBuilder()
            .setId(item.getId())
            .setSource(item.getSource())
            .setTitle(item.getTitle())
            .setDecision(decision)
            .setDuplicateOf(duplicateOf)
            .setStoryId(storyId)
            .setReason(reason)
            .setSimilarity(round(similarity))
            .setDecidedAt(Instant.ofEpochMilli(self.getEventTime()))
            .build();
    }

    private static double round(final double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }
}

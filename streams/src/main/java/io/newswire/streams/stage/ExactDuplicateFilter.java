package io.newswire.streams.stage;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

import io.newswire.schema.DedupDecision;
import io.newswire.schema.EnrichedItem;
import io.newswire.schema.serde.SchemaTrust;
import io.newswire.streams.Durations;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Exact-duplicate detection over a window store: an item whose dedup key (its id, or its content hash) was seen
 * within the window is a duplicate of the first item seen with that key; otherwise it is new and remembered.
 * Input: key as partitioned, value {@code Staged<EnrichedItem>}; output: {@code Staged<DedupOutcome>}.
 * Failures pass through untouched; a failure here becomes a failure of stage {@value #STAGE}.
 * The store must be co-partitioned with the dedup key: callers key the stream by it first.
 */
public final class ExactDuplicateFilter
    implements FixedKeyProcessor<String, Staged<EnrichedItem>, Staged<DedupOutcome>> {

    public static final String STAGE = "dedup";

    private final String storeName;
    private final Duration window;
    private final Function<EnrichedItem, String> dedupKey;
    private final String sameWhat;
    private FixedKeyProcessorContext<String, Staged<DedupOutcome>> context;
    private WindowStore<String, String> seen;

    /**
     * @param storeName the window store (value: the id of the first item seen with a key)
     * @param window    how long a key is remembered, in event time
     * @param dedupKey  what makes two items the same here (id or content hash)
     * @param sameWhat  the key's name in decisions' reasons, e.g. "id" or "normalized content"
     */
    public ExactDuplicateFilter(final String storeName, final Duration window,
                                final Function<EnrichedItem, String> dedupKey, final String sameWhat) {
        SchemaTrust.trustNewswireSchemas();
        this.storeName = storeName;
        this.window = window;
        this.dedupKey = dedupKey;
        this.sameWhat = sameWhat;
    }

    @Override
    public void init(final FixedKeyProcessorContext<String, Staged<DedupOutcome>> processorContext) {
        this.context = processorContext;
        this.seen = processorContext.getStateStore(storeName);
    }

    @Override
    public void process(final FixedKeyRecord<String, Staged<EnrichedItem>> record) {
        final Staged<EnrichedItem> staged = record.value();
        context.forward(record.withValue(staged.then(STAGE, item -> decide(item, record.timestamp()))));
    }

    private DedupOutcome decide(final EnrichedItem item, final long eventTime) {
        final String key = dedupKey.apply(item);
        final String firstId = firstSeen(key, eventTime);
        if (firstId != null) {
            return duplicateOf(item, firstId, eventTime);
        }
        rememberNewItem(key, item.getId(), eventTime);
        final EnrichedItem fresh = EnrichedItem.newBuilder(item).setDuplicateOf(null).setStoryId(item.getId()).build();
        return new DedupOutcome(fresh, decision(item, DedupOutcome.NEW, null, item.getId(),
            "no item with the same " + sameWhat + " within the last " + Durations.human(window), 0.0, eventTime));
    }

    private String firstSeen(final String key, final long eventTime) {
        try (WindowStoreIterator<String> earlier =
                 seen.fetch(key, Instant.ofEpochMilli(eventTime).minus(window),
                     Instant.ofEpochMilli(eventTime).plus(window))) {
            return earlier.hasNext() ? earlier.next().value : null;
        }
    }

    private void rememberNewItem(final String key, final String id, final long eventTime) {
        seen.put(key, id, eventTime);
    }

    private DedupOutcome duplicateOf(final EnrichedItem item, final String firstId, final long eventTime) {
        final EnrichedItem duplicate = EnrichedItem.newBuilder(item).setDuplicateOf(firstId).setStoryId(firstId)
            .build();
        final String reason = "same " + sameWhat + " as " + firstId + ", seen within the last " + Durations.human(window);
        return new DedupOutcome(duplicate,
            decision(item, DedupOutcome.DUPLICATE, firstId, firstId, reason, 1.0, eventTime));
    }

    private static DedupDecision decision(final EnrichedItem item, final String decision, final String duplicateOf,
                                          final String storyId, final String reason, final double similarity,
                                          final long eventTime) {
        return DedupDecision.newBuilder()
            .setId(item.getId())
            .setSource(item.getSource())
            .setTitle(item.getTitle())
            .setDecision(decision)
            .setDuplicateOf(duplicateOf)
            .setStoryId(storyId)
            .setReason(reason)
            .setSimilarity(similarity)
            .setDecidedAt(Instant.ofEpochMilli(eventTime))
            .build();
    }
}

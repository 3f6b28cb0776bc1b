package io.newswire.streams.dedup;

import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

import io.newswire.schema.DedupDecision;
import io.newswire.schema.EnrichedItem;
import io.newswire.schema.serde.SchemaTrust;
import io.newswire.streams.Durations;
import io.newswire.streams.stage.DedupOutcome;
import io.newswire.streams.stage.Staged;

/**
 * The first dedup step, keyed by item id over a window store of the content hashes seen under each id: the same id
 * with the same content is a <b>duplicate</b>; the same id with changed content is an <b>update</b> of it (a
 * correction re-sent by its source: routed again, its story the id's); an id not seen within the window passes on
 * with no decision ({@code DedupOutcome.decision() == null}) to the near-duplicate stage.
 */
public final class SameIdFilter implements FixedKeyProcessor<String, Staged<EnrichedItem>, Staged<DedupOutcome>> {

    private final String storeName;
    private final Duration window;
    private FixedKeyProcessorContext<String, Staged<DedupOutcome>> context;
    private WindowStore<String, String> seen;

    public SameIdFilter(final String storeName, final Duration window) {
        SchemaTrust.trustNewswireSchemas();
        this.storeName = storeName;
        this.window = window;
    }

    @Override
    public void init(final FixedKeyProcessorContext<String, Staged<DedupOutcome>> processorContext) {
        this.context = processorContext;
        this.seen = processorContext.getStateStore(storeName);
    }

    @Override
    public void process(final FixedKeyRecord<String, Staged<EnrichedItem>> record) {
        context.forward(record.withValue(record.value().then(DedupDecider.STAGE,
            item -> decide(item, record.timestamp()))));
    }

    private DedupOutcome decide(final EnrichedItem item, final long eventTime) {
        boolean seenBefore = false;
        try (WindowStoreIterator<String> hashes = seen.fetch(item.getId(), eventTime - window.toMillis(),
            eventTime + window.toMillis())) {
            while (hashes.hasNext()) {
                seenBefore = true;
                if (hashes.next().value.equals(item.getContentHash())) {
                    return outcome(item, DedupOutcome.DUPLICATE, "same id and the same content as an item seen within "
                        + "the last " + Durations.human(window), 1.0, eventTime);
                }
            }
        }
        seen.put(item.getId(), item.getContentHash(), eventTime);
        if (seenBefore) {
            return outcome(item, DedupDecider.UPDATE, "same id re-sent with changed content: a correction of the item "
                + "seen within the last " + Durations.human(window), 0.0, eventTime);
        }
        return new DedupOutcome(item, null);
    }

    private static DedupOutcome outcome(final EnrichedItem item, final String decision, final String reason,
                                        final double similarity, final long eventTime) {
        final EnrichedItem linked = EnrichedItem.newBuilder(item).setDuplicateOf(item.getId()).setStoryId(item.getId())
            .build();
        return new DedupOutcome(linked, DedupDecision.newBuilder()
            .setId(item.getId())
            .setSource(item.getSource())
            .setTitle(item.getTitle())
            .setDecision(decision)
            .setDuplicateOf(item.getId())
            .setStoryId(item.getId())
            .setReason(reason)
            .setSimilarity(similarity)
            .setDecidedAt(Instant.ofEpochMilli(eventTime))
            .build());
    }
}

package io.newswire.schema.serde;

import io.newswire.schema.DeadLetter;
import io.newswire.schema.DedupDecision;
import io.newswire.schema.DedupRequest;
import io.newswire.schema.DedupSketch;
import io.newswire.schema.EnrichedItem;
import io.newswire.schema.WireItem;

/**
 * The serdes of newswire's topic values, one per record type, each knowing every released version of its schema.
 * Build one instance and pass it where serdes are needed; it holds no global state.
 */
public final class NewswireSerdes {

    private final AvroSerde<WireItem> wireItem =
        new AvroSerde<>(WireItem.class, WireItem.getClassSchema(), ReleasedSchemas.of("WireItem"));
    private final AvroSerde<EnrichedItem> enrichedItem =
        new AvroSerde<>(EnrichedItem.class, EnrichedItem.getClassSchema(), ReleasedSchemas.of("EnrichedItem"));
    private final AvroSerde<DedupDecision> dedupDecision =
        new AvroSerde<>(DedupDecision.class, DedupDecision.getClassSchema(), ReleasedSchemas.of("DedupDecision"));
    private final AvroSerde<DeadLetter> deadLetter =
        new AvroSerde<>(DeadLetter.class, DeadLetter.getClassSchema(), ReleasedSchemas.of("DeadLetter"));

    private final AvroSerde<DedupRequest> dedupRequest =
        new AvroSerde<>(DedupRequest.class, DedupRequest.getClassSchema(), ReleasedSchemas.of("DedupRequest"));
    private final AvroSerde<DedupSketch> dedupSketch =
        new AvroSerde<>(DedupSketch.class, DedupSketch.getClassSchema(), ReleasedSchemas.of("DedupSketch"));

    /** Internal: an item's sketch and the item, or a heartbeat, on their way to the dedup index (dedup-requests). */
    public AvroSerde<DedupRequest> dedupRequest() {
        return dedupRequest;
    }

    /** Internal: the sketches the dedup index keeps (store dedup-sketches). */
    public AvroSerde<DedupSketch> dedupSketch() {
        return dedupSketch;
    }

    public AvroSerde<WireItem> wireItem() {
        return wireItem;
    }

    public AvroSerde<EnrichedItem> enrichedItem() {
        return enrichedItem;
    }

    public AvroSerde<DedupDecision> dedupDecision() {
        return dedupDecision;
    }

    public AvroSerde<DeadLetter> deadLetter() {
        return deadLetter;
    }
}

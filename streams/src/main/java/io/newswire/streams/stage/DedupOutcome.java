package io.newswire.streams.stage;

import io.newswire.schema.DedupDecision;
import io.newswire.schema.EnrichedItem;

/**
 * An item with the dedup decision taken on it.
 *
 * @param item     the item, with {@code story_id} and {@code duplicate_of} set
 * @param decision the decision, as published on news.duplicates
 */
public record DedupOutcome(EnrichedItem item, DedupDecision decision) {

    public static final String NEW = "new";
    public static final String DUPLICATE = "duplicate";

    public boolean isDuplicate() {
        return DUPLICATE.equals(decision.getDecision());
    }
}

package io.newswire.schema.serde;

import io.newswire.schema.DeadLetter;
import io.newswire.schema.DedupDecision;
import io.newswire.schema.DedupMatch;
import io.newswire.schema.DedupProbe;
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

    private final AvroSerde<DedupProbe> dedupProbe =
        new AvroSerde<>(DedupProbe.class, DedupProbe.getClassSchema(), ReleasedSchemas.of("DedupProbe"));
    private final AvroSerde<DedupMatch> dedupMatch =
        new AvroSerde<>(DedupMatch.class, DedupMatch.getClassSchema(), ReleasedSchemas.of("DedupMatch"));

    /** Internal: the near-duplicate stage's probes (topic dedup-by-band and the band stores). */
    public AvroSerde<DedupProbe> dedupProbe() {
        return dedupProbe;
    }

    /** Internal: the bands' answers to the decider (topic dedup-matches). */
    public AvroSerde<DedupMatch> dedupMatch() {
        return dedupMatch;
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

package io.newswire.schema.serde;

import java.util.List;

import io.newswire.schema.DeadLetter;
import io.newswire.schema.DedupDecision;
import io.newswire.schema.DedupRequest;
import io.newswire.schema.DedupSketch;
import io.newswire.schema.EnrichedItem;
import io.newswire.schema.WireItem;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * The serdes of newswire's topic values, one per record type, each knowing every released version of its schema.
 * Build one instance and pass it where serdes are needed; it holds no global state.
 *
 * <p>With a schema registry ({@link SchemaRegistrySettings#enabled()}) the serdes of the values others read — WireItem
 * (news.raw), EnrichedItem (news.&lt;route&gt;, news.general), DedupDecision (news.duplicates), DeadLetter (news.dlq)
 * — write the Confluent wire format. The internal ones (DedupRequest on the application's repartition topic,
 * DedupSketch in a store and its changelog) stay single-object: only this application reads them, registering them
 * would add a subject per application id to the registry, and restoring state would then wait on the registry.
 */
public final class NewswireSerdes {

    private final SchemaRegistrySettings registry;
    private final AvroSerde<WireItem> wireItem;
    private final AvroSerde<EnrichedItem> enrichedItem;
    private final AvroSerde<DedupDecision> dedupDecision;
    private final AvroSerde<DeadLetter> deadLetter;

    private final AvroSerde<DedupRequest> dedupRequest =
        new AvroSerde<>(DedupRequest.class, DedupRequest.getClassSchema(), ReleasedSchemas.of("DedupRequest"));
    private final AvroSerde<DedupSketch> dedupSketch =
        new AvroSerde<>(DedupSketch.class, DedupSketch.getClassSchema(), ReleasedSchemas.of("DedupSketch"));

    /** Single-object encoding everywhere: the registry-less default. */
    public NewswireSerdes() {
        this(SchemaRegistrySettings.NONE);
    }

    /** Serdes in schema registry mode when {@code registry} names one, single-object encoding otherwise. */
    public NewswireSerdes(final SchemaRegistrySettings registry) {
        this.registry = registry;
        final SubjectCompatibility compatibility = registry.enabled() ? new SubjectCompatibility(registry) : null;
        this.wireItem = published(WireItem.class, WireItem.getClassSchema(), "WireItem", compatibility);
        this.enrichedItem = published(EnrichedItem.class, EnrichedItem.getClassSchema(), "EnrichedItem",
            compatibility);
        this.dedupDecision = published(DedupDecision.class, DedupDecision.getClassSchema(), "DedupDecision",
            compatibility);
        this.deadLetter = published(DeadLetter.class, DeadLetter.getClassSchema(), "DeadLetter", compatibility);
    }

    private <T extends SpecificRecord> AvroSerde<T> published(final Class<T> type, final Schema current,
                                                              final String name,
                                                              final SubjectCompatibility compatibility) {
        final List<Schema> released = ReleasedSchemas.of(name);
        return new AvroSerde<>(type, current, released,
            compatibility == null ? null : new ConfluentFormat<>(type, current, registry, compatibility));
    }

    /** Where schemas are registered; {@link SchemaRegistrySettings#NONE} in single-object mode. */
    public SchemaRegistrySettings registry() {
        return registry;
    }

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

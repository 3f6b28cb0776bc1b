package io.newswire.streams.stage;

import java.time.Instant;

import io.newswire.schema.EnrichedItem;
import io.newswire.schema.WireItem;
import io.newswire.schema.serde.SchemaTrust;
import io.newswire.streams.enrich.Enricher;

/**
 * The stateless stages in order — normalize, enrich, route decision — on one item, without Kafka. The topology runs
 * these same steps as separate nodes; {@code newswire enrich} and tests call this class. Thread-safe.
 */
public final class StatelessPipeline {

    private final Normalizer normalizer;
    private final Enricher enricher;
    private final RouteDecider routes;

    public StatelessPipeline(final Normalizer normalizer, final Enricher enricher, final RouteDecider routes) {
        SchemaTrust.trustNewswireSchemas();
        this.normalizer = normalizer;
        this.enricher = enricher;
        this.routes = routes;
    }

    public WireItem normalize(final WireItem item) {
        return normalizer.normalize(item);
    }

    /** Enrichment of a normalized item; routes and story not yet decided. */
    public EnrichedItem enrich(final WireItem normalized, final Instant at) {
        return EnrichedItems.of(normalized, enricher.enrich(normalized), at);
    }

    /** The item with its routes set from its topics. */
    public EnrichedItem route(final EnrichedItem item) {
        return EnrichedItem.newBuilder(item).setRoutes(routes.routesFor(item.getTopics())).build();
    }

    /**
     * All stateless stages on a raw item, as a new item (first sight) leaves them in the topology: normalized,
     * enriched, routed, its own story.
     */
    public EnrichedItem process(final WireItem raw, final Instant at) {
        final EnrichedItem routed = route(enrich(normalize(raw), at));
        return EnrichedItem.newBuilder(routed).setStoryId(routed.getId()).setDuplicateOf(null).build();
    }
}

package io.newswire.streams.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.newswire.schema.Entities;
import io.newswire.schema.EnrichedItem;
import io.newswire.schema.TopicScore;
import io.newswire.schema.WireItem;
import io.newswire.streams.enrich.Enrichment;
import io.newswire.streams.stage.EnrichedItems;

/**
 * Builds EnrichedItems for tests of the stages after enrichment (dedup, route):
 * {@code anEnrichedItem().withId("a").aboutTopics("security").build()}.
 *
 * <p>The item underneath is an undated {@link WireItems} item, enriched by {@link EnrichedItems#of} as the enrich
 * stage does, so two items built with the same text have the same content hash.
 */
public final class EnrichedItemBuilder {

    private static final Instant ENRICHED_AT = Instant.parse("2021-08-21T10:00:00Z");

    private String id = "item-1";
    private String title = "Trade talks";
    private List<String> body = WireItems.TRADE;
    private final List<TopicScore> topics = new ArrayList<>();
    private final List<String> routes = new ArrayList<>();

    private EnrichedItemBuilder() {
    }

    public static EnrichedItemBuilder anEnrichedItem() {
        return new EnrichedItemBuilder();
    }

    public EnrichedItemBuilder withId(final String itemId) {
        this.id = itemId;
        return this;
    }

    public EnrichedItemBuilder titled(final String itemTitle) {
        this.title = itemTitle;
        return this;
    }

    /** The body paragraphs (default: {@link WireItems#TRADE}). */
    public EnrichedItemBuilder withBody(final List<String> paragraphs) {
        this.body = List.copyOf(paragraphs);
        return this;
    }

    /** Taxonomy topics the enrich stage found, each with a score of 0.5. */
    public EnrichedItemBuilder aboutTopics(final String... topicNames) {
        for (final String name : topicNames) {
            topics.add(TopicScore.newBuilder().setName(name).setScore(0.5).build());
        }
        return this;
    }

    /** The routes the route stage decided. */
    public EnrichedItemBuilder routedTo(final String... routeNames) {
        routes.addAll(List.of(routeNames));
        return this;
    }

    /** The item the normalize stage would pass on, enriched as English with these topics, as the enrich stage does. */
    public EnrichedItem build() {
        final WireItem item = WireItems.aWireItem().withId(id).titled(title).about(body).undated().build();
        final EnrichedItem enriched = EnrichedItems.of(item,
            new Enrichment("en", 0.99, List.of(), Entities.newBuilder().build(), topics), ENRICHED_AT);
        // Set on the fresh record rather than copied through newBuilder(record), which needs Avro's class trust.
        enriched.setRoutes(List.copyOf(routes));
        return enriched;
    }
}

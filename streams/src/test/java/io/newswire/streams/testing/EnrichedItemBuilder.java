package io.newswire.streams.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.newswire.schema.Entities;
import io.newswire.schema.EnrichedItem;
import io.newswire.schema.Source;
import io.newswire.schema.TopicScore;
import io.newswire.schema.text.ContentHash;

/**
 * Builds EnrichedItems for tests of the stages after enrichment (dedup, route):
 * {@code anEnrichedItem().withId("a").aboutTopics("security").build()}. The content hash is that of the title and
 * body, as the normalize stage leaves it, so two items built with the same text are the same content.
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

    public EnrichedItem build() {
        return EnrichedItem.newBuilder()
            .setId(id)
            .setSource(Source.newBuilder().setName("kremlin.ru").setUrl(null).build())
            .setTitle(title)
            .setLanguage("en")
            .setLanguageConfidence(0.99)
            .setPublished("2021-08-21")
            .setDateline(null)
            .setSpeakers(List.of())
            .setTurns(List.of())
            .setCaptions(List.of())
            .setLead(null)
            .setBody(body)
            .setEntities(Entities.newBuilder().build())
            .setTopics(List.copyOf(topics))
            .setRoutes(List.copyOf(routes))
            .setDuplicateOf(null)
            .setStoryId(null)
            .setRepairs(List.of())
            .setContentHash(ContentHash.of(title, body))
            .setEnrichedAt(ENRICHED_AT)
            .build();
    }
}

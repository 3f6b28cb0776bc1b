package io.newswire.streams.stage;

import java.time.Instant;

import io.newswire.schema.EnrichedItem;
import io.newswire.schema.WireItem;
import io.newswire.streams.enrich.Enrichment;

/** Builds the EnrichedItem of a normalized WireItem and its enrichment; routes and story are decided later. */
public final class EnrichedItems {

    private EnrichedItems() {
    }

    public static EnrichedItem of(final WireItem item, final Enrichment enrichment, final Instant enrichedAt) {
        return EnrichedItem.newBuilder()
            .setId(item.getId())
            .setSource(item.getSource())
            .setTitle(item.getTitle())
            .setLanguage(enrichment.language())
            .setLanguageConfidence(enrichment.languageConfidence())
            .setPublished(item.getPublished())
            .setDateline(item.getDateline())
            .setSpeakers(enrichment.speakers())
            .setTurns(item.getTurns())
            .setCaptions(item.getCaptions())
            .setLead(item.getLead())
            .setBody(item.getBody())
            .setEntities(enrichment.entities())
            .setTopics(enrichment.topics())
            .setRoutes(java.util.List.of())
            .setDuplicateOf(null)
            .setStoryId(null)
            .setRepairs(item.getRepairs())
            .setContentHash(item.getContentHash())
            .setEnrichedAt(enrichedAt)
            .build();
    }
}

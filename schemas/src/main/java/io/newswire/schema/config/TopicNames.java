package io.newswire.schema.config;

import java.util.Objects;

/**
 * The names of newswire's topics. Defaults live here, in one place; every component receives an instance
 * (built from config) instead of naming topics itself.
 *
 * @param raw        parsed wire items (WireItem), the pipeline's input
 * @param routePrefix prefix of the route topics: route "security" is topic {@code routePrefix + "security"}
 * @param general    items that matched no route (EnrichedItem)
 * @param duplicates dedup decisions (DedupDecision)
 * @param dlq        records that failed a stage (DeadLetter)
 */
public record TopicNames(String raw, String routePrefix, String general, String duplicates, String dlq) {

    public static final TopicNames DEFAULTS =
        new TopicNames("news.raw", "news.", "news.general", "news.duplicates", "news.dlq");

    public TopicNames {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(routePrefix, "routePrefix");
        Objects.requireNonNull(general, "general");
        Objects.requireNonNull(duplicates, "duplicates");
        Objects.requireNonNull(dlq, "dlq");
    }

    /** The topic of one route, e.g. {@code news.security}. */
    public String route(final String route) {
        return routePrefix + route;
    }
}

package io.newswire.streams.stage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.newswire.schema.TopicScore;

/**
 * Decides the routes of an item from its topics: every configured route whose topics the item has, in config order,
 * or {@link #GENERAL} when none matches. Stateless and thread-safe.
 */
public final class RouteDecider {

    /** The route of items that match no configured route (topic news.general by default). */
    public static final String GENERAL = "general";

    private final Map<String, Set<String>> routes;
    private final List<String> order;

    /** @param routes route name → the topics that send an item there, iterated in the order to report routes */
    public RouteDecider(final Map<String, Set<String>> routes) {
        if (routes.containsKey(GENERAL)) {
            throw new IllegalArgumentException("'" + GENERAL + "' is reserved for items that match no route; "
                + "give the route another name");
        }
        this.routes = Map.copyOf(routes);
        this.order = List.copyOf(routes.keySet());
    }

    /** The routes for an item about {@code topics}; never empty. */
    public List<String> routesFor(final List<TopicScore> topics) {
        final Set<String> names = new HashSet<>();
        topics.forEach(topic -> names.add(topic.getName()));
        final List<String> matched = new ArrayList<>();
        for (final String route : order) {
            if (routes.get(route).stream().anyMatch(names::contains)) {
                matched.add(route);
            }
        }
        return matched.isEmpty() ? List.of(GENERAL) : matched;
    }
}

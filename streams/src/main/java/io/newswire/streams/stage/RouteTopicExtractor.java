package io.newswire.streams.stage;

import java.nio.charset.StandardCharsets;

import io.newswire.schema.EnrichedItem;
import io.newswire.schema.config.TopicNames;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.processor.RecordContext;
import org.apache.kafka.streams.processor.TopicNameExtractor;

/**
 * Picks the output topic of a routed copy from its {@value #ROUTE_HEADER} header: route "security" →
 * {@code news.security}, {@link RouteDecider#GENERAL} → {@code news.general}. The route fan-out sets the header,
 * one copy per route, because one item may belong to several routes.
 */
public final class RouteTopicExtractor implements TopicNameExtractor<String, EnrichedItem> {

    /** Header naming the route of one routed copy; it stays on the output record for consumers to read. */
    public static final String ROUTE_HEADER = "newswire.route";

    private final TopicNames topics;

    public RouteTopicExtractor(final TopicNames topics) {
        this.topics = topics;
    }

    @Override
    public String extract(final String key, final EnrichedItem value, final RecordContext context) {
        final Header header = context.headers().lastHeader(ROUTE_HEADER);
        if (header == null) {
            throw new IllegalStateException("routed record " + key + " has no " + ROUTE_HEADER + " header");
        }
        return topicOf(new String(header.value(), StandardCharsets.UTF_8));
    }

    /** The topic of a route. */
    public String topicOf(final String route) {
        return RouteDecider.GENERAL.equals(route) ? topics.general() : topics.route(route);
    }
}

package io.newswire.streams.stage;

import java.nio.charset.StandardCharsets;

import io.newswire.schema.EnrichedItem;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Emits one copy of a routed item per route in its {@code routes} field, each tagged with the
 * {@link RouteTopicExtractor#ROUTE_HEADER} header so the sink writes it to that route's topic.
 * Input and output: key item id, value EnrichedItem.
 */
public final class RouteFanOut implements Processor<String, EnrichedItem, String, EnrichedItem> {

    private ProcessorContext<String, EnrichedItem> context;

    @Override
    public void init(final ProcessorContext<String, EnrichedItem> processorContext) {
        this.context = processorContext;
    }

    @Override
    public void process(final Record<String, EnrichedItem> record) {
        for (final String route : record.value().getRoutes()) {
            // Each copy needs its own headers: Kafka's Headers are mutable and shared by reference.
            final RecordHeaders headers = new RecordHeaders(record.headers().toArray());
            headers.remove(RouteTopicExtractor.ROUTE_HEADER);
            headers.add(RouteTopicExtractor.ROUTE_HEADER, route.getBytes(StandardCharsets.UTF_8));
            context.forward(record.withHeaders(headers));
        }
    }
}

package io.newswire.streams.stage;

import static io.newswire.streams.testing.EnrichedItemBuilder.anEnrichedItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import io.newswire.schema.EnrichedItem;
import io.newswire.schema.config.TopicNames;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.RecordContext;
import org.junit.jupiter.api.Test;

class RouteTopicExtractorTest {

    private final RouteTopicExtractor extractor = new RouteTopicExtractor(TopicNames.DEFAULTS);
    private final EnrichedItem item =
        anEnrichedItem().withId("sec-1").aboutTopics("security").routedTo("security").build();

    @Test
    void shouldSendACopyToTheTopicOfItsRouteHeader() {
        assertThat(extractor.extract("sec-1", item, routedTo("security"))).isEqualTo("news.security");
    }

    @Test
    void shouldSendTheGeneralRouteToTheGeneralTopic() {
        assertThat(extractor.extract("weather", item, routedTo(RouteDecider.GENERAL))).isEqualTo("news.general");
    }

    @Test
    void shouldTakeTopicNamesFromConfig() {
        final TopicNames staging = new TopicNames("staging.raw", "staging.desk.", "staging.other", "staging.dups",
            "staging.dlq");
        final RouteTopicExtractor configured = new RouteTopicExtractor(staging);

        assertThat(configured.extract("sec-1", item, routedTo("security"))).isEqualTo("staging.desk.security");
        assertThat(configured.extract("sec-1", item, routedTo("general"))).isEqualTo("staging.other");
    }

    @Test
    void shouldUseTheLastRouteHeader() {
        final Headers headers = new RecordHeaders();
        headers.add(RouteTopicExtractor.ROUTE_HEADER, utf8("trade"));
        headers.add(RouteTopicExtractor.ROUTE_HEADER, utf8("security"));

        assertThat(extractor.extract("sec-1", item, new Context(headers))).isEqualTo("news.security");
    }

    @Test
    void shouldRefuseACopyWithoutRouteHeaderNamingItsKey() {
        final Headers headers = new RecordHeaders();
        headers.add("traceparent", utf8("00-abc-def-01"));

        assertThatThrownBy(() -> extractor.extract("sec-1", item, new Context(headers)))
            .isInstanceOf(IllegalStateException.class)
            .hasMessage("routed record sec-1 has no newswire.route header");
    }

    private static RecordContext routedTo(final String route) {
        final Headers headers = new RecordHeaders();
        headers.add(RouteTopicExtractor.ROUTE_HEADER, utf8(route));
        return new Context(headers);
    }

    private static byte[] utf8(final String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** What a sink knows of the record it writes; the extractor reads only the headers. */
    private record Context(Headers headers) implements RecordContext {

        @Override
        public String topic() {
            return "newswire-route-fan-out";
        }

        @Override
        public int partition() {
            return 0;
        }

        @Override
        public long offset() {
            return 0L;
        }

        @Override
        public long timestamp() {
            return 0L;
        }

        @Override
        public byte[] sourceRawKey() {
            return null;
        }

        @Override
        public byte[] sourceRawValue() {
            return null;
        }
    }
}

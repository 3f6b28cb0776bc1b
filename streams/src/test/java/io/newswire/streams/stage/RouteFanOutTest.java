package io.newswire.streams.stage;

import static io.newswire.streams.testing.EnrichedItemBuilder.anEnrichedItem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.newswire.schema.EnrichedItem;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RouteFanOutTest {

    private static final Instant EVENT_TIME = Instant.parse("2021-08-21T10:00:00Z");

    private final MockProcessorContext<String, EnrichedItem> context = new MockProcessorContext<>();
    private final RouteFanOut fanOut = new RouteFanOut();

    @BeforeEach
    void initFanOut() {
        fanOut.init(context);
    }

    @Test
    void shouldForwardOneCopyPerRouteEachWithItsOwnRouteHeader() {
        final EnrichedItem item = anEnrichedItem().withId("both-1").aboutTopics("security", "trade")
            .routedTo("security", "trade").build();

        fanOut.process(new Record<>("both-1", item, EVENT_TIME.toEpochMilli()));

        final List<Record<? extends String, ? extends EnrichedItem>> copies = forwarded();
        assertThat(copies).hasSize(2);
        assertThat(copies).extracting(copy -> routeOf(copy.headers())).containsExactly("security", "trade");
        assertThat(copies).allSatisfy(copy -> {
            assertThat(copy.key()).isEqualTo("both-1");
            assertThat(copy.value()).isSameAs(item);
            assertThat(copy.timestamp()).isEqualTo(EVENT_TIME.toEpochMilli());
            assertThat(copy.headers().headers(RouteTopicExtractor.ROUTE_HEADER)).hasSize(1);
        });
    }

    @Test
    void shouldForwardOneCopyForTheGeneralRoute() {
        final EnrichedItem item = anEnrichedItem().withId("weather").routedTo(RouteDecider.GENERAL).build();

        fanOut.process(new Record<>("weather", item, EVENT_TIME.toEpochMilli()));

        assertThat(forwarded()).extracting(copy -> routeOf(copy.headers())).containsExactly("general");
    }

    @Test
    void shouldKeepTheInputHeadersOnEveryCopy() {
        final Headers input = new RecordHeaders();
        input.add("traceparent", utf8("00-4bf92f3577b34da6-00f067aa0ba902b7-01"));
        input.add("newswire.origin", utf8("kremlin.ru"));
        final EnrichedItem item = anEnrichedItem().withId("both-1").routedTo("security", "trade").build();

        fanOut.process(new Record<>("both-1", item, EVENT_TIME.toEpochMilli(), input));

        assertThat(forwarded()).hasSize(2).allSatisfy(copy -> {
            assertThat(copy.headers().lastHeader("traceparent").value())
                .isEqualTo(utf8("00-4bf92f3577b34da6-00f067aa0ba902b7-01"));
            assertThat(copy.headers().lastHeader("newswire.origin").value()).isEqualTo(utf8("kremlin.ru"));
        });
        assertThat(input.headers(RouteTopicExtractor.ROUTE_HEADER)).as("the input's headers are left alone").isEmpty();
    }

    @Test
    void shouldReplaceARouteHeaderTheInputAlreadyHad() {
        final Headers input = new RecordHeaders();
        input.add(RouteTopicExtractor.ROUTE_HEADER, utf8("stale"));
        final EnrichedItem item = anEnrichedItem().withId("sec-1").routedTo("security").build();

        fanOut.process(new Record<>("sec-1", item, EVENT_TIME.toEpochMilli(), input));

        final Headers copy = forwarded().get(0).headers();
        assertThat(copy.headers(RouteTopicExtractor.ROUTE_HEADER)).extracting(header -> new String(header.value(),
            StandardCharsets.UTF_8)).containsExactly("security");
    }

    @Test
    void shouldGiveEveryCopyHeadersOfItsOwn() {
        final Headers input = new RecordHeaders();
        input.add("traceparent", utf8("00-abc-def-01"));
        final EnrichedItem item = anEnrichedItem().withId("both-1").routedTo("security", "trade").build();

        fanOut.process(new Record<>("both-1", item, EVENT_TIME.toEpochMilli(), input));

        final List<Record<? extends String, ? extends EnrichedItem>> copies = forwarded();
        assertThat(copies.get(0).headers()).isNotSameAs(copies.get(1).headers()).isNotSameAs(input);
        copies.get(0).headers().add("downstream", utf8("touched the security copy"));
        assertThat(copies.get(1).headers().lastHeader("downstream")).isNull();
        assertThat(input.lastHeader("downstream")).isNull();
        assertThat(routeOf(copies.get(1).headers())).isEqualTo("trade");
    }

    @Test
    void shouldForwardNothingForAnItemWithoutRoutes() {
        final EnrichedItem unrouted = anEnrichedItem().withId("unrouted").build();

        fanOut.process(new Record<>("unrouted", unrouted, EVENT_TIME.toEpochMilli()));

        assertThat(forwarded()).isEmpty();
    }

    private List<Record<? extends String, ? extends EnrichedItem>> forwarded() {
        final List<Record<? extends String, ? extends EnrichedItem>> records = new ArrayList<>();
        context.forwarded().forEach(captured -> {
            assertThat(captured.childName()).isEmpty();
            records.add(captured.record());
        });
        return records;
    }

    private static String routeOf(final Headers headers) {
        final Header header = headers.lastHeader(RouteTopicExtractor.ROUTE_HEADER);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] utf8(final String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

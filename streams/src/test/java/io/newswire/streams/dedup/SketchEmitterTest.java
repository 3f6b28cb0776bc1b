package io.newswire.streams.dedup;

import static io.newswire.streams.testing.EnrichedItemBuilder.anEnrichedItem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.newswire.schema.DedupRequest;
import io.newswire.schema.EnrichedItem;
import io.newswire.schema.header.SentAt;
import io.newswire.schema.serde.NewswireSerdes;
import io.newswire.streams.CaughtUp;
import io.newswire.streams.stage.Staged;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The emitter alone: one request per item with where it was read, and heartbeats only from a caught-up partition. */
class SketchEmitterTest {

    private static final NewswireSerdes SERDES = new NewswireSerdes();

    /** The consumer's view: no lag on the broker. */
    private final AtomicBoolean caughtUp = new AtomicBoolean(true);
    /** The consumer's view: the last offset it handed to the task. */
    private final AtomicLong handedOut = new AtomicLong(-1L);
    private final MockProcessorContext<String, Staged<DedupRequest>> context = new MockProcessorContext<>();
    private SketchEmitter emitter;

    @BeforeEach
    void init() {
        context.setCurrentSystemTimeMs(1_000L);
        emitter = new SketchEmitter(new Sketcher(new Fingerprinter(FingerprintSettings.defaults())),
            SERDES.enrichedItem(), DedupSettings.defaults().withGrace(Duration.ofMillis(500)), "news.raw",
            (partition, processed, now) -> caughtUp.get() && processed >= handedOut.get() ? now - 30 : CaughtUp.UNKNOWN);
        emitter.init(context);
    }

    @Test
    void shouldSendAnItemAsOneRequestWithItsSketchItsHeadersAndWhereItWasRead() {
        final EnrichedItem item = anEnrichedItem().withId("a").build();
        context.setRecordMetadata("news.raw", 2, 17L);
        final RecordHeaders headers = new RecordHeaders();
        headers.add("newswire.trace", "run-1".getBytes(StandardCharsets.UTF_8));

        emitter.process(new Record<>("a", Staged.ok(item, null), 5_000L, headers));

        final List<MockProcessorContext.CapturedForward<? extends String, ? extends Staged<DedupRequest>>> out =
            context.forwarded();
        assertThat(out).hasSize(1);
        final DedupRequest request = out.get(0).record().value().value();
        assertThat(out.get(0).record().key()).isEqualTo("a");
        assertThat(out.get(0).record().headers().toArray()).as("the trace travels inside the request").isEmpty();
        assertThat(request.getSourcePartition()).isEqualTo(2);
        assertThat(request.getTime()).isEqualTo(5_000L);
        assertThat(request.getSketch().getSourceOffset()).isEqualTo(17L);
        assertThat(request.getSketch().getEventTime()).isEqualTo(5_000L);
        assertThat(SERDES.enrichedItem().decode(bytes(request.getItem().duplicate()))).isEqualTo(item);
        assertThat(new String(bytes(request.getHeaders().get("newswire.trace").duplicate()), StandardCharsets.UTF_8))
            .isEqualTo("run-1");
    }

    @Test
    void shouldTakeTheSendTimeForTheEventTimeWithinAQuarterOfTheGraceBeforeTheAppendTime() {
        final EnrichedItem item = anEnrichedItem().withId("a").build();
        context.setRecordMetadata("news.raw", 0, 3L);
        final RecordHeaders headers = new RecordHeaders();
        SentAt.write(headers, 4_900_123L);

        emitter.process(new Record<>("a", Staged.ok(item, null), 5_000L, headers));

        final DedupRequest request = context.forwarded().get(0).record().value().value();
        assertThat(request.getTime()).as("the watermark moves by the append time").isEqualTo(5_000L);
        assertThat(request.getSketch().getEventTime()).isEqualTo(4_900L);
        assertThat(request.getSketch().getSentMicros()).isEqualTo(4_900_123L);
    }

    @Test
    void shouldKeepTheEventTimeWithinTheSendSpanBeforeTheAppendTimeWhateverTheSendTime() {
        final long span = DedupSettings.defaults().withGrace(Duration.ofMillis(500)).sendTimeSpan().toMillis();
        assertThat(span).isEqualTo(125L);
        assertThat(SketchEmitter.eventTime(5_000L, SentAt.UNKNOWN, span)).as("no header").isEqualTo(5_000L);
        assertThat(SketchEmitter.eventTime(5_000L, 4_999_999L, span)).as("sent just before").isEqualTo(4_999L);
        assertThat(SketchEmitter.eventTime(5_000L, 4_875_000L, span)).as("sent the whole span before")
            .isEqualTo(4_875L);
        assertThat(SketchEmitter.eventTime(5_000L, 1_000_000L, span)).as("a producer clock behind, or a backlog")
            .isEqualTo(4_875L);
        assertThat(SketchEmitter.eventTime(5_000L, 9_000_000L, span)).as("a producer clock ahead")
            .isEqualTo(5_000L);
    }

    @Test
    void shouldPassAnEarlierFailureOnUntouched() {
        final Staged<EnrichedItem> failed = Staged.failed("enrich", new IllegalStateException("boom"), new byte[] {1});

        emitter.process(new Record<>("x", failed, 5_000L));

        final Staged<DedupRequest> out = context.forwarded().get(0).record().value();
        assertThat(out.isFailed()).isTrue();
        assertThat(out.failure().stage()).isEqualTo("enrich");
    }

    @Test
    void shouldSendAHeartbeatOnlyAtATickThatFoundThePartitionIdleAndReadToItsEnd() {
        context.setRecordMetadata("news.raw", 0, 0L);
        emitter.process(new Record<>("a", Staged.ok(anEnrichedItem().withId("a").build(), null), 900L));
        context.resetForwards();

        tick(1_100L);
        assertThat(context.forwarded()).as("a record was read since the last tick").isEmpty();

        caughtUp.set(false);
        tick(1_200L);
        assertThat(context.forwarded()).as("idle, but its consumer still has records to fetch").isEmpty();

        caughtUp.set(true);
        tick(1_300L);
        final DedupRequest heartbeat = context.forwarded().get(0).record().value().value();
        assertThat(heartbeat.getSketch()).isNull();
        assertThat(heartbeat.getItem()).isNull();
        assertThat(heartbeat.getTime()).as("the time as of which it was caught up").isEqualTo(1_270L);
        assertThat(heartbeat.getSourcePartition()).isZero();
    }

    @Test
    void shouldSendNoHeartbeatWhileRecordsTheConsumerFetchedWaitInTheTasksBuffer() {
        context.setRecordMetadata("news.raw", 0, 4L);
        emitter.process(new Record<>("a", Staged.ok(anEnrichedItem().withId("a").build(), null), 900L));
        handedOut.set(6L);
        tick(1_100L);
        context.resetForwards();

        tick(1_200L);
        assertThat(context.forwarded()).as("offsets 5 and 6 fetched, not yet processed").isEmpty();

        context.setRecordMetadata("news.raw", 0, 6L);
        emitter.process(new Record<>("b", Staged.ok(anEnrichedItem().withId("b").build(), null), 950L));
        tick(1_300L);
        context.resetForwards();
        tick(1_400L);
        assertThat(context.forwarded()).singleElement()
            .satisfies(out -> assertThat(out.record().value().value().getTime()).isEqualTo(1_370L));
    }

    private void tick(final long wallClock) {
        context.setCurrentSystemTimeMs(wallClock);
        context.scheduledPunctuators().get(0).getPunctuator().punctuate(wallClock);
    }

    private static byte[] bytes(final java.nio.ByteBuffer buffer) {
        final byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}

package io.newswire.streams.dedup;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.newswire.schema.DedupRequest;
import io.newswire.schema.EnrichedItem;
import io.newswire.schema.header.SentAt;
import io.newswire.schema.serde.AvroSerde;
import io.newswire.schema.serde.SchemaTrust;
import io.newswire.streams.CaughtUp;
import io.newswire.streams.stage.Staged;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * In the tasks that read news.raw: each enriched item out as one {@link DedupRequest} for the dedup index (its sketch,
 * the item, its headers, where it was read), and, while the partition has nothing to read (nothing processed for a
 * tick, and the consumer and the broker say it has been read to its end), heartbeats that carry the time as of which
 * that holds ({@link CaughtUp}), so the index knows the partition has no earlier item on its way. A heartbeat goes
 * out at every tick ({@value #TICK_MS} ms) that found the partition idle and caught up later than the last: an item
 * of another partition is decided soon after the grace however sparse the stream, at the cost of up to ten small
 * records a second per idle partition on dedup-requests. (Backing off while idle was measured and dropped: the items
 * after a lull then waited up to the longest interval, about a second, more.)
 */
public final class SketchEmitter implements Processor<String, Staged<EnrichedItem>, String, Staged<DedupRequest>> {

    static final long TICK_MS = 100;

    private final Sketcher sketcher;
    private final AvroSerde<EnrichedItem> items;
    private final long sendTimeSpan;
    private final long latenessAllowed;
    private final String rawTopic;
    private final CaughtUp caughtUp;
    private ProcessorContext<String, Staged<DedupRequest>> context;
    private Sensor lateness;
    private Sensor lateRecords;
    /** The greatest record timestamp or heartbeat time of this partition so far, for the lateness metrics. */
    private long watermark = Long.MIN_VALUE;
    private boolean readSinceTick;
    /** The offset of the last news.raw record this task processed, -1 before the first. */
    private long processedOffset = -1L;

    /**
     * @param items how the item travels inside its request: encoded once here, decoded once by the index
     * @param settings the dedup grace: a quarter of it is how much earlier than its append time an item's send time
     *                 may set its event time, the rest is the lateness allowed ({@link DedupSettings#sendTimeSpan()})
     * @param rawTopic the topic this task reads (news.raw)
     * @param caughtUp up to when the task has processed all of its partition: a heartbeat says so
     */
    public SketchEmitter(final Sketcher sketcher, final AvroSerde<EnrichedItem> items, final DedupSettings settings,
                         final String rawTopic, final CaughtUp caughtUp) {
        SchemaTrust.trustNewswireSchemas();
        this.sketcher = sketcher;
        this.items = items;
        this.sendTimeSpan = settings.sendTimeSpan().toMillis();
        this.latenessAllowed = settings.latenessAllowed().toMillis();
        this.rawTopic = rawTopic;
        this.caughtUp = caughtUp;
    }

    @Override
    public void init(final ProcessorContext<String, Staged<DedupRequest>> processorContext) {
        this.context = processorContext;
        final Map<String, String> tags = Map.of("partition", Integer.toString(processorContext.taskId().partition()));
        this.lateness = DedupMetrics.avgMax(processorContext.metrics(), DedupMetrics.RECORD_LATENESS,
            "ms an item of this news.raw partition came behind the greatest timestamp or heartbeat before it", tags);
        this.lateRecords = DedupMetrics.count(processorContext.metrics(), DedupMetrics.LATE_RECORDS,
            "items of this news.raw partition that came further behind it than the dedup grace allows", tags);
        processorContext.schedule(Duration.ofMillis(TICK_MS), PunctuationType.WALL_CLOCK_TIME, this::tick);
    }

    @Override
    public void close() {
        context.metrics().removeSensor(lateness);
        context.metrics().removeSensor(lateRecords);
    }

    @Override
    public void process(final Record<String, Staged<EnrichedItem>> record) {
        final int partition = context.recordMetadata().map(meta -> meta.partition())
            .orElse(context.taskId().partition());
        final long offset = context.recordMetadata().map(meta -> meta.offset()).orElse(-1L);
        final long sent = SentAt.read(record.headers());
        final long eventTime = eventTime(record.timestamp(), sent, sendTimeSpan);
        final Staged<DedupRequest> request = record.value().then(DedupIndex.STAGE, item -> DedupRequest.newBuilder()
            .setSourcePartition(partition)
            .setTime(record.timestamp())
            .setSketch(sketcher.sketch(item, eventTime, partition, offset, sent))
            .setItem(ByteBuffer.wrap(items.encode(item)))
            .setHeaders(headersOf(record))
            .build());
        context.forward(record.withValue(request).withHeaders(new RecordHeaders()));
        observe(record.timestamp());
        readSinceTick = true;
        processedOffset = Math.max(processedOffset, offset);
    }

    /**
     * An item's event time: when its producer sent it ({@link SentAt}, µs), kept within {@code span} ms before its
     * record's timestamp ({@code appended}, the broker's append time on news.raw), so that one producer's items keep
     * the order in which they were sent across partitions. Bounded on both sides: a producer clock ahead of the broker
     * does not delay the decision, and one behind (or a backlog in a producer's buffer) does not make the item late;
     * the rest of the grace stays for the time items take to reach the index.
     */
    static long eventTime(final long appended, final long sentMicros, final long span) {
        if (sentMicros == SentAt.UNKNOWN) {
            return appended;
        }
        return Math.min(appended, Math.max(Math.floorDiv(sentMicros, 1000L), appended - span));
    }

    private void tick(final long wallClock) {
        if (readSinceTick) {
            readSinceTick = false;
            return;
        }
        // Nothing processed for a tick. Whether the partition is idle, or its next records are still on the broker
        // or wait in the task's buffer while the thread was busy elsewhere, only the consumer and the broker can tell.
        final int partition = context.taskId().partition();
        final long caughtUpAt = caughtUp.caughtUpAt(new TopicPartition(rawTopic, partition), processedOffset,
            wallClock);
        if (caughtUpAt == CaughtUp.UNKNOWN || caughtUpAt <= watermark) {
            return;
        }
        context.forward(new Record<>("heartbeat-" + partition, Staged.ok(DedupRequest.newBuilder()
            .setSourcePartition(partition)
            .setTime(caughtUpAt)
            .setSketch(null)
            .setItem(null)
            .build(), null), caughtUpAt));
        watermark = caughtUpAt;
    }

    private void observe(final long timestamp) {
        final long late = watermark == Long.MIN_VALUE ? 0 : Math.max(0, watermark - timestamp);
        lateness.record(late);
        if (late > latenessAllowed) {
            lateRecords.record();
        }
        watermark = Math.max(watermark, timestamp);
    }

    private static Map<String, ByteBuffer> headersOf(final Record<String, ?> record) {
        final Map<String, ByteBuffer> headers = new LinkedHashMap<>();
        for (final Header header : record.headers()) {
            headers.put(header.key(), ByteBuffer.wrap(header.value() == null ? new byte[0] : header.value()));
        }
        return headers;
    }
}

package io.newswire.streams.dedup;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import io.newswire.schema.DedupDecision;
import io.newswire.schema.DedupRequest;
import io.newswire.schema.DedupSketch;
import io.newswire.schema.EnrichedItem;
import io.newswire.schema.serde.AvroSerde;
import io.newswire.schema.serde.SchemaTrust;
import io.newswire.streams.Durations;
import io.newswire.streams.stage.DeadLetterHandler;
import io.newswire.streams.stage.DedupOutcome;
import io.newswire.streams.stage.Staged;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dedup index: every item's request (sketch and item) and every partition's heartbeat in, from the one partition of
 * dedup-requests; each item out once, with its decision ({@code Staged<DedupOutcome>}, keyed by item id, stamped with
 * its event time and its own headers), in the order of {@link DedupOrder}.
 *
 * <p>An item waits (store {@code dedup-pending}) until every partition of news.raw has come past its event time plus
 * the grace ({@link Watermarks}): then every earlier item has arrived, whatever the partitions' relative speed. It is
 * compared only with decided items that arrived before their own partition came that far (their arrival watermark),
 * so the decision is the same whatever the arrival timing, thread count or restarts: a function of the items and of
 * the order of each partition. Only an item later than the grace (its partition had moved on, or had reported idle by
 * a heartbeat, more than the grace past its event time) is compared with what happened to have arrived.
 *
 * <p>Stores: {@code dedup-sketches} (decided items, {@link SketchIndex}), {@code dedup-postings} (their posting keys,
 * not changelogged), {@code dedup-pending} (items waiting, as read, behind their arrival watermark), and
 * {@code dedup-progress} (watermarks and counters, cached: written once per commit).
 */
public final class DedupIndex implements Processor<String, byte[], String, Staged<DedupOutcome>> {

    public static final String STAGE = "dedup";
    private static final Logger LOG = LoggerFactory.getLogger(DedupIndex.class);
    private static final String WATERMARK = "watermark/";
    private static final String INDEXED = "indexed";
    private static final String DECIDED_UNTIL = "decided-until";
    private static final String SWEPT_UNTIL = "swept-until";
    /** Postings are swept once this much event time has left the window since the last sweep. */
    private static final long SWEEP_EVERY = Duration.ofMinutes(1).toMillis();
    /** Marks, in the queue, the item being processed: it is decided from memory if it is due at once. */
    private static final Bytes ARRIVING = Bytes.wrap(new byte[0]);
    private static final long LATE_LOG_EVERY = Duration.ofMinutes(1).toMillis();

    private final Stores stores;
    private final DedupSettings settings;
    private final FingerprintSettings fingerprints;
    private final Duration window;
    private final int partitions;
    private final AvroSerde<DedupRequest> requests;
    private final AvroSerde<EnrichedItem> items;
    private final DedupRules rules;
    /**
     * The waiting items in decision order, each with its key in the pending store: only the keys are held in memory,
     * so a backlog of any size costs about 100 bytes of heap per item.
     */
    private final TreeMap<DedupOrder, Bytes> queue = new TreeMap<>();
    /** The request being processed, decoded, while it is decided from memory rather than from the store. */
    private DedupRequest arrivingRequest;
    private ProcessorContext<String, Staged<DedupOutcome>> context;
    private KeyValueStore<Bytes, byte[]> pending;
    private KeyValueStore<String, Long> progress;
    private SketchIndex index;
    private Watermarks watermarks;
    private long indexed;
    private long decidedUntil;
    private long sweptUntil;
    private Sensor skew;
    private Sensor lateItems;
    private Sensor waiting;
    private long lateSinceLog;
    private long lastLateLog = Long.MIN_VALUE / 2;

    /** The names of the four stores this processor uses. */
    public record Stores(String sketches, String postings, String pending, String progress) {
    }

    /**
     * @param partitions the partitions of news.raw, each of which must report before anything is decided
     */
    public DedupIndex(final Stores stores, final DedupSettings settings, final FingerprintSettings fingerprints,
                      final Duration window, final int partitions, final AvroSerde<DedupRequest> requests,
                      final AvroSerde<EnrichedItem> items) {
        SchemaTrust.trustNewswireSchemas();
        this.stores = stores;
        this.settings = settings;
        this.fingerprints = fingerprints;
        this.window = window;
        this.partitions = partitions;
        this.requests = requests;
        this.items = items;
        this.rules = new DedupRules(settings, fingerprints);
    }

    @Override
    public void init(final ProcessorContext<String, Staged<DedupOutcome>> processorContext) {
        this.context = processorContext;
        final WindowStore<Long, DedupSketch> sketches = processorContext.getStateStore(stores.sketches());
        final KeyValueStore<Bytes, byte[]> postings = processorContext.getStateStore(stores.postings());
        this.pending = processorContext.getStateStore(stores.pending());
        this.progress = processorContext.getStateStore(stores.progress());
        this.index = new SketchIndex(sketches, postings, fingerprints, window, settings.maxCandidates());
        this.skew = DedupMetrics.avgMax(processorContext.metrics(), DedupMetrics.PARTITION_SKEW,
            "ms between the most and the least advanced partition of news.raw, at each item", Map.of());
        this.lateItems = DedupMetrics.count(processorContext.metrics(), DedupMetrics.LATE_ITEMS,
            "items that reached the index after their partition had passed their event time plus the grace", Map.of());
        this.waiting = DedupMetrics.value(processorContext.metrics(), DedupMetrics.WAITING,
            "items waiting for every partition to pass their event time plus the grace", Map.of());
        this.watermarks = new Watermarks(partitions);
        try (KeyValueIterator<String, Long> marks = progress.prefixScan(WATERMARK,
            org.apache.kafka.common.serialization.Serdes.String().serializer())) {
            marks.forEachRemaining(mark -> watermarks.advance(
                Integer.parseInt(mark.key.substring(WATERMARK.length())), mark.value));
        }
        this.indexed = stored(INDEXED, 0L);
        this.decidedUntil = stored(DECIDED_UNTIL, 0L);
        this.sweptUntil = stored(SWEPT_UNTIL, 0L);
        final long started = System.nanoTime();
        final long reposted = index.ensurePostings(indexed, sweepCutoff());
        if (reposted > 0) {
            sweptUntil = Math.max(sweptUntil, sweepCutoff());
            LOG.info("dedup index: postings of {} items rebuilt from their sketches in {} ms", reposted,
                (System.nanoTime() - started) / 1_000_000);
        }
        queue.clear();
        try (KeyValueIterator<Bytes, byte[]> waiting = pending.all()) {
            while (waiting.hasNext()) {
                final KeyValue<Bytes, byte[]> entry = waiting.next();
                queue.put(DedupOrder.of(fromPending(entry.value).getSketch()), entry.key);
            }
        }
    }

    @Override
    public void process(final Record<String, byte[]> record) {
        final DedupRequest request;
        try {
            request = requests.decode(record.value());
        } catch (final RuntimeException e) {
            context.forward(new Record<>(record.key(), Staged.failed(STAGE, e, record.value()), record.timestamp(),
                record.headers()));
            return;
        }
        final int partition = request.getSourcePartition();
        final DedupSketch sketch = request.getSketch();
        if (sketch == null || request.getItem() == null) {
            // A heartbeat: the partition had been read to its end as of that time.
            advance(partition, request.getTime());
            decideWhatIsDue();
            return;
        }
        sketch.setArrivalWatermark(watermarks.of(partition));
        if (sketch.getArrivalWatermark() != Watermarks.UNKNOWN
            && sketch.getArrivalWatermark() - settings.grace().toMillis() >= sketch.getEventTime()) {
            late(sketch);
        }
        advance(partition, request.getTime());
        if (watermarks.low() != Watermarks.UNKNOWN) {
            skew.record(watermarks.high() - watermarks.low());
        }
        final DedupOrder position = DedupOrder.of(sketch);
        arrivingRequest = request;
        queue.put(position, ARRIVING);
        try {
            decideWhatIsDue();
        } finally {
            arrivingRequest = null;
        }
        if (queue.containsKey(position)) {
            final Bytes key = pendingKey(sketch);
            pending.put(key, toPending(sketch.getArrivalWatermark(), record.value()));
            queue.put(position, key);
        }
        waiting.record(queue.size());
    }

    @Override
    public void close() {
        context.metrics().removeSensor(skew);
        context.metrics().removeSensor(lateItems);
        context.metrics().removeSensor(waiting);
    }

    /**
     * Counts an item that came after its partition had passed its event time plus the grace, and says so now and then:
     * it was compared only with what had arrived, so a replay may decide it otherwise.
     */
    private void late(final DedupSketch sketch) {
        lateItems.record();
        lateSinceLog++;
        final long now = context.currentSystemTimeMs();
        if (now - lastLateLog >= LATE_LOG_EVERY) {
            LOG.warn("{} item(s) reached the dedup index later than the grace ({}) behind their partition, the last "
                    + "{} of news.raw partition {}, {} behind: they were compared only with what had arrived, so a "
                    + "replay may decide them otherwise; if this recurs, raise newswire.dedup.grace",
                lateSinceLog, Durations.human(settings.grace()), sketch.getId(), sketch.getSourcePartition(),
                Durations.human(Duration.ofMillis(sketch.getArrivalWatermark() - sketch.getEventTime())));
            lateSinceLog = 0;
            lastLateLog = now;
        }
    }

    private void advance(final int partition, final long time) {
        if (watermarks.advance(partition, time)) {
            progress.put(WATERMARK + partition, time);
        }
    }

    /** Decides, in order, every waiting item whose event time plus the grace every partition has passed. */
    private void decideWhatIsDue() {
        final long low = watermarks.low();
        while (!queue.isEmpty() && isDue(queue.firstKey(), low)) {
            final Map.Entry<DedupOrder, Bytes> next = queue.pollFirstEntry();
            if (next.getValue() == ARRIVING) {
                decideAndForward(arrivingRequest);
            } else {
                final byte[] stored = pending.get(next.getValue());
                pending.delete(next.getValue());
                decideAndForward(fromPending(stored));
            }
        }
        final long cutoff = sweepCutoff();
        if (cutoff - sweptUntil >= SWEEP_EVERY) {
            index.sweep(sweptUntil, cutoff);
            sweptUntil = cutoff;
            progress.put(SWEPT_UNTIL, sweptUntil);
        }
    }

    private boolean isDue(final DedupOrder position, final long low) {
        return low != Watermarks.UNKNOWN && low - settings.grace().toMillis() >= position.eventTime();
    }

    private void decideAndForward(final DedupRequest request) {
        final DedupSketch self = request.getSketch();
        final byte[] itemBytes = bytesOf(request.getItem());
        final EnrichedItem item;
        try {
            item = items.decode(itemBytes);
        } catch (final RuntimeException e) {
            context.forward(new Record<>(self.getId(), Staged.failed(STAGE, e, itemBytes), self.getEventTime(),
                headersOf(request)));
            return;
        }
        Staged<DedupOutcome> outcome;
        try {
            final long visibleBelow = self.getEventTime() + settings.grace().toMillis();
            final DedupRules.Verdict verdict = rules.decide(self, index.candidates(self, visibleBelow));
            final String story = verdict.original() == null ? self.getId() : verdict.storyOf();
            final DedupSketch decided = DedupSketch.newBuilder(self).setDecision(verdict.decision()).setStoryId(story)
                .build();
            index.add(decided);
            progress.put(INDEXED, ++indexed);
            if (self.getEventTime() > decidedUntil) {
                decidedUntil = self.getEventTime();
                progress.put(DECIDED_UNTIL, decidedUntil);
            }
            outcome = Staged.ok(outcome(item, verdict, story, self.getEventTime()), null);
        } catch (final RuntimeException e) {
            if (DeadLetterHandler.isStoreFailure(e)) {
                // The stores cannot be read or written (a full disk among other causes), which is no fault of this
                // item: a dead letter would lose it (and every item after it). Thrown on, it stops the task before
                // its transaction commits.
                throw e;
            }
            outcome = Staged.<EnrichedItem>ok(item, null).fail(STAGE, e);
        }
        context.forward(new Record<>(item.getId(), outcome, self.getEventTime(), headersOf(request)));
    }

    private DedupOutcome outcome(final EnrichedItem item, final DedupRules.Verdict verdict, final String story,
                                 final long eventTime) {
        final String duplicateOf = verdict.original() == null ? null : verdict.original().getId();
        final EnrichedItem linked = EnrichedItem.newBuilder(item).setDuplicateOf(duplicateOf).setStoryId(story)
            .build();
        final String reason = verdict.reason() != null ? verdict.reason()
            : "no earlier item like it within the last " + Durations.human(window);
        return new DedupOutcome(linked, DedupDecision.newBuilder()
            .setId(item.getId())
            .setSource(item.getSource())
            .setTitle(item.getTitle())
            .setDecision(verdict.decision())
            .setDuplicateOf(duplicateOf)
            .setStoryId(story)
            .setReason(reason)
            .setSimilarity(DedupRules.round(verdict.similarity()))
            .setDecidedAt(Instant.ofEpochMilli(eventTime))
            .build());
    }

    /** Postings of items that left the window (and the grace) behind the latest decided item can go. */
    private long sweepCutoff() {
        return Math.max(0L, decidedUntil - window.toMillis() - settings.grace().toMillis());
    }

    private long stored(final String key, final long fallback) {
        final Long value = progress.get(key);
        return value == null ? fallback : value;
    }

    private static Bytes pendingKey(final DedupSketch sketch) {
        return Bytes.wrap(ByteBuffer.allocate(2 * Long.BYTES + Integer.BYTES).putLong(sketch.getEventTime())
            .putInt(sketch.getSourcePartition()).putLong(sketch.getSourceOffset()).array());
    }

    private static byte[] toPending(final long arrivalWatermark, final byte[] request) {
        return ByteBuffer.allocate(Long.BYTES + request.length).putLong(arrivalWatermark).put(request).array();
    }

    private DedupRequest fromPending(final byte[] value) {
        final DedupRequest request = requests.decode(Arrays.copyOfRange(value, Long.BYTES, value.length));
        request.getSketch().setArrivalWatermark(ByteBuffer.wrap(value).getLong());
        return request;
    }

    private static Headers headersOf(final DedupRequest request) {
        final Headers headers = new RecordHeaders();
        for (final Map.Entry<String, ByteBuffer> header : request.getHeaders().entrySet()) {
            headers.add(header.getKey(), bytesOf(header.getValue()));
        }
        return headers;
    }

    private static byte[] bytesOf(final ByteBuffer buffer) {
        final ByteBuffer copy = buffer.duplicate();
        final byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}

package io.newswire.streams.dedup;

import static io.newswire.streams.dedup.KremlinItem.aKremlinItem;
import static io.newswire.streams.testing.EnrichedItemBuilder.anEnrichedItem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import io.newswire.schema.DedupDecision;
import io.newswire.schema.DedupRequest;
import io.newswire.schema.EnrichedItem;
import io.newswire.schema.serde.NewswireSerdes;
import io.newswire.streams.stage.DedupOutcome;
import io.newswire.streams.stage.Staged;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.Test;

/**
 * The dedup index alone ({@link MockProcessorContext}, in-memory stores): when it decides, what it compares with, and
 * that its decisions depend on the items and each partition's order only — not on how the partitions interleave, nor
 * on restarts, nor on a lost postings store.
 */
class DedupIndexTest {

    private static final NewswireSerdes SERDES = new NewswireSerdes();
    private static final Sketcher SKETCHER = new Sketcher(new Fingerprinter(SketchBuilder.SETTINGS));
    private static final long SECOND = 1_000;
    private static final Duration GRACE = Duration.ofSeconds(1);

    private final Index index = new Index(Duration.ofDays(1), 2);

    @Test
    void shouldDecideOnlyOnceEveryPartitionHasPassedTheEventTimePlusTheGrace() {
        index.send(item("a", aKremlinItem(59513).text(), 10 * SECOND, 0, 0));
        index.heartbeat(1, 10_500);
        index.send(item("b", aKremlinItem(60676).text(), 12 * SECOND, 0, 1));
        assertThat(index.decisions()).as("partition 1 is still 0.5 s short of 11 s").isEmpty();

        index.heartbeat(1, 11 * SECOND);

        final List<Record<String, Staged<DedupOutcome>>> out = index.take();
        assertThat(out).extracting(Record::key).containsExactly("a");
        assertThat(out.get(0).timestamp()).isEqualTo(10 * SECOND);
        assertThat(out.get(0).value().value().decision().getDecision()).isEqualTo("new");
        assertThat(out.get(0).value().value().item().getStoryId()).isEqualTo("a");
    }

    @Test
    void shouldMakeTheEarlierCopyTheOriginalWhenItArrivesLaterWithinTheGrace() {
        final String text = aKremlinItem(59513).text();
        index.send(item("copy", text, 5 * SECOND, 0, 0));
        index.send(item("original", text, 4_500, 1, 0));
        index.heartbeat(0, 7 * SECOND);
        index.heartbeat(1, 7 * SECOND);

        final Map<String, DedupDecision> decisions = index.decisions();
        assertThat(decisions.keySet()).containsExactly("original", "copy");
        assertThat(decisions.get("original").getDecision()).isEqualTo("new");
        assertThat(decisions.get("copy").getDecision()).isEqualTo("duplicate");
        assertThat(decisions.get("copy").getDuplicateOf()).isEqualTo("original");
    }

    @Test
    void shouldNotCompareWithAnItemThatArrivedAfterItsPartitionHadPassedTheGrace() {
        final String text = aKremlinItem(59513).text();
        index.heartbeat(0, 6 * SECOND);
        index.heartbeat(1, 20 * SECOND);
        // Event time 5 s, but partition 1 had reported 20 s: a late item, compared only with what has arrived.
        index.send(item("late", text, 5 * SECOND, 1, 0));
        index.send(item("copy", text, 8 * SECOND, 0, 0));
        index.heartbeat(0, 10 * SECOND);

        final Map<String, DedupDecision> decisions = index.decisions();
        assertThat(decisions.get("late").getDecision()).isEqualTo("new");
        assertThat(decisions.get("copy").getDecision())
            .as("the late item is not compared, whether or not it happened to arrive first").isEqualTo("new");
        assertThat(index.metric(DedupMetrics.LATE_ITEMS)).isEqualTo(1.0);
    }

    @Test
    void shouldGiveTheSameDecisionsWhateverTheInterleavingOfPartitionsAndRestarts() {
        final List<List<DedupRequest>> partitions = aDayOfCopies();
        final Map<String, String> expected = runInterleaved(partitions, new Random(0), false);
        assertThat(expected).hasSize(13);
        assertThat(expected.values()).anyMatch(d -> d.startsWith("duplicate"))
            .anyMatch(d -> d.startsWith("update")).anyMatch(d -> d.startsWith("new"));

        for (int seed = 1; seed <= 60; seed++) {
            assertThat(runInterleaved(partitions, new Random(seed), seed % 2 == 0)).as("interleaving %d", seed)
                .isEqualTo(expected);
        }
    }

    @Test
    void shouldRebuildItsPostingsWhenTheirStoreWasLost() {
        final String text = aKremlinItem(59513).text();
        index.send(item("original", text, SECOND, 0, 0));
        index.heartbeat(0, 5 * SECOND);
        index.heartbeat(1, 5 * SECOND);
        assertThat(index.decisions().get("original").getDecision()).isEqualTo("new");

        final Index restarted = index.restartedWithoutPostings();
        restarted.send(item("copy", text, 6 * SECOND, 1, 0));
        restarted.heartbeat(0, 9 * SECOND);
        restarted.heartbeat(1, 9 * SECOND);

        assertThat(restarted.decisions().get("copy").getDuplicateOf()).isEqualTo("original");
    }

    @Test
    void shouldKeepAWaitingItemAcrossARestart() {
        index.send(item("waiting", aKremlinItem(59513).text(), SECOND, 0, 0));
        assertThat(index.pendingCount()).isEqualTo(1);

        final Index restarted = index.restarted();
        restarted.heartbeat(0, 5 * SECOND);
        restarted.heartbeat(1, 5 * SECOND);

        assertThat(restarted.decisions()).containsOnlyKeys("waiting");
        assertThat(restarted.pendingCount()).isZero();
    }

    @Test
    void shouldDeadLetterARequestItCannotRead() {
        final byte[] garbage = "not a request".getBytes(StandardCharsets.UTF_8);
        index.processor.process(new Record<>("x", garbage, 0L));

        final Staged<DedupOutcome> failed = index.take().get(0).value();
        assertThat(failed.isFailed()).isTrue();
        assertThat(failed.failure().stage()).isEqualTo("dedup");
        assertThat(failed.original()).isEqualTo(garbage);
    }

    @Test
    void shouldForgetThePostingsOfItemsThatLeftTheWindow() {
        final Index hourly = new Index(Duration.ofHours(1), 1);
        hourly.send(item("old", aKremlinItem(59513).text(), SECOND, 0, 0));
        hourly.heartbeat(0, 5 * SECOND);
        final long postingsOfOne = hourly.postingsCount();
        assertThat(postingsOfOne).isGreaterThan(30);

        hourly.send(item("later", aKremlinItem(60676).text(), Duration.ofHours(3).toMillis(), 0, 1));
        hourly.heartbeat(0, Duration.ofHours(4).toMillis());

        assertThat(hourly.decisions()).containsOnlyKeys("old", "later");
        assertThat(hourly.postingsCount()).as("only the later item's postings and the marker")
            .isLessThan(postingsOfOne + 2).isGreaterThan(30);
        hourly.send(item("copy-of-old", aKremlinItem(59513).text(), Duration.ofHours(4).toMillis(), 0, 2));
        hourly.heartbeat(0, Duration.ofHours(5).toMillis());
        assertThat(hourly.decisions().get("copy-of-old").getDecision()).isEqualTo("new");
    }

    /**
     * Runs the partitions' requests through a fresh index, interleaved at random (each partition in its order), with
     * heartbeats at the end; optionally restarts the index half-way (a new processor over the same stores, postings
     * lost). Returns each item's decision, original and story.
     */
    private static Map<String, String> runInterleaved(final List<List<DedupRequest>> partitions, final Random random,
                                                      final boolean restart) {
        Index run = new Index(Duration.ofDays(1), partitions.size());
        final int[] next = new int[partitions.size()];
        final int total = partitions.stream().mapToInt(List::size).sum();
        final Map<String, String> decided = new TreeMap<>();
        for (int sent = 0; sent < total; sent++) {
            int partition;
            do {
                partition = random.nextInt(partitions.size());
            } while (next[partition] == partitions.get(partition).size());
            run.send(partitions.get(partition).get(next[partition]++));
            if (random.nextInt(4) == 0) {
                final int idle = random.nextInt(partitions.size());
                run.heartbeat(idle, heartbeatTime(partitions, next, idle));
            }
            if (restart && sent == total / 2) {
                collect(run, decided);
                run = random.nextBoolean() ? run.restarted() : run.restartedWithoutPostings();
            }
        }
        for (int partition = 0; partition < partitions.size(); partition++) {
            run.heartbeat(partition, Long.MAX_VALUE / 2);
        }
        collect(run, decided);
        return decided;
    }

    /**
     * A time a heartbeat of {@code partition} could carry now: a while behind the latest item sent anywhere (a wall
     * clock runs with the items' timestamps) and no later than its own next item — a heartbeat says the partition had
     * nothing left to read, so its next item cannot be older than the heartbeat by more than the grace.
     */
    private static long heartbeatTime(final List<List<DedupRequest>> partitions, final int[] next,
                                      final int partition) {
        long latest = 0;
        for (int p = 0; p < partitions.size(); p++) {
            if (next[p] > 0) {
                latest = Math.max(latest, partitions.get(p).get(next[p] - 1).getTime());
            }
        }
        long time = latest - 3 * SECOND;
        if (next[partition] < partitions.get(partition).size()) {
            time = Math.min(time, partitions.get(partition).get(next[partition]).getTime());
        }
        return Math.max(0, time);
    }

    private static void collect(final Index run, final Map<String, String> decided) {
        run.take().forEach(record -> {
            final DedupDecision d = record.value().value().decision();
            decided.put(d.getId() + "@" + record.timestamp(), d.getDecision() + " of " + d.getDuplicateOf()
                + " story " + d.getStoryId());
        });
    }

    /**
     * Thirteen items on three partitions, each partition in event-time order but for one item that arrives 800 ms
     * out of order (within the grace): originals, copies under other ids on other partitions, a re-send under the same
     * id, a correction with new figures, a copy of the correction and unrelated items.
     */
    private static List<List<DedupRequest>> aDayOfCopies() {
        final String a = aKremlinItem(59513).text();
        final String b = aKremlinItem(59514).text();
        final String c = aKremlinItem(60676).text();
        final String d = aKremlinItem(60677).text();
        final String corrected = a + "\nThe trade turnover between the two countries reached 42.5 billion roubles "
            + "in the first nine months of the year.";
        return List.of(
            List.of(item("a", a, 1 * SECOND, 0, 0), item("c", c, 3 * SECOND, 0, 1), item("a-copy", a, 4 * SECOND, 0, 2),
                item("b-copy-early", b, 2_500, 0, 3), item("corr", corrected, 9 * SECOND, 0, 4)),
            List.of(item("b", b, 2 * SECOND, 1, 0), item("a", a, 5 * SECOND, 1, 1), item("d", d, 6 * SECOND, 1, 2),
                item("corr-copy", corrected, 11 * SECOND, 1, 3)),
            List.of(item("c-copy", c, 3 * SECOND, 2, 0), item("d-copy", d, 6 * SECOND, 2, 1),
                item("a", a + "\nChanged.", 7 * SECOND, 2, 2), item("b-late", b, 12 * SECOND, 2, 3)));
    }

    private static DedupRequest item(final String id, final String text, final long eventTime, final int partition,
                                     final long offset) {
        final EnrichedItem item = anEnrichedItem().withId(id).withBody(List.of(text.split("\n"))).build();
        return DedupRequest.newBuilder()
            .setSourcePartition(partition)
            .setTime(eventTime)
            .setSketch(SKETCHER.sketch(item, eventTime, partition, offset))
            .setItem(java.nio.ByteBuffer.wrap(SERDES.enrichedItem().encode(item)))
            .setHeaders(Map.of())
            .build();
    }

    /** A dedup index over in-memory stores, which outlive the processor so that a restart can be played. */
    private static final class Index {

        private final Duration window;
        private final int partitions;
        private final WindowStore<Long, io.newswire.schema.DedupSketch> sketches;
        private final KeyValueStore<Bytes, byte[]> pending;
        private final KeyValueStore<String, Long> progress;
        private KeyValueStore<Bytes, byte[]> postings;
        private MockProcessorContext<String, Staged<DedupOutcome>> context;
        private DedupIndex processor;
        private final List<Record<String, Staged<DedupOutcome>>> forwarded = new ArrayList<>();
        private int taken;

        Index(final Duration window, final int partitions) {
            this.window = window;
            this.partitions = partitions;
            this.context = new MockProcessorContext<>();
            this.sketches = Stores.windowStoreBuilder(Stores.inMemoryWindowStore("dedup-sketches",
                window.plusHours(2), Duration.ofMillis(1), false), Serdes.Long(), SERDES.dedupSketch())
                .withLoggingDisabled().build();
            this.pending = kv("dedup-pending", Serdes.ByteArray());
            this.progress = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("dedup-progress"),
                Serdes.String(), Serdes.Long()).withLoggingDisabled().build();
            this.postings = kv("dedup-postings", Serdes.ByteArray());
            sketches.init(context.getStateStoreContext(), sketches);
            pending.init(context.getStateStoreContext(), pending);
            progress.init(context.getStateStoreContext(), progress);
            postings.init(context.getStateStoreContext(), postings);
            start();
        }

        private static KeyValueStore<Bytes, byte[]> kv(final String name,
                                                       final org.apache.kafka.common.serialization.Serde<byte[]> serde) {
            return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.Bytes(), serde)
                .withLoggingDisabled().build();
        }

        private void start() {
            context = new MockProcessorContext<>();
            context.setCurrentSystemTimeMs(0L);
            context.addStateStore(sketches);
            context.addStateStore(pending);
            context.addStateStore(progress);
            context.addStateStore(postings);
            processor = new DedupIndex(new DedupIndex.Stores("dedup-sketches", "dedup-postings", "dedup-pending",
                "dedup-progress"), DedupSettings.defaults().withGrace(GRACE), SketchBuilder.SETTINGS, window,
                partitions, SERDES.dedupRequest(), SERDES.enrichedItem());
            processor.init(context);
        }

        Index restarted() {
            drain();
            start();
            return this;
        }

        Index restartedWithoutPostings() {
            postings = kv("dedup-postings", Serdes.ByteArray());
            postings.init(context.getStateStoreContext(), postings);
            return restarted();
        }

        void send(final DedupRequest request) {
            processor.process(new Record<>(request.getSketch().getId(), SERDES.dedupRequest().encode(request),
                request.getTime()));
        }

        void heartbeat(final int partition, final long wallClock) {
            send(DedupRequest.newBuilder().setSourcePartition(partition).setTime(wallClock).setSketch(null)
                .setItem(null).build(), wallClock);
        }

        private void send(final DedupRequest heartbeat, final long time) {
            processor.process(new Record<>("heartbeat", SERDES.dedupRequest().encode(heartbeat), time));
        }

        /** What was forwarded since the last call. */
        List<Record<String, Staged<DedupOutcome>>> take() {
            drain();
            final List<Record<String, Staged<DedupOutcome>>> out = new ArrayList<>(forwarded.subList(taken,
                forwarded.size()));
            taken = forwarded.size();
            return out;
        }

        /** Every decision forwarded, across restarts, in order, by item id (the last one of an id). */
        Map<String, DedupDecision> decisions() {
            drain();
            final Map<String, DedupDecision> decisions = new LinkedHashMap<>();
            forwarded.forEach(record -> {
                final DedupOutcome outcome = record.value().value();
                decisions.put(outcome.item().getId(), outcome.decision());
            });
            return decisions;
        }

        private void drain() {
            context.forwarded().forEach(captured -> forwarded.add(new Record<>(captured.record().key(),
                captured.record().value(), captured.record().timestamp())));
            context.resetForwards();
        }

        double metric(final String name) {
            return context.metrics().metrics().entrySet().stream()
                .filter(metric -> metric.getKey().name().equals(name)
                    && metric.getKey().group().equals(DedupMetrics.GROUP))
                .mapToDouble(metric -> ((Number) metric.getValue().metricValue()).doubleValue()).sum();
        }

        long pendingCount() {
            return count(pending);
        }

        long postingsCount() {
            return count(postings);
        }

        private static long count(final KeyValueStore<Bytes, byte[]> store) {
            long count = 0;
            try (KeyValueIterator<Bytes, byte[]> all = store.all()) {
                while (all.hasNext()) {
                    all.next();
                    count++;
                }
            }
            return count;
        }
    }
}

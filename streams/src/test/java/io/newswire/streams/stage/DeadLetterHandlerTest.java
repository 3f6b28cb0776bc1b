package io.newswire.streams.stage;

import static io.newswire.streams.testing.WireItems.aWireItem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import io.newswire.schema.DeadLetter;
import io.newswire.schema.EnrichedItem;
import io.newswire.schema.WireItem;
import io.newswire.schema.serde.NewswireSerdes;
import io.newswire.streams.CaughtUp;
import io.newswire.streams.PipelineConfig;
import io.newswire.streams.PipelineMeters;
import io.newswire.streams.StreamsRunner;
import io.newswire.streams.dedup.DedupSettings;
import io.newswire.streams.enrich.Enricher;
import io.newswire.streams.topology.NewswireTopology;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProcessorStateException;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rocksdb.RocksDBException;
import org.rocksdb.Status;

class DeadLetterHandlerTest {

    private static final Instant START = Instant.parse("2021-08-21T10:00:00Z");
    private static Enricher enricher;

    private final NewswireSerdes serdes = new NewswireSerdes();
    private final PipelineConfig config = PipelineConfig.defaults().withDedupWindow(Duration.ofDays(1))
        .withDedup(DedupSettings.defaults().withGrace(Duration.ZERO)).withPartitions(1);
    @TempDir
    Path stateDir;

    @BeforeAll
    static void loadModels() {
        enricher = Enricher.create(PipelineConfig.defaults().enrichment());
    }

    /**
     * The meters are called from inside the topology's nodes ({@code decode}, the {@code decision-meter} right after
     * the dedup index, the {@code route-meter} before the fan-out), so a meter that throws is an exception escaping
     * that node, as a bug there would be.
     */
    @ParameterizedTest
    @ValueSource(strings = {"decode", "decision-meter", "route-meter"})
    void shouldDeadLetterTheRecordAnEscapedExceptionCameFromAndGoOn(final String node) {
        final ThrowOnce meters = new ThrowOnce(node, 1);
        try (TopologyTestDriver driver = driver(meters)) {
            final TestInputTopic<String, byte[]> raw = driver.createInputTopic(config.topics().raw(),
                Serdes.String().serializer(), Serdes.ByteArray().serializer(), START, Duration.ofSeconds(1));
            final TestOutputTopic<String, EnrichedItem> security = driver.createOutputTopic(
                config.topics().route("security"), Serdes.String().deserializer(),
                serdes.enrichedItem().deserializer());
            final TestOutputTopic<String, DeadLetter> dlq = driver.createOutputTopic(config.topics().dlq(),
                Serdes.String().deserializer(), serdes.deadLetter().deserializer());

            // Three security items far enough apart not to be near-duplicates of each other; the first is poisoned.
            final List<String> ids = List.of("poisoned", "second", "third");
            final List<List<String>> bodies = List.of(
                List.of("The Defence Minister reported on the combat readiness of the Armed Forces and the military "
                    + "exercises held near the border with the neighbouring republic last week."),
                List.of("The Security Council discussed measures against terrorism and the threat posed by militants "
                    + "crossing from the south, and the deployment of air defence systems."),
                List.of("Border guards detained a group of armed smugglers carrying weapons and explosives; the "
                    + "counter-terrorism committee opened a criminal case against the militants."));
            for (int i = 0; i < ids.size(); i++) {
                final WireItem item = aWireItem().withId(ids.get(i)).titled("Security report " + i)
                    .about(bodies.get(i)).build();
                raw.pipeInput(item.getId(), serdes.wireItem().encode(item));
            }

            assertThat(meters.thrown.get()).as("the meter threw once").isEqualTo(1);
            final List<DeadLetter> letters = dlq.readValuesToList();
            assertThat(letters).hasSize(1);
            final DeadLetter letter = letters.get(0);
            assertThat(letter.getStage()).isEqualTo(node);
            assertThat(letter.getError()).isEqualTo("injected at " + node);
            assertThat(letter.getErrorClass()).isEqualTo(IllegalStateException.class.getName());
            assertThat(letter.getOriginal().remaining()).as("the bytes the sub-topology read").isPositive();
            if ("decode".equals(node)) {
                assertThat(letter.getTopic()).isEqualTo(config.topics().raw());
                assertThat(serdes.wireItem().decode(bytes(letter)).getId()).isEqualTo("poisoned");
            }
            assertThat(security.readKeyValuesToList()).extracting(kv -> kv.key).as("the others went on").containsExactly("second", "third");
            assertThat(meters.deadLettered).containsExactly(node);
        }
    }

    @Test
    void shouldDeadLetterARecordTheBrokerRefusesButRetryARetriableError() {
        final DeadLetterHandler handler = new DeadLetterHandler();
        handler.configure(java.util.Map.of(DeadLetterHandler.TOPIC_CONFIG, "news.dlq"));
        final ProducerRecord<byte[], byte[]> tooLarge = new ProducerRecord<>("news.security", new byte[1]);

        final ProductionExceptionHandler.Response refused = handler.handleError(context(), tooLarge,
            new RecordTooLargeException("too large"));
        final ProductionExceptionHandler.Response timedOut = handler.handleError(context(), tooLarge,
            new TimeoutException("slow"));
        final ProductionExceptionHandler.Response dlqRefused = handler.handleError(context(),
            new ProducerRecord<>("news.dlq", new byte[1]), new RecordTooLargeException("too large"));

        assertThat(refused.result()).isEqualTo(ProductionExceptionHandler.Result.RESUME);
        assertThat(refused.deadLetterQueueRecords()).singleElement().satisfies(record -> {
            assertThat(record.topic()).isEqualTo("news.dlq");
            assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("item-7");
            assertThat(record.headers().lastHeader("newswire.trace").value()).isEqualTo(bytesOf("run-1/7"));
            final DeadLetter letter = serdes.deadLetter().decode(record.value());
            assertThat(letter.getStage()).isEqualTo("write news.security");
            assertThat(bytes(letter)).isEqualTo(bytesOf("raw value"));
            assertThat(letter.getOffset()).isEqualTo(42L);
        });
        assertThat(timedOut.result()).isEqualTo(ProductionExceptionHandler.Result.RETRY);
        assertThat(dlqRefused.result()).as("nowhere left to keep it").isEqualTo(ProductionExceptionHandler.Result.FAIL);
    }

    @Test
    void shouldFailInsteadOfDeadLetteringWhenTheStateDiskIsFull() {
        final DeadLetterHandler handler = new DeadLetterHandler();
        handler.configure(java.util.Map.of(DeadLetterHandler.TOPIC_CONFIG, "news.dlq"));
        // What a store throws when RocksDB cannot write its next SST file (seen in StateDiskFullIT).
        final ProcessorStateException full = new ProcessorStateException("Error while removing key from store "
            + "dedup-pending", new RocksDBException("While appending to file: 001893.sst: No space left on device",
            new Status(Status.Code.IOError, Status.SubCode.NoSpace, "No space left on device")));

        final ProcessingExceptionHandler.Response response = handler.handleError(context(),
            new Record<>("item-7", "raw value", 0L), full);

        assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.FAIL);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
    }

    @Test
    void shouldFailInsteadOfDeadLetteringWhenAStoreCannotBeUsedButDeadLetterAnyOtherError() {
        final DeadLetterHandler handler = new DeadLetterHandler();
        handler.configure(java.util.Map.of(DeadLetterHandler.TOPIC_CONFIG, "news.dlq"));
        final RuntimeException storeClosed = new IllegalStateException("while deciding",
            new ProcessorStateException("Store dedup-postings is currently closed"));

        final ProcessingExceptionHandler.Response stop = handler.handleError(context(),
            new Record<>("item-7", "raw value", 0L), storeClosed);
        final ProcessingExceptionHandler.Response resume = handler.handleError(context(),
            new Record<>("item-7", "raw value", 0L), new IllegalArgumentException("a bug on this record"));

        assertThat(stop.result()).isEqualTo(ProcessingExceptionHandler.Result.FAIL);
        assertThat(resume.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
        assertThat(resume.deadLetterQueueRecords()).hasSize(1);
    }

    private TopologyTestDriver driver(final PipelineMeters meters) {
        final Properties props = StreamsRunner.streamsProperties(config, new Properties());
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        props.put(DeadLetterHandler.METERS_CONFIG, meters);
        return new TopologyTestDriver(NewswireTopology.build(config, serdes, enricher, CaughtUp.ALWAYS, meters),
            props, START);
    }

    private static byte[] bytes(final DeadLetter letter) {
        final byte[] bytes = new byte[letter.getOriginal().remaining()];
        letter.getOriginal().duplicate().get(bytes);
        return bytes;
    }

    private static byte[] bytesOf(final String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static ErrorHandlerContext context() {
        final RecordHeaders headers = new RecordHeaders();
        headers.add("newswire.trace", bytesOf("run-1/7"));
        return new ErrorHandlerContext() {
            @Override
            public String topic() {
                return "news.raw";
            }

            @Override
            public int partition() {
                return 3;
            }

            @Override
            public long offset() {
                return 42;
            }

            @Override
            public org.apache.kafka.common.header.Headers headers() {
                return headers;
            }

            @Override
            public String processorNodeId() {
                return "route-sink";
            }

            @Override
            public TaskId taskId() {
                return new TaskId(0, 3);
            }

            @Override
            public long timestamp() {
                return 0;
            }

            @Override
            public byte[] sourceRawKey() {
                return bytesOf("item-7");
            }

            @Override
            public byte[] sourceRawValue() {
                return bytesOf("raw value");
            }
        };
    }

    /** Meters that throw at the {@code nth} call made from {@code node}, once; and remember the dead letters. */
    private static final class ThrowOnce implements PipelineMeters {

        private final String node;
        private final int nth;
        private final AtomicInteger calls = new AtomicInteger();
        private final AtomicInteger thrown = new AtomicInteger();
        private final List<String> deadLettered = new java.util.concurrent.CopyOnWriteArrayList<>();

        ThrowOnce(final String node, final int nth) {
            this.node = node;
            this.nth = nth;
        }

        private void at(final String here) {
            if (node.equals(here) && calls.incrementAndGet() == nth) {
                thrown.incrementAndGet();
                throw new IllegalStateException("injected at " + node);
            }
        }

        @Override
        public void itemIn() {
            at("decode");
        }

        @Override
        public void decided(final String decision) {
            at("decision-meter");
        }

        @Override
        public void routed(final String route) {
            at("route-meter");
        }

        @Override
        public void deadLettered(final String stage) {
            deadLettered.add(stage);
        }
    }
}

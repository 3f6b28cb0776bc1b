package io.newswire.producer.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.newswire.producer.Fixtures;
import io.newswire.producer.parse.JsonItemBuilder;
import io.newswire.producer.parse.JsonlParser;
import io.newswire.producer.parse.ParseException;
import io.newswire.producer.parse.TranscriptParser;
import io.newswire.producer.source.RejectReason;
import io.newswire.producer.source.Rejection;
import io.newswire.schema.DeadLetter;
import io.newswire.schema.WireItem;
import io.newswire.schema.config.TopicNames;
import io.newswire.schema.serde.NewswireSerdes;

class WirePublisherTest {

    private static final TopicNames TOPICS = new TopicNames("test.raw", "test.", "test.general", "test.dups",
        "test.dlq");
    private static final NewswireSerdes SERDES = new NewswireSerdes();

    private final MockProducer<String, WireItem> items = itemProducer(true);
    private final MockProducer<String, DeadLetter> deadLetters =
        new MockProducer<>(true, null, new StringSerializer(), SERDES.deadLetter().serializer());
    private final WirePublisher publisher = new WirePublisher(items, deadLetters, TOPICS, Fixtures.CLOCK, 16);

    private static MockProducer<String, WireItem> itemProducer(final boolean autoComplete) {
        return new MockProducer<>(autoComplete, null, new StringSerializer(), SERDES.wireItem().serializer());
    }

    private static WireItem seed() throws ParseException {
        return new TranscriptParser(Fixtures.CLOCK).parse(Fixtures.SEED_NAME, Fixtures.seedText());
    }

    private static WireItem jsonlItem(final long id) throws ParseException {
        return new JsonlParser(Fixtures.CLOCK).parseLine("items.jsonl", 1, JsonItemBuilder.anItem().id(id).toLine());
    }

    @Test
    void shouldPublishItemsToTheRawTopicKeyedByTheirIds() throws ParseException {
        final WireItem seed = seed();

        publisher.publish(seed);
        publisher.publish(jsonlItem(6152));
        final PublishSummary summary = publisher.flush();

        assertThat(items.history()).extracting(ProducerRecord::topic).containsOnly("test.raw");
        assertThat(items.history()).extracting(ProducerRecord::key).containsExactly(seed.getId(), "6152");
        assertThat(items.history().get(0).value()).isEqualTo(seed);
        assertThat(deadLetters.history()).isEmpty();
        assertThat(summary.itemsPublished()).isEqualTo(2);
        assertThat(summary.allPublished()).isTrue();
    }

    @Test
    void shouldTagRecordsWithATraceOnceARunIsSet() throws ParseException {
        publisher.publish(seed());
        publisher.traceAs("run-7");
        publisher.publish(jsonlItem(6152));
        publisher.reject(Rejection.ofLine("items.jsonl", Path.of("in/items.jsonl"), 3, RejectReason.INVALID_JSON,
            "not valid JSON at column 2", "{x".getBytes(StandardCharsets.UTF_8)));
        publisher.flush();

        assertThat(Trace.read(items.history().get(0).headers())).isNull();
        assertThat(Trace.read(items.history().get(1).headers())).isEqualTo("run-7/1");
        assertThat(Trace.read(deadLetters.history().get(0).headers())).isEqualTo("run-7/2");
        assertThat(Trace.ofRun("run-7/2", "run-7")).isTrue();
        assertThat(Trace.ofRun("run-70/2", "run-7")).isFalse();
    }

    @Test
    void shouldSendRejectionsToTheDeadLetterTopicWithOriginalBytesAndReason() {
        final byte[] latin1 = "caff\u00E8".getBytes(StandardCharsets.ISO_8859_1);
        publisher.reject(Rejection.ofFile(Path.of("in/caffe.txt"), RejectReason.NOT_UTF8, "not UTF-8: byte 0xE8", latin1));
        publisher.reject(Rejection.ofLine("items.jsonl", Path.of("in/items.jsonl"), 3, RejectReason.INVALID_JSON,
            "not valid JSON at column 2", "{x".getBytes(StandardCharsets.UTF_8)));

        final PublishSummary summary = publisher.flush();

        assertThat(deadLetters.history()).extracting(ProducerRecord::topic).containsOnly("test.dlq");
        assertThat(deadLetters.history()).extracting(ProducerRecord::key).containsExactly("caffe.txt", "items.jsonl:3");
        final DeadLetter file = deadLetters.history().get(0).value();
        assertThat(file.getStage()).isEqualTo("parse");
        assertThat(file.getError()).isEqualTo("caffe.txt: not UTF-8: byte 0xE8");
        assertThat(file.getOrigin()).isEqualTo("caffe.txt");
        assertThat(bytes(file.getOriginal())).isEqualTo(latin1);
        assertThat(file.getFailedAt()).isEqualTo(Fixtures.NOW);
        assertThat(file.getTopic()).isNull();
        assertThat(deadLetters.history().get(1).value().getError()).isEqualTo("items.jsonl:3: not valid JSON at column 2");
        assertThat(items.history()).isEmpty();
        assertThat(summary.filesRejected()).isEqualTo(1);
        assertThat(summary.linesRejected()).isEqualTo(1);
        assertThat(summary.rejectsByReason()).isEqualTo(Map.of("not-utf8", 1L, "invalid-json", 1L));
    }

    @Test
    void shouldCutOriginalsOverTheLimitAndSaySo() {
        publisher.reject(Rejection.ofFile(Path.of("big.txt"), RejectReason.TOO_LARGE, "too large",
            "0123456789abcdefXYZ".getBytes(StandardCharsets.US_ASCII)));
        publisher.flush();

        final DeadLetter letter = deadLetters.history().get(0).value();
        assertThat(bytes(letter.getOriginal())).isEqualTo("0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
        assertThat(letter.getError()).endsWith("[original cut to its first 16 of 19 bytes]");
    }

    @Test
    void shouldCountSendsKafkaDidNotTake() throws ParseException {
        final MockProducer<String, WireItem> manual = itemProducer(false);
        final WirePublisher failing = new WirePublisher(manual, deadLetters, TOPICS);
        failing.publish(jsonlItem(1));
        failing.publish(jsonlItem(2));

        manual.errorNext(new TimeoutException("broker unreachable"));
        final PublishSummary summary = failing.flush();

        assertThat(summary.itemsFailed()).isEqualTo(1);
        assertThat(summary.itemsPublished()).isEqualTo(1);
        assertThat(summary.allPublished()).isFalse();
        assertThat(summary.failures()).singleElement().asString()
            .startsWith("item 1 (items.jsonl:1) not published").contains("broker unreachable");
    }

    @Test
    void shouldCountItemsThatCannotBeSerialized() throws ParseException {
        final MockProducer<String, WireItem> refusing = new MockProducer<>(true, null, new StringSerializer(),
            (topic, item) -> {
                throw new SerializationException("cannot encode WireItem");
            });
        final WirePublisher publisherOfBadItems = new WirePublisher(refusing, deadLetters, TOPICS);

        publisherOfBadItems.publish(jsonlItem(1));

        assertThat(publisherOfBadItems.flush().itemsFailed()).isEqualTo(1);
    }

    @Test
    void shouldDescribeTheSummaryForPeople() throws ParseException {
        publisher.countFileRead();
        publisher.publish(seed());
        publisher.reject(Rejection.ofFile(Path.of("empty.txt"), RejectReason.EMPTY, "empty", new byte[0]));

        assertThat(publisher.flush().describe())
            .isEqualTo("1 file read, 1 rejected; 1 item published; 0 lines rejected (empty: 1)");
    }

    private static byte[] bytes(final ByteBuffer buffer) {
        final ByteBuffer copy = buffer.duplicate();
        final byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}

package io.newswire.producer.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
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
import io.newswire.schema.config.Limits;
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
        return jsonlItem(id, 1);
    }

    /** An item read from line {@code line} of items.jsonl, titled "Meeting with the Governor". */
    private static WireItem jsonlItem(final long id, final long line) throws ParseException {
        return new JsonlParser(Fixtures.CLOCK).parseLine("items.jsonl", line,
            JsonItemBuilder.anItem().id(id).set("lead", "The Governor came.").toLine());
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
    void shouldDeadLetterItemsThatCannotBeSerialized() throws ParseException {
        final MockProducer<String, WireItem> refusing = new MockProducer<>(true, null, new StringSerializer(),
            (topic, item) -> {
                throw new SerializationException("cannot encode WireItem");
            });
        final WirePublisher publisherOfBadItems = new WirePublisher(refusing, deadLetters, TOPICS);

        publisherOfBadItems.publish(jsonlItem(1));
        final PublishSummary summary = publisherOfBadItems.flush();

        assertThat(summary.itemsFailed()).isZero();
        assertThat(summary.itemsRejected()).isEqualTo(1);
        assertThat(summary.rejectsByReason()).isEqualTo(Map.of("unserializable", 1L));
        assertThat(deadLetters.history()).singleElement().satisfies(letter -> {
            assertThat(letter.key()).isEqualTo("items.jsonl:1");
            assertThat(letter.value().getError()).startsWith("items.jsonl:1: item 1 cannot be serialized for Kafka"
                + " (cannot encode WireItem)");
            assertThat(letter.value().getErrorClass()).isEqualTo(SerializationException.class.getName());
        });
    }

    @Test
    void shouldDeadLetterAnItemKafkaRefusesAsTooLargeOnceKafkaAnsweredEverything() throws ParseException {
        final MockProducer<String, WireItem> manual = itemProducer(false);
        final WirePublisher refusing = new WirePublisher(manual, deadLetters, TOPICS, Fixtures.CLOCK, 1024);
        refusing.traceAs("run-1");
        refusing.publish(jsonlItem(1, 1));
        refusing.publish(jsonlItem(2, 2));
        refusing.publish(jsonlItem(3, 3));

        manual.completeNext();
        manual.errorNext(new RecordTooLargeException("The message is 2000000 bytes when serialized"));
        manual.errorNext(new TimeoutException("broker unreachable"));
        assertThat(deadLetters.history()).as("nothing sent from the producer's callback").isEmpty();
        final PublishSummary summary = refusing.flush();

        final ProducerRecord<String, DeadLetter> letter = deadLetters.history().get(0);
        assertThat(deadLetters.history()).hasSize(1);
        assertThat(letter.topic()).isEqualTo("test.dlq");
        assertThat(letter.key()).isEqualTo("items.jsonl:2");
        assertThat(Trace.read(letter.headers())).as("the trace of the refused item").isEqualTo("run-1/2");
        assertThat(letter.value().getOrigin()).isEqualTo("items.jsonl:2");
        assertThat(letter.value().getError()).startsWith("items.jsonl:2: Kafka refused item 2 as too large (The"
            + " message is 2000000 bytes when serialized); split the item").endsWith("(title, lead and body)");
        assertThat(letter.value().getErrorClass()).isEqualTo(RecordTooLargeException.class.getName());
        assertThat(new String(bytes(letter.value().getOriginal()), StandardCharsets.UTF_8))
            .isEqualTo("Meeting with the Governor\n\nThe Governor came.\n\nThe meeting took place.");
        assertThat(summary.itemsPublished()).isEqualTo(1);
        assertThat(summary.itemsRejected()).isEqualTo(1);
        assertThat(summary.itemsFailed()).isEqualTo(1);
        assertThat(summary.rejects()).isEqualTo(1);
        assertThat(summary.rejectsByReason()).isEqualTo(Map.of("too-large", 1L));
        assertThat(summary.failures()).singleElement().asString().startsWith("item 3 (items.jsonl:3) not published");
        assertThat(summary.itemsPublished() + summary.rejects() - summary.deadLettersFailed() + summary.itemsFailed())
            .as("every input accounted for once").isEqualTo(3);
    }

    @Test
    void shouldCutTheTextOfARefusedItemToTheLimitOfOriginals() throws ParseException {
        final MockProducer<String, WireItem> manual = itemProducer(false);
        final WirePublisher refusing = new WirePublisher(manual, deadLetters, TOPICS, Fixtures.CLOCK, 16);
        refusing.publish(jsonlItem(1));

        manual.errorNext(new RecordTooLargeException("too large"));
        refusing.flush();

        final DeadLetter letter = deadLetters.history().get(0).value();
        assertThat(bytes(letter.getOriginal())).isEqualTo("Meeting with the".getBytes(StandardCharsets.UTF_8));
        assertThat(letter.getError()).endsWith("(title, lead and body, the first 16 bytes of 70 bytes)")
            .doesNotContain("[original cut");
    }

    @Test
    void shouldTallyWhatKafkaAnsweredToAGroupOfSends() throws ParseException {
        final MockProducer<String, WireItem> manual = itemProducer(false);
        final WirePublisher tallying = new WirePublisher(manual, deadLetters, TOPICS);
        final List<Rejection> refused = new ArrayList<>();
        final SendTally tally = new SendTally(refused::add);
        tallying.publish(jsonlItem(1, 1), tally);
        tallying.publish(jsonlItem(2, 2), tally);
        tallying.publish(jsonlItem(3, 3), tally);
        tallying.publish(jsonlItem(4, 4));

        manual.completeNext();
        manual.errorNext(new RecordTooLargeException("too large"));
        manual.errorNext(new TopicAuthorizationException("not authorized to write test.raw"));
        manual.errorNext(new TimeoutException("broker unreachable"));
        tallying.flush();

        assertThat(tally.itemsPublished()).isEqualTo(1);
        assertThat(tally.itemsRefused()).isEqualTo(1);
        assertThat(tally.permanentFailures()).isEqualTo(1);
        assertThat(tally.retriableFailures()).as("item 4 was not in the group").isZero();
        assertThat(tally.refusals()).satisfiesExactlyInAnyOrder(
            first -> assertThat(first).startsWith("items.jsonl:2: Kafka refused item 2 as too large")
                .endsWith("(on the dead-letter topic instead)"),
            second -> assertThat(second).startsWith("item 3 (items.jsonl:3) not published")
                .contains("not authorized to write test.raw"));
        assertThat(refused).singleElement().satisfies(rejection -> {
            assertThat(rejection.origin()).isEqualTo("items.jsonl:2");
            assertThat(rejection.reason()).isEqualTo(RejectReason.TOO_LARGE);
            assertThat(rejection.line()).isEqualTo(2);
        });
    }

    @Test
    void shouldKeepTheLatestFailures() throws ParseException {
        final MockProducer<String, WireItem> unreachable = itemProducer(true);
        unreachable.sendException = new TimeoutException("broker unreachable");
        final WirePublisher failing = new WirePublisher(unreachable, deadLetters, TOPICS);

        for (int item = 1; item <= WirePublisher.MAX_FAILURES_KEPT + 5; item++) {
            failing.publish(jsonlItem(item, item));
        }
        final List<String> failures = failing.flush().failures();

        assertThat(failures).hasSize(WirePublisher.MAX_FAILURES_KEPT);
        assertThat(failures.get(0)).startsWith("item 6 (items.jsonl:6)");
        assertThat(failures.get(failures.size() - 1)).startsWith("item 25 (items.jsonl:25)");
    }

    @Test
    void shouldKeepAnItemsWorthOfOriginalBytesInADeadLetter() {
        final byte[] wholeItem = new byte[Math.toIntExact(Limits.MAX_ITEM_BYTES)];
        final WirePublisher withDefaults = new WirePublisher(items, deadLetters, TOPICS);

        withDefaults.reject(Rejection.ofFile(Path.of("big.txt"), RejectReason.NO_CONTENT, "no text", wholeItem));
        withDefaults.flush();

        final DeadLetter letter = deadLetters.history().get(0).value();
        assertThat(letter.getOriginal().remaining()).isEqualTo(wholeItem.length);
        assertThat(letter.getError()).isEqualTo("big.txt: no text");
    }

    @Test
    void shouldDescribeTheSummaryForPeople() throws ParseException {
        final MockProducer<String, WireItem> manual = itemProducer(false);
        final WirePublisher describing = new WirePublisher(manual, deadLetters, TOPICS);
        describing.countFileRead();
        describing.publish(seed());
        describing.publish(jsonlItem(2));
        describing.publish(jsonlItem(3));
        describing.reject(Rejection.ofFile(Path.of("empty.txt"), RejectReason.EMPTY, "empty", new byte[0]));

        manual.completeNext();
        manual.errorNext(new RecordTooLargeException("too large"));
        manual.errorNext(new TimeoutException("broker unreachable"));

        assertThat(describing.flush().describe()).isEqualTo(
            "1 file read, 1 rejected; 1 item published, 1 refused by Kafka, 1 failed; 0 lines rejected"
                + " (empty: 1, too-large: 1)");
    }

    private static byte[] bytes(final ByteBuffer buffer) {
        final ByteBuffer copy = buffer.duplicate();
        final byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}

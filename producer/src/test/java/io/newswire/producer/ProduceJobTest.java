package io.newswire.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.newswire.producer.parse.JsonItemBuilder;
import io.newswire.producer.publish.PublishSummary;
import io.newswire.producer.publish.WirePublisher;
import io.newswire.producer.source.DirectoryWatcher;
import io.newswire.producer.source.FileOutcome;
import io.newswire.producer.source.InputFormat;
import io.newswire.producer.source.ProgressListener;
import io.newswire.producer.source.RejectFolder;
import io.newswire.producer.source.RejectReason;
import io.newswire.producer.source.Rejection;
import io.newswire.schema.DeadLetter;
import io.newswire.schema.WireItem;
import io.newswire.schema.config.TopicNames;
import io.newswire.schema.serde.NewswireSerdes;

class ProduceJobTest {

    private static final NewswireSerdes SERDES = new NewswireSerdes();

    @TempDir
    Path work;

    private final MockProducer<String, WireItem> items =
        new MockProducer<>(true, null, new StringSerializer(), SERDES.wireItem().serializer());
    private final MockProducer<String, DeadLetter> deadLetters =
        new MockProducer<>(true, null, new StringSerializer(), SERDES.deadLetter().serializer());
    private final WirePublisher publisher = new WirePublisher(items, deadLetters, TopicNames.DEFAULTS);
    private final List<ProgressListener.Progress> progress = new ArrayList<>();
    private final List<Rejection> reported = new ArrayList<>();

    private Path inputs() throws IOException {
        final Path in = Files.createDirectories(work.resolve("in"));
        Files.write(in.resolve(Fixtures.SEED_NAME), Fixtures.seedBytes());
        final List<String> lines = new ArrayList<>(Fixtures.sampleLines());
        lines.add(1, "{not json");
        Files.write(in.resolve("sample.jsonl"), lines, StandardCharsets.UTF_8);
        Files.write(in.resolve("empty.txt"), new byte[0]);
        Files.writeString(in.resolve("notes.md"), "not an input");
        return in;
    }

    @Test
    void shouldPublishAFolderAndSumUp() throws IOException {
        final Path in = inputs();
        final ProduceJob job = new ProduceJob(InputReader.create(Fixtures.CLOCK), publisher, progress::add,
            new RejectFolder(work.resolve("rejected")));

        final PublishSummary summary = job.run(List.of(in));

        assertThat(items.history()).extracting(ProducerRecord::key).hasSize(4)
            .contains("7963", "57083", "62754").anyMatch(key -> key.startsWith("sha256:"));
        assertThat(items.history()).extracting(ProducerRecord::topic).containsOnly("news.raw");
        assertThat(deadLetters.history()).extracting(ProducerRecord::key).containsExactly("empty.txt", "sample.jsonl:2");
        assertThat(summary.filesRead()).isEqualTo(2);
        assertThat(summary.filesRejected()).isEqualTo(1);
        assertThat(summary.itemsPublished()).isEqualTo(4);
        assertThat(summary.linesRejected()).isEqualTo(1);
        assertThat(summary.rejectsByReason()).isEqualTo(Map.of("empty", 1L, "invalid-json", 1L));
        assertThat(summary.skipped()).singleElement().asString().contains("notes.md");
        assertThat(progress).extracting(ProgressListener.Progress::filesDone).containsExactly(0, 1, 2, 3);
        assertThat(progress).last().satisfies(last -> {
            assertThat(last.filesTotal()).isEqualTo(3);
            assertThat(last.items()).isEqualTo(4);
            assertThat(last.rejects()).isEqualTo(2);
        });
        assertThat(work.resolve("rejected/empty.txt.reason.txt")).exists();
        assertThat(work.resolve("rejected/sample.jsonl")).content(StandardCharsets.UTF_8).isEqualTo("{not json\n");
        assertThat(in.resolve("empty.txt")).exists();
    }

    @Test
    void shouldPublishStandardInput() throws IOException {
        final ProduceJob job = new ProduceJob(InputReader.create(Fixtures.CLOCK), publisher);

        final PublishSummary summary = job.run("stdin", InputFormat.JSONL,
            new ByteArrayInputStream(String.join("\n", Fixtures.sampleLines()).getBytes(StandardCharsets.UTF_8)));

        assertThat(summary.itemsPublished()).isEqualTo(3);
        assertThat(items.history()).extracting(record -> record.value().getOrigin())
            .containsExactly("stdin:1", "stdin:2", "stdin:3");
    }

    @Test
    void shouldTellTheWatcherWhereEachFileGoes() throws IOException {
        final Path in = inputs();
        final ProduceJob job = new ProduceJob(InputReader.create(Fixtures.CLOCK), publisher);

        assertThat(job.handle(in.resolve(Fixtures.SEED_NAME))).isEqualTo(FileOutcome.published());
        assertThat(job.handle(in.resolve("sample.jsonl"))).isEqualTo(FileOutcome.published());
        assertThat(job.handle(in.resolve("empty.txt")))
            .isEqualTo(FileOutcome.rejected("the file is empty (0 bytes)"));
    }

    @Test
    void shouldAskTheWatcherToRetryWhenKafkaDidNotTakeTheItems() throws IOException {
        final Path in = inputs();
        final MockProducer<String, WireItem> unreachable =
            new MockProducer<>(true, null, new StringSerializer(), SERDES.wireItem().serializer());
        unreachable.sendException = new TimeoutException("broker unreachable");
        final ProduceJob job = new ProduceJob(InputReader.create(Fixtures.CLOCK),
            new WirePublisher(unreachable, deadLetters, TopicNames.DEFAULTS));

        final FileOutcome outcome = job.handle(in.resolve(Fixtures.SEED_NAME));

        assertThat(outcome.status()).isEqualTo(FileOutcome.Status.RETRY);
        assertThat(outcome.reason()).contains("1 records not published").contains("broker unreachable");
    }

    @Test
    void shouldReportEachRejectionOnceItWasPublishedAndCopied() throws IOException {
        final Path in = inputs();
        final Path rejected = work.resolve("rejected");
        final ProduceJob job = new ProduceJob(InputReader.create(Fixtures.CLOCK), publisher, ProgressListener.NONE,
            new RejectFolder(rejected), rejection -> {
                assertThat(deadLetters.history()).extracting(ProducerRecord::key).contains(rejection.origin());
                assertThat(rejected.resolve(rejection.file().getFileName() + ".reason.txt")).exists();
                reported.add(rejection);
            });

        job.run(List.of(in));

        assertThat(reported).extracting(Rejection::describe).containsExactly(
            "empty.txt: the file is empty (0 bytes)",
            "sample.jsonl:2: not valid JSON at column 2: Unexpected character ('n' (code 110)): was expecting"
                + " double-quote to start field name");
    }

    @Test
    void shouldRejectAWatchedFileWhoseItemKafkaRefusesAndPublishItsOtherItemsOnce() throws IOException {
        final Path inbox = Files.createDirectories(work.resolve("inbox"));
        final MockProducer<String, WireItem> limited = new SizeLimitedProducer(10_000);
        final ProduceJob job = new ProduceJob(InputReader.create(Fixtures.CLOCK),
            new WirePublisher(limited, deadLetters, TopicNames.DEFAULTS), ProgressListener.NONE, null, reported::add);
        final DirectoryWatcher watcher = new DirectoryWatcher(inbox, Duration.ofSeconds(1), job);
        Files.write(inbox.resolve("big.jsonl"), List.of(
            JsonItemBuilder.anItem().id(1).toLine(),
            JsonItemBuilder.anItem().id(2).paragraphs("x".repeat(20_000)).toLine()), StandardCharsets.UTF_8);

        for (int poll = 0; poll < 5; poll++) {
            watcher.pollOnce();
        }

        assertThat(limited.history()).extracting(ProducerRecord::key).containsExactly("1");
        assertThat(deadLetters.history()).singleElement().satisfies(letter -> {
            assertThat(letter.key()).isEqualTo("big.jsonl:2");
            assertThat(letter.value().getError()).startsWith("big.jsonl:2: Kafka refused item 2 as too large");
        });
        assertThat(reported).singleElement().extracting(Rejection::reason).isEqualTo(RejectReason.TOO_LARGE);
        assertThat(inbox.resolve("big.jsonl")).doesNotExist();
        assertThat(inbox.resolve("rejected/big.jsonl.reason.txt")).content(StandardCharsets.UTF_8)
            .startsWith("big.jsonl: Kafka refused 1 record of this file for good (trying again cannot help):"
                + " big.jsonl:2: Kafka refused item 2 as too large (The message is")
            .contains("(on the dead-letter topic instead)")
            .contains("The 1 item of this file that Kafka took stay published; fix what was refused and drop only"
                + " that back in");
    }

    @Test
    void shouldRejectAWatchedFileWhenKafkaRefusesItForGood() throws IOException {
        final Path in = inputs();
        final MockProducer<String, WireItem> unauthorized =
            new MockProducer<>(true, null, new StringSerializer(), SERDES.wireItem().serializer());
        unauthorized.sendException = new TopicAuthorizationException("not authorized to write news.raw");
        final ProduceJob job = new ProduceJob(InputReader.create(Fixtures.CLOCK),
            new WirePublisher(unauthorized, deadLetters, TopicNames.DEFAULTS));

        final FileOutcome outcome = job.handle(in.resolve("sample.jsonl"));

        assertThat(outcome.status()).isEqualTo(FileOutcome.Status.REJECTED);
        assertThat(outcome.reason())
            .startsWith("Kafka refused 3 records of this file for good (trying again cannot help): item 7963")
            .contains("not authorized to write news.raw")
            .endsWith("The 0 items of this file that Kafka took stay published; fix what was refused and drop only"
                + " that back in");
    }

    /** Refuses records over a size, as a broker does those over the topic's max.message.bytes. */
    private static final class SizeLimitedProducer extends MockProducer<String, WireItem> {

        private final int maxBytes;

        SizeLimitedProducer(final int maxBytes) {
            super(true, null, new StringSerializer(), SERDES.wireItem().serializer());
            this.maxBytes = maxBytes;
        }

        @Override
        public synchronized Future<RecordMetadata> send(final ProducerRecord<String, WireItem> record,
                                                        final Callback callback) {
            final int size = SERDES.wireItem().serializer().serialize(record.topic(), record.value()).length;
            if (size > maxBytes) {
                final RecordTooLargeException refused = new RecordTooLargeException("The message is " + size
                    + " bytes when serialized which is larger than " + maxBytes);
                callback.onCompletion(null, refused);
                return CompletableFuture.failedFuture(refused);
            }
            return super.send(record, callback);
        }
    }
}

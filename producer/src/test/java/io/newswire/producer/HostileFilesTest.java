package io.newswire.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import io.newswire.producer.publish.WirePublisher;
import io.newswire.producer.source.DirectoryWatcher;
import io.newswire.producer.source.InputFormat;
import io.newswire.producer.source.InputScanner;
import io.newswire.producer.source.RejectReason;
import io.newswire.producer.source.Rejection;
import io.newswire.producer.source.ScannedFile;
import io.newswire.schema.DeadLetter;
import io.newswire.schema.WireItem;
import io.newswire.schema.config.TopicNames;
import io.newswire.schema.serde.NewswireSerdes;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile files, as they reach the producer from folders and the watch folder: empty, binary, invalid UTF-8, other
 * encodings with and without a byte order mark, NUL bytes, a 1 MB line, files that vanish while read, and 10,000
 * files dropped in a watched folder at once. Each gives its items or is rejected with a reason that names the file
 * and what to do; the other files keep being read.
 */
class HostileFilesTest {

    private static final NewswireSerdes SERDES = new NewswireSerdes();
    /** Text with letters outside ASCII, so that every encoding writes it differently. */
    private static final String TEXT = "Incontro con il presidente\n\nMosca, 21 agosto 2021 – Il capo dello Stato"
        + " ha ricevuto «l'ospite» al Cremlino: è la prima visita, così è stato detto. “Grazie”.\n";

    @TempDir
    Path work;

    private final InputReader reader = InputReader.create(Fixtures.CLOCK);

    @Test
    void shouldReadOrRejectEachHostileFileWithItsReason() throws IOException {
        final Path in = Files.createDirectories(work.resolve("in"));
        final Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("empty.txt", new byte[0]);
        files.put("empty.jsonl", new byte[0]);
        files.put("binary.txt", randomBytes(4096, 1));
        files.put("binary.jsonl", randomBytes(4096, 2));
        files.put("invalid-utf8.txt", concat(TEXT.getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, 0x28}));
        files.put("windows-1252.txt", TEXT.getBytes(Charset.forName("windows-1252")));
        files.put("iso-8859-1.txt", TEXT.replace('“', '"').replace('”', '"').replace('–', '-')
            .getBytes(StandardCharsets.ISO_8859_1));
        files.put("utf-8-bom.txt", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
            TEXT.getBytes(StandardCharsets.UTF_8)));
        files.put("utf-16le-bom.txt", concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
            TEXT.getBytes(StandardCharsets.UTF_16LE)));
        files.put("utf-16be-bom.txt", TEXT.getBytes(StandardCharsets.UTF_16));
        files.put("utf-16le.txt", TEXT.getBytes(StandardCharsets.UTF_16LE));
        files.put("utf-16be.txt", TEXT.getBytes(StandardCharsets.UTF_16BE));
        files.put("utf-16le-bom.jsonl", concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
            line("utf16", "title").getBytes(StandardCharsets.UTF_16LE)));
        files.put("utf-32.txt", concat(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0},
            TEXT.getBytes(Charset.forName("UTF-32LE"))));
        files.put("nul.txt", TEXT.replace("Cremlino", "Crem\u0000lino").getBytes(StandardCharsets.UTF_8));
        files.put("lines.jsonl", lines(line("good-1", "Primo"),
            line("latin", "Caffè").getBytes(StandardCharsets.ISO_8859_1),
            line("good-2", "Secondo"),
            concat(line("broken", "x").getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xFF}),
            line("good-3", "Terzo")));
        // A NUL byte is what tells binary data from text: in a .jsonl's first 256 KB it rejects the whole file.
        files.put("nul.jsonl", lines(line("good-4", "Quarto"), "{\"id\": \"nul\", \"title\": \"a\u0000b\"}"));

        final Map<String, Outcome> outcomes = readAll(in, files);

        assertThat(outcomes.get("empty.txt").fileRejected()).isEqualTo(RejectReason.EMPTY);
        assertThat(outcomes.get("empty.jsonl").fileRejected()).isEqualTo(RejectReason.EMPTY);
        assertThat(outcomes.get("binary.txt").fileRejected()).isEqualTo(RejectReason.BINARY);
        assertThat(outcomes.get("binary.jsonl").fileRejected()).isEqualTo(RejectReason.BINARY);
        assertThat(outcomes.get("invalid-utf8.txt").fileRejected()).isEqualTo(RejectReason.NOT_UTF8);
        assertThat(outcomes.get("invalid-utf8.txt").message())
            .contains("byte 0xC3 at offset " + TEXT.getBytes(StandardCharsets.UTF_8).length, "re-save it as UTF-8");
        assertThat(outcomes.get("windows-1252.txt").fileRejected()).isEqualTo(RejectReason.NOT_UTF8);
        assertThat(outcomes.get("windows-1252.txt").message()).contains("Windows-1252", "line 3");
        assertThat(outcomes.get("iso-8859-1.txt").fileRejected()).isEqualTo(RejectReason.NOT_UTF8);
        assertThat(outcomes.get("utf-16le.txt").fileRejected()).isEqualTo(RejectReason.BINARY);
        assertThat(outcomes.get("utf-16le.txt").message()).contains("UTF-16 without a byte order mark");
        assertThat(outcomes.get("utf-16be.txt").fileRejected()).isEqualTo(RejectReason.BINARY);
        assertThat(outcomes.get("utf-16le-bom.jsonl").fileRejected()).isEqualTo(RejectReason.NOT_UTF8);
        assertThat(outcomes.get("utf-32.txt").fileRejected()).isEqualTo(RejectReason.NOT_UTF8);
        assertThat(outcomes.get("nul.txt").fileRejected()).isEqualTo(RejectReason.BINARY);
        for (final String decoded : List.of("utf-8-bom.txt", "utf-16le-bom.txt", "utf-16be-bom.txt")) {
            assertThat(outcomes.get(decoded).items()).as(decoded).hasSize(1);
            assertThat(outcomes.get(decoded).items().get(0).getBody()).as(decoded)
                .anySatisfy(paragraph -> assertThat(paragraph).contains("al Cremlino: è la prima visita, così"));
        }
        final Outcome lines = outcomes.get("lines.jsonl");
        assertThat(lines.items()).extracting(WireItem::getId).containsExactly("good-1", "good-2", "good-3");
        assertThat(lines.rejections()).extracting(Rejection::line).containsExactly(2L, 4L);
        assertThat(lines.rejections()).extracting(Rejection::reason)
            .containsExactly(RejectReason.NOT_UTF8, RejectReason.NOT_UTF8);
        assertThat(outcomes.get("nul.jsonl").fileRejected()).isEqualTo(RejectReason.BINARY);
        assertThat(outcomes.get("nul.jsonl").message()).contains("NUL bytes (the first at offset");
        assertThat(outcomes.values()).flatExtracting(Outcome::rejections)
            .allSatisfy(rejection -> assertThat(rejection.describe()).contains(rejection.origin()));
    }

    @Test
    void shouldReadALineOfOneMegabyteAndTheLinesAroundIt() throws IOException {
        final String words = "parola ".repeat(1024 * 1024 / 7);
        final byte[] file = lines(line("before", "Prima"),
            "{\"id\": \"big\", \"title\": \"Grande\", \"body\": \"" + words + "\"}", line("after", "Dopo"));

        final Outcome outcome = read("big.jsonl", InputFormat.JSONL, file);

        assertThat(outcome.rejections()).isEmpty();
        assertThat(outcome.items()).extracting(WireItem::getId).containsExactly("before", "big", "after");
        assertThat(String.join(" ", outcome.items().get(1).getBody())).hasSize(words.strip().length());
    }

    @Test
    void shouldRejectAFileThatVanishedBeforeItWasRead() throws IOException {
        final InputScanner scanner = new InputScanner();
        final Path text = Files.writeString(work.resolve("gone.txt"), TEXT);
        final Path jsonl = Files.writeString(work.resolve("gone.jsonl"), line("a", "b") + "\n");
        final ScannedFile opened = scanner.read(jsonl);
        Files.delete(text);
        Files.delete(jsonl);

        final Outcome textOutcome = new Outcome();
        reader.read(scanner.read(text), textOutcome);
        final Outcome jsonlOutcome = new Outcome();
        reader.read(opened, jsonlOutcome);

        assertThat(textOutcome.fileRejected()).isEqualTo(RejectReason.UNREADABLE);
        assertThat(textOutcome.message()).contains("NoSuchFileException", "check that it exists");
        assertThat(jsonlOutcome.fileRejected()).isEqualTo(RejectReason.UNREADABLE);
        assertThat(jsonlOutcome.message()).contains("reading stopped after line 0");
    }

    /** A stream that fails mid-way (a file on a volume that went away) keeps the items read before, and says where. */
    @Test
    void shouldKeepTheLinesReadBeforeAnInputFailedMidWay() throws IOException {
        final byte[] first = lines(line("one", "Uno"), line("two", "Due"));
        final InputStream failing = new InputStream() {
            private final InputStream head = new ByteArrayInputStream(first);

            @Override
            public int read() throws IOException {
                final int next = head.read();
                if (next < 0) {
                    throw new IOException("Stale file handle");
                }
                return next;
            }
        };
        final Outcome outcome = new Outcome();

        reader.read("vanishing.jsonl", InputFormat.JSONL, failing, outcome);

        assertThat(outcome.items()).extracting(WireItem::getId).containsExactly("one", "two");
        assertThat(outcome.fileRejected()).isEqualTo(RejectReason.UNREADABLE);
        assertThat(outcome.message()).contains("reading stopped after line 2", "Stale file handle");
    }

    @Test
    void shouldGoOnWatchingWhenAFileVanishesWhileItIsHandled() throws IOException {
        final Path inbox = Files.createDirectories(work.resolve("inbox"));
        final ProduceJob job = new ProduceJob(reader, publisher(new MockProducer<>(true, null, new StringSerializer(),
            SERDES.wireItem().serializer())));
        final DirectoryWatcher watcher = new DirectoryWatcher(inbox, Duration.ofSeconds(1), file -> {
            if (file.getFileName().toString().startsWith("vanishing")) {
                delete(file);
            }
            return job.handle(file);
        });
        Files.writeString(inbox.resolve("vanishing.jsonl"), line("v", "Via") + "\n");
        Files.writeString(inbox.resolve("wanted.jsonl"), line("w", "Resta") + "\n");

        watcher.pollOnce();
        assertThat(watcher.pollOnce()).isEqualTo(2);

        assertThat(inbox.resolve("processed/wanted.jsonl")).exists();
        assertThat(inbox.resolve("vanishing.jsonl")).doesNotExist();
        assertThat(watcher.pollOnce()).isZero();
    }

    @Test
    void shouldPublishOrRejectEachOfTenThousandFilesDroppedInAWatchedFolder() throws IOException {
        final Path inbox = Files.createDirectories(work.resolve("inbox"));
        final MockProducer<String, WireItem> items = new MockProducer<>(true, null, new StringSerializer(),
            SERDES.wireItem().serializer());
        final ProduceJob job = new ProduceJob(reader, publisher(items));
        final DirectoryWatcher watcher = new DirectoryWatcher(inbox, Duration.ofSeconds(1), job);
        final int files = 10_000;
        for (int index = 0; index < files; index++) {
            final String name = String.format("item-%05d", index);
            switch (index % 10) {
                case 3 -> Files.write(inbox.resolve(name + ".txt"), new byte[0]);
                case 6 -> Files.write(inbox.resolve(name + ".txt"), randomBytes(64, index));
                case 9 -> Files.write(inbox.resolve(name + ".txt"), TEXT.getBytes(StandardCharsets.ISO_8859_1));
                case 0 -> Files.writeString(inbox.resolve(name + ".txt"), "Titolo " + index + "\n\n" + TEXT);
                default -> Files.writeString(inbox.resolve(name + ".jsonl"), line(name, "Titolo " + index) + "\n");
            }
        }
        // Every tenth file is empty, binary or Latin-1 (indexes ending in 3, 6, 9).
        final int hostile = files / 10 * 3;

        final long start = System.nanoTime();
        assertThat(watcher.pollOnce()).isZero();
        assertThat(watcher.pollOnce()).isEqualTo(files);
        final long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("10,000 watched files handled in %d ms%n", millis);

        assertThat(items.history()).hasSize(files - hostile);
        assertThat(count(inbox.resolve("processed"), "")).isEqualTo(files - hostile);
        assertThat(count(inbox.resolve("rejected"), ".reason.txt")).isEqualTo(hostile);
        assertThat(count(inbox.resolve("rejected"), "")).isEqualTo(2 * hostile);
        assertThat(Files.readString(inbox.resolve("rejected/item-00003.txt.reason.txt")))
            .contains("item-00003.txt", "empty");
        assertThat(Files.readString(inbox.resolve("rejected/item-00009.txt.reason.txt")))
            .contains("item-00009.txt", "re-save it as UTF-8");
        assertThat(count(inbox, ".txt") + count(inbox, ".jsonl")).isZero();
    }

    private WirePublisher publisher(final MockProducer<String, WireItem> items) {
        return new WirePublisher(items, new MockProducer<String, DeadLetter>(true, null, new StringSerializer(),
            SERDES.deadLetter().serializer()), TopicNames.DEFAULTS);
    }

    private Map<String, Outcome> readAll(final Path in, final Map<String, byte[]> files) throws IOException {
        for (final Map.Entry<String, byte[]> file : files.entrySet()) {
            Files.write(in.resolve(file.getKey()), file.getValue());
        }
        final Map<String, Outcome> outcomes = new LinkedHashMap<>();
        for (final String name : files.keySet()) {
            final Outcome outcome = new Outcome();
            reader.read(in.resolve(name), outcome);
            outcomes.put(name, outcome);
        }
        return outcomes;
    }

    private Outcome read(final String name, final InputFormat format, final byte[] bytes) throws IOException {
        final Outcome outcome = new Outcome();
        reader.read(name, format, new ByteArrayInputStream(bytes), outcome);
        return outcome;
    }

    private static String line(final String id, final String title) {
        return "{\"id\": \"" + id + "\", \"title\": \"" + title + "\", \"body\": \"Il testo di " + title + ".\"}";
    }

    /** Lines joined by line feeds; each a String (written as UTF-8) or bytes (written as they are). */
    private static byte[] lines(final Object... lines) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (final Object line : lines) {
            out.writeBytes(line instanceof byte[] bytes ? bytes : line.toString().getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }
        return out.toByteArray();
    }

    private static byte[] randomBytes(final int length, final long seed) {
        final byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        bytes[length / 2] = 0;
        return bytes;
    }

    private static byte[] concat(final byte[] first, final byte[] second) {
        final byte[] joined = new byte[first.length + second.length];
        System.arraycopy(first, 0, joined, 0, first.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }

    private static long count(final Path folder, final String suffix) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).filter(file -> file.toString().endsWith(suffix)).count();
        }
    }

    private static void delete(final Path file) {
        try {
            Files.delete(file);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What reading one input gave. */
    private static final class Outcome implements ItemSink {
        private final List<WireItem> items = new ArrayList<>();
        private final List<Rejection> rejections = new ArrayList<>();
        private FileResult result;

        @Override
        public void item(final WireItem item) {
            items.add(item);
        }

        @Override
        public void rejected(final Rejection rejection) {
            rejections.add(rejection);
        }

        @Override
        public void fileDone(final FileResult done) {
            result = done;
        }

        List<WireItem> items() {
            return items;
        }

        List<Rejection> rejections() {
            return rejections;
        }

        RejectReason fileRejected() {
            return result == null || result.rejection() == null ? null : result.rejection().reason();
        }

        String message() {
            return result.rejection().describe();
        }
    }
}

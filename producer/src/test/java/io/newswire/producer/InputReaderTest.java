package io.newswire.producer;

import static io.newswire.producer.parse.JsonItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.newswire.producer.source.ProgressListener;
import io.newswire.producer.source.RejectReason;
import io.newswire.producer.source.Rejection;
import io.newswire.schema.WireItem;

class InputReaderTest {

    @TempDir
    Path folder;

    private final InputReader reader = InputReader.create(Fixtures.CLOCK);
    private final CollectingSink sink = new CollectingSink();

    @Test
    void shouldReportBadLinesByFileAndLineAndReadTheRest() throws IOException {
        final Path file = Files.write(folder.resolve("items.jsonl"), List.of(
            anItem().id(1).toLine(),
            "{\"title\": \"unfinished\"",
            "[1, 2, 3]",
            "",
            "{\"id\": 4, \"topics\": [\"Energy\"]}",
            anItem().id(5).toLine()), StandardCharsets.UTF_8);

        final FileResult result = reader.read(file, sink);

        assertThat(sink.items).extracting(WireItem::getId).containsExactly("1", "5");
        assertThat(sink.items).extracting(WireItem::getOrigin).containsExactly("items.jsonl:1", "items.jsonl:6");
        assertThat(sink.rejections).extracting(Rejection::describe).satisfiesExactly(
            first -> assertThat(first).isEqualTo("items.jsonl:2: not valid JSON at column 23: Unexpected"
                + " end-of-input: expected close marker for Object"),
            second -> assertThat(second).isEqualTo(
                "items.jsonl:3: the line is an array, not a JSON object (one object per line is expected)"),
            third -> assertThat(third).startsWith("items.jsonl:5: no title and no text"));
        assertThat(sink.rejections.get(0).original())
            .isEqualTo("{\"title\": \"unfinished\"".getBytes(StandardCharsets.UTF_8));
        assertThat(result).isEqualTo(new FileResult("items.jsonl", 2, 3, null));
        assertThat(sink.done).containsExactly(result);
    }

    @Test
    void shouldRejectAJsonlFileOfBlankLines() throws IOException {
        final Path file = Files.writeString(folder.resolve("blank.jsonl"), "\n  \n\r\n");

        final FileResult result = reader.read(file, sink);

        assertThat(result.rejected()).isTrue();
        assertThat(result.rejection().reason()).isEqualTo(RejectReason.EMPTY);
        assertThat(sink.rejections).singleElement().extracting(Rejection::describe)
            .isEqualTo("blank.jsonl: the file holds only blank lines");
    }

    @Test
    void shouldReadAFolderReportingProgress() throws IOException {
        Files.write(folder.resolve(Fixtures.SEED_NAME), Fixtures.seedBytes());
        Files.write(folder.resolve("sample.jsonl"), Fixtures.sampleLines(), StandardCharsets.UTF_8);
        final List<ProgressListener.Progress> progress = new ArrayList<>();

        final List<String> skipped = reader.readAll(List.of(folder, folder.resolve("missing.txt")), sink, progress::add);

        assertThat(skipped).isEmpty();
        assertThat(sink.items).hasSize(4);
        assertThat(sink.rejections).singleElement().extracting(Rejection::reason).isEqualTo(RejectReason.NOT_FOUND);
        assertThat(progress).containsExactly(
            new ProgressListener.Progress(0, 2, 0, 1, null),
            new ProgressListener.Progress(1, 2, 1, 1, Fixtures.SEED_NAME),
            new ProgressListener.Progress(2, 2, 4, 1, "sample.jsonl"));
    }

    /** Keeps what the reader hands over. */
    private static final class CollectingSink implements ItemSink {

        private final List<WireItem> items = new ArrayList<>();
        private final List<Rejection> rejections = new ArrayList<>();
        private final List<FileResult> done = new ArrayList<>();

        @Override
        public void item(final WireItem item) {
            items.add(item);
        }

        @Override
        public void rejected(final Rejection rejection) {
            rejections.add(rejection);
        }

        @Override
        public void fileDone(final FileResult result) {
            done.add(result);
        }
    }
}

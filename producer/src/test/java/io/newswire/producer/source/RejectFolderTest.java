package io.newswire.producer.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RejectFolderTest {

    @TempDir
    Path work;

    @Test
    void shouldCopyARejectedFileWithItsReasonAndKeepTheInput() throws IOException {
        final Path input = Files.writeString(work.resolve("empty.txt"), "");
        final RejectFolder folder = new RejectFolder(work.resolve("rejected"));

        final Path copy = folder.add(Rejection.ofFile(input, RejectReason.EMPTY, "the file is empty (0 bytes)",
            new byte[0]));

        assertThat(input).exists();
        assertThat(copy).isEqualTo(work.resolve("rejected/empty.txt")).exists();
        assertThat(work.resolve("rejected/empty.txt.reason.txt"))
            .content(StandardCharsets.UTF_8).isEqualTo("empty.txt: the file is empty (0 bytes)" + System.lineSeparator());
    }

    @Test
    void shouldNotOverwriteWhatAnEarlierRunRejected() throws IOException {
        final Path input = Files.writeString(work.resolve("a.txt"), "x");
        final RejectFolder folder = new RejectFolder(work.resolve("rejected"));
        final Rejection rejection = Rejection.ofFile(input, RejectReason.NO_CONTENT, "no text", new byte[0]);

        folder.add(rejection);
        final Path second = folder.add(rejection);

        assertThat(second).isEqualTo(work.resolve("rejected/a-2.txt"));
        assertThat(work.resolve("rejected/a-2.txt.reason.txt")).exists();
    }

    @Test
    void shouldCollectRejectedLinesOfAFileIntoOneJsonl() throws IOException {
        final Path input = work.resolve("items.jsonl");
        final RejectFolder folder = new RejectFolder(work.resolve("rejected"));

        folder.add(Rejection.ofLine("items.jsonl", input, 2, RejectReason.INVALID_JSON, "not valid JSON",
            "{oops".getBytes(StandardCharsets.UTF_8)));
        folder.add(Rejection.ofLine("items.jsonl", input, 5, RejectReason.NO_CONTENT, "no title and no text",
            "{}".getBytes(StandardCharsets.UTF_8)));

        assertThat(work.resolve("rejected/items.jsonl")).content(StandardCharsets.UTF_8).isEqualTo("{oops\n{}\n");
        assertThat(work.resolve("rejected/items.jsonl.reason.txt")).content(StandardCharsets.UTF_8).isEqualTo(
            "items.jsonl:2: not valid JSON" + System.lineSeparator()
                + "items.jsonl:5: no title and no text" + System.lineSeparator());
    }
}

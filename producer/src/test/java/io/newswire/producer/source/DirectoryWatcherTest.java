package io.newswire.producer.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryWatcherTest {

    @TempDir
    Path inbox;

    private final List<String> handled = new CopyOnWriteArrayList<>();

    private DirectoryWatcher watcher(final DirectoryWatcher.FileHandler handler) {
        return new DirectoryWatcher(inbox, Duration.ofMillis(20), file -> {
            handled.add(file.getFileName().toString());
            return handler.handle(file);
        });
    }

    private Path drop(final String name, final String text) throws IOException {
        return Files.writeString(inbox.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void shouldHandleAFileOnceItIsCompleteThenMoveItToProcessed() throws IOException {
        final DirectoryWatcher watcher = watcher(file -> FileOutcome.published());
        drop("a.txt", "Title\n\nText.");

        assertThat(watcher.pollOnce()).isZero();
        assertThat(watcher.pollOnce()).isEqualTo(1);
        assertThat(watcher.pollOnce()).isZero();

        assertThat(handled).containsExactly("a.txt");
        assertThat(inbox.resolve("a.txt")).doesNotExist();
        assertThat(inbox.resolve("processed/a.txt")).hasContent("Title\n\nText.");
    }

    @Test
    void shouldWaitWhileAFileIsStillBeingWritten() throws IOException {
        final DirectoryWatcher watcher = watcher(file -> FileOutcome.published());
        final Path file = drop("a.jsonl", "{\"title\": \"one\"}\n");
        watcher.pollOnce();

        Files.writeString(file, "{\"title\": \"two\"}\n", StandardOpenOption.APPEND);

        assertThat(watcher.pollOnce()).isZero();
        assertThat(watcher.pollOnce()).isEqualTo(1);
    }

    @Test
    void shouldMoveARejectedFileWithItsReason() throws IOException {
        final DirectoryWatcher watcher = watcher(file -> FileOutcome.rejected("the file is empty (0 bytes)"));
        drop("empty.txt", "");

        watcher.pollOnce();
        watcher.pollOnce();

        assertThat(inbox.resolve("rejected/empty.txt")).exists();
        assertThat(inbox.resolve("rejected/empty.txt.reason.txt"))
            .content(StandardCharsets.UTF_8).startsWith("empty.txt: the file is empty (0 bytes)");
    }

    @Test
    void shouldLeaveAFileToRetryWhenPublishingFailed() throws IOException {
        final DirectoryWatcher watcher = watcher(file -> FileOutcome.retry("Kafka unreachable"));
        drop("a.txt", "Title");

        watcher.pollOnce();
        watcher.pollOnce();
        watcher.pollOnce();

        assertThat(handled).containsExactly("a.txt", "a.txt");
        assertThat(inbox.resolve("a.txt")).exists();
    }

    @Test
    void shouldRejectAFileAfterTooManyRetriesInARow() throws IOException {
        final DirectoryWatcher watcher = watcher(file -> FileOutcome.retry("1 records not published; last known"
            + " failure: broker unreachable"));
        drop("a.txt", "Title");

        for (int poll = 0; poll <= DirectoryWatcher.MAX_FAILURES + 2; poll++) {
            watcher.pollOnce();
        }

        assertThat(handled).hasSize(DirectoryWatcher.MAX_FAILURES);
        assertThat(inbox.resolve("a.txt")).doesNotExist();
        assertThat(inbox.resolve("rejected/a.txt")).hasContent("Title");
        assertThat(inbox.resolve("rejected/a.txt.reason.txt")).content(StandardCharsets.UTF_8)
            .startsWith("a.txt: failed 3 times in a row").contains("broker unreachable");
    }

    @Test
    void shouldCountRetriesAnewWhenTheFileChanges() throws IOException {
        final DirectoryWatcher watcher = watcher(file -> FileOutcome.retry("Kafka unreachable"));
        final Path file = drop("a.txt", "Title");
        for (int poll = 0; poll < DirectoryWatcher.MAX_FAILURES; poll++) {
            watcher.pollOnce();
        }

        Files.writeString(file, "\n\nText.", StandardOpenOption.APPEND);
        watcher.pollOnce();
        watcher.pollOnce();

        assertThat(handled).hasSize(DirectoryWatcher.MAX_FAILURES);
        assertThat(file).exists();
    }

    @Test
    void shouldRejectAFileWhoseHandlingKeepsFailing() throws IOException {
        final DirectoryWatcher watcher = watcher(file -> {
            throw new IllegalStateException("boom");
        });
        drop("poison.txt", "Title");

        for (int poll = 0; poll <= DirectoryWatcher.MAX_FAILURES; poll++) {
            watcher.pollOnce();
        }

        assertThat(handled).hasSize(DirectoryWatcher.MAX_FAILURES);
        assertThat(inbox.resolve("rejected/poison.txt.reason.txt"))
            .content(StandardCharsets.UTF_8).contains("failed 3 times").contains("boom");
    }

    @Test
    void shouldIgnoreTemporaryAndHiddenFiles() throws IOException {
        final DirectoryWatcher watcher = watcher(file -> FileOutcome.published());
        drop("a.txt.part", "partial");
        drop(".a.txt", "hidden");

        watcher.pollOnce();
        watcher.pollOnce();

        assertThat(handled).isEmpty();
    }

    @Test
    void shouldPollInTheBackgroundUntilClosed() throws IOException {
        try (DirectoryWatcher watcher = watcher(file -> FileOutcome.published())) {
            watcher.start();
            drop("a.txt", "Title");

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(inbox.resolve("processed/a.txt")).exists());
        }
        assertThat(handled).containsExactly("a.txt");
    }
}

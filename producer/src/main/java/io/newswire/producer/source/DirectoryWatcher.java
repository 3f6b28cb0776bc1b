package io.newswire.producer.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches an inbox folder for the long-running {@code produce --watch DIR} mode: input .txt and .jsonl files dropped
 * into DIR, output each complete file handed once to a handler (which publishes it), then moved to
 * {@code DIR/processed/}, or to {@code DIR/rejected/} with a reason file beside it.
 *
 * <p>It polls rather than using java.nio's WatchService: on the mounted volumes it runs with under docker-compose
 * (bind mounts from macOS or Windows hosts, NFS) the WatchService misses events or falls back to slow polling itself.
 * A file is complete when two polls in a row see the same size and modification time, so a file still being copied
 * in is left alone; writers that can should write to a temporary name (not .txt/.jsonl) and rename.
 *
 * <p>A file is published before it is moved: a crash in between publishes it again at restart, under the same keys
 * (item ids are stable), which the dedup stage recognizes. A file that fails {@link #MAX_FAILURES} times in a row
 * (its handler asks for a retry, or throws) goes to rejected/ with the last failure, so no file is published over and
 * over.
 */
public final class DirectoryWatcher implements AutoCloseable {

    /** Publishes one file and says where it goes. */
    @FunctionalInterface
    public interface FileHandler {
        FileOutcome handle(Path file);
    }

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(2);
    /** A file whose handling fails (retry or exception) this often in a row is moved to rejected/. */
    static final int MAX_FAILURES = 3;
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(DirectoryWatcher.class);

    /** What a poll saw of a file; unchanged across two polls means the file is complete. */
    private record Snapshot(long size, long modifiedMillis) {
    }

    /** Failed tries of a file as it was then: a file changed since is a new file, with tries of its own. */
    private record Failures(Snapshot snapshot, int count) {
    }

    private final Path inbox;
    private final Path processed;
    private final RejectFolder rejected;
    private final Duration pollInterval;
    private final FileHandler handler;
    private Map<Path, Snapshot> lastSeen = new HashMap<>();
    private final Map<Path, Failures> failures = new HashMap<>();
    /** Files handled but not moved away (the move failed): not handled again while they stay unchanged. */
    private final Map<Path, Snapshot> stuck = new HashMap<>();
    private ScheduledExecutorService executor;

    public DirectoryWatcher(final Path inbox, final Duration pollInterval, final FileHandler handler) {
        this.inbox = Objects.requireNonNull(inbox, "inbox");
        this.processed = inbox.resolve("processed");
        this.rejected = new RejectFolder(inbox.resolve("rejected"));
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
        this.handler = Objects.requireNonNull(handler, "handler");
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("pollInterval must be positive, was " + pollInterval);
        }
    }

    /** Starts polling every poll interval on a background thread, until {@link #close()}. */
    public synchronized void start() throws IOException {
        if (executor != null) {
            throw new IllegalStateException("already started");
        }
        Files.createDirectories(inbox);
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            final Thread thread = new Thread(runnable, "newswire-watch-" + inbox.getFileName());
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::pollLogged, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Looks at the inbox once: remembers new or changed files and handles those unchanged since the last poll.
     * {@link #start()} calls this on its schedule; tests call it directly.
     *
     * @return how many files were handled
     */
    public synchronized int pollOnce() throws IOException {
        final Map<Path, Snapshot> current = new HashMap<>();
        int handled = 0;
        for (final Path file : candidates()) {
            final Snapshot snapshot;
            try {
                snapshot = new Snapshot(Files.size(file), Files.getLastModifiedTime(file).toMillis());
            } catch (final IOException vanished) {
                continue;
            }
            current.put(file, snapshot);
            if (!snapshot.equals(lastSeen.get(file)) || snapshot.equals(stuck.get(file))) {
                continue;
            }
            handle(file, snapshot);
            handled++;
        }
        lastSeen = current;
        failures.keySet().retainAll(current.keySet());
        return handled;
    }

    @Override
    public void close() {
        final ScheduledExecutorService running;
        synchronized (this) {
            running = executor;
        }
        if (running == null) {
            return;
        }
        running.shutdown();
        try {
            // A poll in progress may be publishing a file: let it finish and move the file.
            if (!running.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                running.shutdownNow();
            }
        } catch (final InterruptedException e) {
            running.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private List<Path> candidates() throws IOException {
        try (Stream<Path> files = Files.list(inbox)) {
            return files.filter(Files::isRegularFile)
                .filter(file -> !file.getFileName().toString().startsWith("."))
                .filter(file -> InputFormat.of(file).isPresent())
                .sorted()
                .toList();
        }
    }

    private void handle(final Path file, final Snapshot snapshot) {
        // Whatever stuck the file before, it changed since: it is handled as new.
        stuck.remove(file);
        final FileOutcome outcome = countingFailures(file, snapshot, handleCatching(file));
        if (outcome.status() == FileOutcome.Status.RETRY) {
            return;
        }
        failures.remove(file);
        try {
            switch (outcome.status()) {
                case PUBLISHED -> moveToProcessed(file);
                case REJECTED -> rejected.moveIn(file, outcome.reason());
                default -> throw new IllegalStateException("unexpected outcome " + outcome.status());
            }
        } catch (final IOException e) {
            LOG.warn("{}: handled ({}) but could not be moved out of {}; it will not be handled again while unchanged",
                file.getFileName(), outcome.status(), inbox, e);
            stuck.put(file, snapshot);
        }
    }

    /** The handler's outcome; a retry when it throws, as the next try may go better. */
    private FileOutcome handleCatching(final Path file) {
        try {
            return handler.handle(file);
        } catch (final RuntimeException e) {
            LOG.warn("{}: handling failed", file.getFileName(), e);
            return FileOutcome.retry("handling failed: " + e);
        }
    }

    /** Counts a retry of {@code file} as it is now; the retry that fails {@link #MAX_FAILURES} in a row rejects it. */
    private FileOutcome countingFailures(final Path file, final Snapshot snapshot, final FileOutcome outcome) {
        if (outcome.status() != FileOutcome.Status.RETRY) {
            return outcome;
        }
        final Failures earlier = failures.get(file);
        final int failed = earlier != null && earlier.snapshot().equals(snapshot) ? earlier.count() + 1 : 1;
        failures.put(file, new Failures(snapshot, failed));
        if (failed < MAX_FAILURES) {
            LOG.warn("{}: will try again ({} of {} tries failed): {}", file.getFileName(), failed, MAX_FAILURES,
                outcome.reason());
            return outcome;
        }
        return FileOutcome.rejected("failed " + failed + " times in a row, so it is not tried again until dropped"
            + " back in; last time: " + outcome.reason());
    }

    private void moveToProcessed(final Path file) throws IOException {
        Files.createDirectories(processed);
        RejectFolder.move(file, RejectFolder.freeName(processed, file.getFileName().toString()));
    }

    /** The scheduled poll: an exception here would silently cancel the schedule, so it is logged instead. */
    private void pollLogged() {
        try {
            pollOnce();
        } catch (final IOException | RuntimeException e) {
            LOG.warn("cannot poll {}; trying again in {}", inbox, pollInterval, e);
        }
    }
}

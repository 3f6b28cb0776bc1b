package io.newswire.producer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import io.newswire.producer.publish.PublishSummary;
import io.newswire.producer.publish.WirePublisher;
import io.newswire.producer.source.DirectoryWatcher;
import io.newswire.producer.source.FileOutcome;
import io.newswire.producer.source.InputFormat;
import io.newswire.producer.source.ProgressListener;
import io.newswire.producer.source.RejectFolder;
import io.newswire.producer.source.Rejection;
import io.newswire.schema.WireItem;

/**
 * The producer as the command line runs it: input files, folders or a stream, output wire items on the raw topic and
 * rejections on the dead-letter topic (and, when given, copied to a reject folder), then a {@link PublishSummary}.
 * It is also the {@link DirectoryWatcher.FileHandler} of {@code produce --watch}.
 */
public final class ProduceJob implements DirectoryWatcher.FileHandler {

    private final InputReader reader;
    private final WirePublisher publisher;
    private final ProgressListener progress;
    private final RejectFolder rejectFolder;

    /** A job that reports no progress and keeps no reject folder. */
    public ProduceJob(final InputReader reader, final WirePublisher publisher) {
        this(reader, publisher, ProgressListener.NONE, null);
    }

    /**
     * @param rejectFolder where rejected files and lines are copied, or null for the dead-letter topic only
     */
    public ProduceJob(final InputReader reader, final WirePublisher publisher, final ProgressListener progress,
                      final RejectFolder rejectFolder) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.rejectFolder = rejectFolder;
    }

    /** Publishes every input under {@code inputs}, waits for Kafka's answers, and sums up. */
    public PublishSummary run(final List<Path> inputs) {
        final List<String> skipped = reader.readAll(inputs, new PublishingSink(true), progress);
        return publisher.flush().withSkipped(skipped);
    }

    /** Publishes a stream (standard input) of the given format, waits for Kafka's answers, and sums up. */
    public PublishSummary run(final String name, final InputFormat format, final InputStream in) throws IOException {
        reader.read(name, format, in, new PublishingSink(true));
        return publisher.flush();
    }

    /**
     * Publishes one file of the watch folder and waits for Kafka's answers: published when Kafka took everything,
     * rejected when the file cannot be used (the watcher moves it to rejected/, so it is not copied here), retry
     * when Kafka did not take every record.
     */
    @Override
    public FileOutcome handle(final Path file) {
        final PublishSummary before = publisher.summary();
        final FileResult result = reader.read(file, new PublishingSink(false));
        final PublishSummary after = publisher.flush();
        if (result.rejected()) {
            return FileOutcome.rejected(result.rejection().message());
        }
        final long failed = after.itemsFailed() - before.itemsFailed()
            + after.deadLettersFailed() - before.deadLettersFailed();
        if (failed > 0) {
            final List<String> failures = after.failures();
            return FileOutcome.retry(failed + " records not published"
                + (failures.isEmpty() ? "" : "; last known failure: " + failures.get(failures.size() - 1)));
        }
        return FileOutcome.published();
    }

    /** Publishes items and rejections; copies rejections to the reject folder when there is one. */
    private final class PublishingSink implements ItemSink {

        private final boolean copyRejectedFiles;

        PublishingSink(final boolean copyRejectedFiles) {
            this.copyRejectedFiles = copyRejectedFiles;
        }

        @Override
        public void item(final WireItem item) {
            publisher.publish(item);
        }

        @Override
        public void rejected(final Rejection rejection) {
            publisher.reject(rejection);
            if (rejectFolder != null && (copyRejectedFiles || !rejection.wholeFile())) {
                try {
                    rejectFolder.add(rejection);
                } catch (final IOException e) {
                    throw new UncheckedIOException("cannot keep the rejected " + rejection.origin() + " in "
                        + rejectFolder.folder() + ": " + e.getMessage() + "; check that the folder is writable", e);
                }
            }
        }

        @Override
        public void fileDone(final FileResult result) {
            if (!result.rejected()) {
                publisher.countFileRead();
            }
        }
    }
}

package io.newswire.producer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import io.newswire.producer.publish.PublishSummary;
import io.newswire.producer.publish.SendTally;
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
 * It is also the {@link DirectoryWatcher.FileHandler} of {@code produce --watch}. Items Kafka refuses for good (too
 * large, not serializable) are rejections too: on the dead-letter topic and reported, not copied to the reject folder,
 * as what they were read from is no longer at hand.
 */
public final class ProduceJob implements DirectoryWatcher.FileHandler {

    private final InputReader reader;
    private final WirePublisher publisher;
    private final ProgressListener progress;
    private final RejectFolder rejectFolder;
    private final Consumer<Rejection> onRejection;

    /** A job that reports no progress, keeps no reject folder and reports no rejections. */
    public ProduceJob(final InputReader reader, final WirePublisher publisher) {
        this(reader, publisher, ProgressListener.NONE, null);
    }

    /**
     * A job that reports no rejections one by one.
     *
     * @param rejectFolder where rejected files and lines are copied, or null for the dead-letter topic only
     */
    public ProduceJob(final InputReader reader, final WirePublisher publisher, final ProgressListener progress,
                      final RejectFolder rejectFolder) {
        this(reader, publisher, progress, rejectFolder, rejection -> {
        });
    }

    /**
     * @param rejectFolder where rejected files and lines are copied, or null for the dead-letter topic only
     * @param onRejection  called once per rejected file, line or refused item, on the reading thread, once the
     *                     rejection was handed to the dead-letter topic (and copied to the reject folder)
     */
    public ProduceJob(final InputReader reader, final WirePublisher publisher, final ProgressListener progress,
                      final RejectFolder rejectFolder, final Consumer<Rejection> onRejection) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.rejectFolder = rejectFolder;
        this.onRejection = Objects.requireNonNull(onRejection, "onRejection");
    }

    /** Publishes every input under {@code inputs}, waits for Kafka's answers, and sums up. */
    public PublishSummary run(final List<Path> inputs) {
        final List<String> skipped = reader.readAll(inputs, new PublishingSink(true, new SendTally(onRejection)),
            progress);
        return publisher.flush().withSkipped(skipped);
    }

    /** Publishes a stream (standard input) of the given format, waits for Kafka's answers, and sums up. */
    public PublishSummary run(final String name, final InputFormat format, final InputStream in) throws IOException {
        reader.read(name, format, in, new PublishingSink(true, new SendTally(onRejection)));
        return publisher.flush();
    }

    /**
     * Publishes one file of the watch folder and waits for Kafka's answers: published when Kafka took everything;
     * rejected when the file cannot be used or Kafka refused some of its records for good (the watcher moves it to
     * rejected/, so it is not copied here); retry when Kafka did not take every record but may at a later try.
     */
    @Override
    public FileOutcome handle(final Path file) {
        final SendTally sends = new SendTally(onRejection);
        final FileResult result = reader.read(file, new PublishingSink(false, sends));
        publisher.flush();
        if (result.rejected()) {
            return FileOutcome.rejected(result.rejection().message());
        }
        if (sends.refusedForGood()) {
            return FileOutcome.rejected(refusedReason(sends));
        }
        if (sends.retriableFailures() > 0) {
            return FileOutcome.retry(sends.retriableFailures() + " records not published; last known failure: "
                + sends.lastRetriableFailure());
        }
        return FileOutcome.published();
    }

    /** Why a file whose records Kafka refused goes to rejected/, and what of it was published all the same. */
    private static String refusedReason(final SendTally sends) {
        final long refused = sends.itemsRefused() + sends.permanentFailures();
        final List<String> refusals = sends.refusals();
        final StringBuilder reason = new StringBuilder("Kafka refused ").append(refused)
            .append(refused == 1 ? " record" : " records").append(" of this file for good (trying again cannot help): ")
            .append(String.join("; ", refusals));
        if (refused > refusals.size()) {
            reason.append("; and ").append(refused - refusals.size()).append(" more");
        }
        if (sends.retriableFailures() > 0) {
            reason.append(". Another ").append(sends.retriableFailures())
                .append(" records were not published for now; last known failure: ")
                .append(sends.lastRetriableFailure());
        }
        final long published = sends.itemsPublished();
        reason.append(". The ").append(published).append(published == 1 ? " item" : " items")
            .append(" of this file that Kafka took stay published; fix what was refused and drop only that back in");
        return reason.toString();
    }

    /**
     * Publishes items and rejections, following what Kafka answers in {@code sends}; copies rejections to the reject
     * folder when there is one, then reports them.
     */
    private final class PublishingSink implements ItemSink {

        private final boolean copyRejectedFiles;
        private final SendTally sends;

        PublishingSink(final boolean copyRejectedFiles, final SendTally sends) {
            this.copyRejectedFiles = copyRejectedFiles;
            this.sends = sends;
        }

        @Override
        public void item(final WireItem item) {
            publisher.publish(item, sends);
        }

        @Override
        public void rejected(final Rejection rejection) {
            publisher.reject(rejection, sends);
            if (rejectFolder != null && (copyRejectedFiles || !rejection.wholeFile())) {
                try {
                    rejectFolder.add(rejection);
                } catch (final IOException e) {
                    throw new UncheckedIOException("cannot keep the rejected " + rejection.origin() + " in "
                        + rejectFolder.folder() + ": " + e.getMessage() + "; check that the folder is writable", e);
                }
            }
            onRejection.accept(rejection);
        }

        @Override
        public void fileDone(final FileResult result) {
            if (!result.rejected()) {
                publisher.countFileRead();
            }
        }
    }
}

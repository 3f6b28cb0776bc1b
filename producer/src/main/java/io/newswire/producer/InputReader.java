package io.newswire.producer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

import io.newswire.producer.parse.JsonlParser;
import io.newswire.producer.parse.ParseException;
import io.newswire.producer.parse.TranscriptParser;
import io.newswire.producer.source.InputFormat;
import io.newswire.producer.source.InputScanner;
import io.newswire.producer.source.JsonlFile;
import io.newswire.producer.source.ProgressListener;
import io.newswire.producer.source.RejectReason;
import io.newswire.producer.source.Rejection;
import io.newswire.producer.source.ScannedFile;
import io.newswire.schema.WireItem;

/**
 * Reads inputs into wire items without Kafka: input paths (or a stream), output each item and each rejected file or
 * line to an {@link ItemSink}. Lists and decodes with {@link InputScanner}, parses .txt with {@link TranscriptParser}
 * and .jsonl with {@link JsonlParser}. A bad file or line never stops the others.
 */
public final class InputReader {

    private final InputScanner scanner;
    private final TranscriptParser transcripts;
    private final JsonlParser jsonl;

    public InputReader(final InputScanner scanner, final TranscriptParser transcripts, final JsonlParser jsonl) {
        this.scanner = Objects.requireNonNull(scanner, "scanner");
        this.transcripts = Objects.requireNonNull(transcripts, "transcripts");
        this.jsonl = Objects.requireNonNull(jsonl, "jsonl");
    }

    /** A reader with the default size limit, stamping items with {@code clock}. */
    public static InputReader create(final Clock clock) {
        return new InputReader(new InputScanner(), new TranscriptParser(clock), new JsonlParser(clock));
    }

    /**
     * Reads every input file under {@code inputs} in order; inputs that cannot be listed (missing paths, files of
     * another type named explicitly) are rejected first.
     *
     * @return the files skipped inside folders (neither .txt nor .jsonl), for the summary
     */
    public List<String> readAll(final List<Path> inputs, final ItemSink sink, final ProgressListener progress) {
        final InputScanner.Listing listing = scanner.list(inputs);
        final AtomicLong items = new AtomicLong();
        final AtomicLong rejects = new AtomicLong();
        listing.rejections().forEach(rejection -> {
            rejects.incrementAndGet();
            sink.rejected(rejection);
        });
        final int total = listing.files().size();
        progress.onProgress(new ProgressListener.Progress(0, total, 0, rejects.get(), null));
        int done = 0;
        for (final Path file : listing.files()) {
            final FileResult result = read(file, sink);
            items.addAndGet(result.items());
            rejects.addAndGet(result.rejectedLines() + (result.rejected() ? 1 : 0));
            done++;
            progress.onProgress(new ProgressListener.Progress(done, total, items.get(), rejects.get(), result.name()));
        }
        return listing.skipped();
    }

    /** Reads one input file. */
    public FileResult read(final Path file, final ItemSink sink) {
        return read(scanner.read(file), sink);
    }

    /** Reads a stream (standard input) in the given format, named {@code name} in items and rejections. */
    public FileResult read(final String name, final InputFormat format, final InputStream in, final ItemSink sink)
        throws IOException {
        return read(scanner.read(name, format, in), sink);
    }

    /** Reads one scanned input. */
    public FileResult read(final ScannedFile scanned, final ItemSink sink) {
        final FileResult result;
        if (scanned instanceof ScannedFile.RejectedFile rejected) {
            result = rejectFile(rejected.rejection(), sink);
        } else if (scanned instanceof ScannedFile.TextFile text) {
            result = readText(text, sink);
        } else {
            result = readJsonl((JsonlFile) scanned, sink);
        }
        sink.fileDone(result);
        return result;
    }

    private FileResult readText(final ScannedFile.TextFile text, final ItemSink sink) {
        try {
            final WireItem item = transcripts.parse(text.name(), text.text());
            sink.item(item);
            return new FileResult(text.name(), 1, 0, null);
        } catch (final ParseException e) {
            return rejectFile(fileRejection(text, e.reason(), e.getMessage(), text.bytes()), sink);
        }
    }

    private FileResult readJsonl(final JsonlFile file, final ItemSink sink) {
        final AtomicLong items = new AtomicLong();
        final AtomicLong rejected = new AtomicLong();
        final AtomicLong lastLine = new AtomicLong();
        final long lines;
        try {
            lines = file.forEachLine(line -> {
                lastLine.set(line.number());
                final Rejection rejection = line.rejection() != null ? line.rejection() : parse(file, line, sink);
                if (rejection == null) {
                    items.incrementAndGet();
                } else {
                    rejected.incrementAndGet();
                    sink.rejected(rejection);
                }
            });
        } catch (final IOException e) {
            // Items before the failure are handed over already; the rejection says where reading stopped.
            return rejectFile(fileRejection(file, RejectReason.UNREADABLE, "reading stopped after line "
                + lastLine.get() + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + "); lines up to there"
                + " were read", new byte[0]), sink, items.get(), rejected.get());
        }
        if (lines == 0) {
            return rejectFile(fileRejection(file, RejectReason.EMPTY, "the file holds only blank lines",
                new byte[0]), sink);
        }
        return new FileResult(file.name(), items.get(), rejected.get(), null);
    }

    /** Parses one line and hands the item to the sink; returns the rejection instead when it cannot be parsed. */
    private Rejection parse(final JsonlFile file, final JsonlFile.JsonlLine line, final ItemSink sink) {
        try {
            sink.item(jsonl.parseLine(file.name(), line.number(), line.text()));
            return null;
        } catch (final ParseException e) {
            return Rejection.ofLine(file.name(), file.file(), line.number(), e.reason(), e.getMessage(), line.bytes());
        }
    }

    private static FileResult rejectFile(final Rejection rejection, final ItemSink sink) {
        return rejectFile(rejection, sink, 0, 0);
    }

    private static FileResult rejectFile(final Rejection rejection, final ItemSink sink, final long items,
                                         final long rejectedLines) {
        sink.rejected(rejection);
        return new FileResult(rejection.origin(), items, rejectedLines, rejection);
    }

    private static Rejection fileRejection(final ScannedFile input, final RejectReason reason, final String message,
                                           final byte[] original) {
        return input.file() != null
            ? Rejection.ofFile(input.file(), reason, message, original)
            : new Rejection(input.name(), reason, message, original, null, 0);
    }
}

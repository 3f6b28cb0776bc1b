package io.newswire.app.pipeline;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.kafka.common.record.internal.ControlRecordType;
import org.apache.kafka.common.record.internal.FileLogInputStream;
import org.apache.kafka.common.record.internal.FileRecords;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.utils.internals.CloseableIterator;

/**
 * What the broker's own log says about transactions in one partition: which offsets belong to aborted transactions,
 * how many abort markers there are, and which transactional writes have no marker yet. Read from the segment files
 * of a broker whose log directory is at hand (the embedded one), with Kafka's record classes, as its
 * {@code DumpLogSegments} tool does: consumers never see producer ids or markers, so this is the only way to tell
 * whether a read_committed consumer was shown a record of an aborted transaction.
 *
 * <p>Kafka keeps these classes in an internal package; they are read-only here, and a change there fails the fault
 * tests at compile time rather than silently.
 */
public final class TransactionMarkers {

    /** Offsets [first, last] written by one producer in one transaction. */
    public record Range(long first, long last) {

        boolean contains(final long offset) {
            return offset >= first && offset <= last;
        }
    }

    /** An abort marker: producer id and epoch (one transaction aborted, marked in each of its partitions). */
    public record Abort(long producerId, short epoch) {
    }

    private final List<Range> aborted = new ArrayList<>();
    private final Set<Abort> aborts = new HashSet<>();
    private final Map<Long, List<Range>> open = new HashMap<>();

    private TransactionMarkers() {
    }

    /**
     * Reads every segment of the partition folder {@code partitionDir} ({@code <log dir>/<topic>-<partition>}); a
     * partition with no folder has no transactions.
     */
    public static TransactionMarkers read(final Path partitionDir) {
        final TransactionMarkers markers = new TransactionMarkers();
        if (!Files.isDirectory(partitionDir)) {
            return markers;
        }
        final List<Path> segments;
        try (Stream<Path> files = Files.list(partitionDir)) {
            // Segment names are their base offsets, zero-padded: name order is log order.
            segments = files.filter(file -> file.getFileName().toString().endsWith(".log")).sorted().toList();
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot list the partition folder " + partitionDir, e);
        }
        segments.forEach(segment -> markers.readSegment(segment.toFile()));
        return markers;
    }

    private void readSegment(final File segment) {
        try (FileRecords records = FileRecords.open(segment, false)) {
            for (final FileLogInputStream.FileChannelRecordBatch batch : records.batches()) {
                if (!batch.isTransactional()) {
                    continue;
                }
                if (batch.isControlBatch()) {
                    end(batch.producerId(), batch.producerEpoch(), markerType(batch));
                } else {
                    open.computeIfAbsent(batch.producerId(), id -> new ArrayList<>())
                        .add(new Range(batch.baseOffset(), batch.lastOffset()));
                }
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read the log segment " + segment, e);
        }
    }

    private static ControlRecordType markerType(final FileLogInputStream.FileChannelRecordBatch batch) {
        try (CloseableIterator<Record> iterator = batch.streamingIterator(
                org.apache.kafka.common.utils.internals.BufferSupplier.NO_CACHING)) {
            return iterator.hasNext() ? ControlRecordType.parse(iterator.next().key()) : ControlRecordType.UNKNOWN;
        }
    }

    private void end(final long producerId, final short epoch, final ControlRecordType type) {
        final List<Range> written = open.remove(producerId);
        if (type == ControlRecordType.ABORT) {
            aborts.add(new Abort(producerId, epoch));
            if (written != null) {
                aborted.addAll(written);
            }
        }
    }

    /** Whether {@code offset} was written in a transaction that was aborted. */
    public boolean isAborted(final long offset) {
        return aborted.stream().anyMatch(range -> range.contains(offset));
    }

    /** Records written in aborted transactions. */
    public long abortedRecords() {
        return aborted.stream().mapToLong(range -> range.last() - range.first() + 1).sum();
    }

    /** The abort markers: one per aborted transaction that wrote to this partition. */
    public Set<Abort> aborts() {
        return Set.copyOf(aborts);
    }

    /** Transactional writes that have no marker yet (a transaction still open). */
    public boolean hasOpenTransaction() {
        return !open.isEmpty();
    }
}

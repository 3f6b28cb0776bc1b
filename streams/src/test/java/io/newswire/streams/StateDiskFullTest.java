package io.newswire.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;

import org.apache.kafka.streams.errors.ProcessorStateException;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;
import org.rocksdb.RocksDBException;
import org.rocksdb.Status;

class StateDiskFullTest {

    private static final String STATE_DIR = "/srv/newswire/state";

    @Test
    void shouldRecogniseRocksDbNoSpaceWrappedAsKafkaStreamsReportsIt() {
        // As a stream thread dies on it: the processing handler's failure around the store's around RocksDB's.
        final RocksDBException rocks = new RocksDBException("While appending to file: " + STATE_DIR
            + "/app/1_0/rocksdb/dedup-pending/000012.sst: No space left on device",
            new Status(Status.Code.IOError, Status.SubCode.NoSpace, "No space left on device"));
        final Throwable error = new StreamsException("Exception caught in process",
            new ProcessorStateException("Error while removing key from store dedup-pending", rocks));

        assertThat(StateDiskFull.isCause(error)).isTrue();
    }

    @Test
    void shouldRecogniseNoSpaceByRocksDbStatusEvenWithAnotherMessage() {
        final RocksDBException rocks = new RocksDBException("IO error",
            new Status(Status.Code.IOError, Status.SubCode.NoSpace, null));

        assertThat(StateDiskFull.isCause(new ProcessorStateException("Error while putting key", rocks))).isTrue();
    }

    @Test
    void shouldRecogniseAFailedCheckpointWrite() {
        final IOException io = new FileSystemException(STATE_DIR + "/app/0_1/.checkpoint.tmp", null,
            "No space left on device");

        assertThat(StateDiskFull.isCause(new ProcessorStateException("Error while writing checkpoint file",
            new UncheckedIOException(io)))).isTrue();
    }

    @Test
    void shouldRecogniseItAmongSuppressedExceptions() {
        final StreamsException closing = new StreamsException("Failed to close task 1_0");
        closing.addSuppressed(new IOException("No space left on device"));

        assertThat(StateDiskFull.isCause(closing)).isTrue();
    }

    @Test
    void shouldNotMistakeOtherStateFailuresForAFullDisk() {
        final RocksDBException corrupt = new RocksDBException("Corruption: block checksum mismatch",
            new Status(Status.Code.Corruption, Status.SubCode.None, null));

        assertThat(StateDiskFull.isCause(new ProcessorStateException("Error while getting value", corrupt))).isFalse();
        assertThat(StateDiskFull.isCause(new IOException("Permission denied"))).isFalse();
        assertThat(StateDiskFull.isCause(new IllegalStateException((String) null))).isFalse();
    }

    @Test
    void shouldStopOnACauseChainThatLoops() {
        final IllegalStateException first = new IllegalStateException("first");
        final IllegalArgumentException second = new IllegalArgumentException("second", first);
        first.initCause(second);

        assertThat(StateDiskFull.isCause(first)).isFalse();
    }

    @Test
    void shouldSayInOneLineWhichDirectoryIsFullAndWhatToDo() {
        final String message = StateDiskFull.explain(new IOException("No space left on device"), STATE_DIR)
            .orElseThrow();

        assertThat(message).doesNotContain("\n").contains("the state directory " + STATE_DIR + " is full",
            "No space left on device", "free space there or set state.dir to a larger disk",
            "then restart newswire streams", "nothing of the unfinished transaction was committed");
        assertThat(StateDiskFull.explain(new IOException("Permission denied"), STATE_DIR)).isEmpty();
    }
}

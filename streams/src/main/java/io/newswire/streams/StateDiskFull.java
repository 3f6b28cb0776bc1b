package io.newswire.streams;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.rocksdb.RocksDBException;
import org.rocksdb.Status;

/**
 * Recognises a full state directory in a failure's cause chain and says, in one line, what the operator can do. Kafka
 * Streams reports it several layers deep (a {@code StreamsException} around a {@code ProcessorStateException} around
 * RocksDB's {@code IOError}/{@code NoSpace}, or an {@code IOException} of a checkpoint file), so without this the
 * only sign is a stack trace.
 */
public final class StateDiskFull {

    /** What the kernel says for ENOSPC, and what RocksDB and the JDK copy into their messages. */
    static final String NO_SPACE = "No space left on device";

    private StateDiskFull() {
    }

    /** Whether {@code error} or one of its causes (or suppressed exceptions) is the disk running out of space. */
    public static boolean isCause(final Throwable error) {
        return find(error, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /** The one line to log and print when {@code error} is a full disk under {@code stateDir}. */
    public static Optional<String> explain(final Throwable error, final String stateDir) {
        return isCause(error) ? Optional.of(message(stateDir)) : Optional.empty();
    }

    static String message(final String stateDir) {
        return "the state directory " + stateDir + " is full (" + NO_SPACE + "): free space there or set state.dir "
            + "to a larger disk, then restart newswire streams; nothing of the unfinished transaction was committed";
    }

    private static boolean find(final Throwable error, final Set<Throwable> seen) {
        // A cause chain can loop (an exception set as its own cause's cause); each one is looked at once.
        if (error == null || !seen.add(error)) {
            return false;
        }
        if (isNoSpace(error)) {
            return true;
        }
        for (final Throwable suppressed : error.getSuppressed()) {
            if (find(suppressed, seen)) {
                return true;
            }
        }
        return find(error.getCause(), seen);
    }

    private static boolean isNoSpace(final Throwable error) {
        if (error instanceof RocksDBException rocks && rocks.getStatus() != null
            && rocks.getStatus().getSubCode() == Status.SubCode.NoSpace) {
            return true;
        }
        final String message = error.getMessage();
        return message != null && message.toLowerCase(Locale.ROOT).contains(NO_SPACE.toLowerCase(Locale.ROOT));
    }
}

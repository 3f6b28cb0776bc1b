package io.newswire.broker;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Run in a child JVM by {@link EmbeddedKafkaBrokerTest}: takes the lock Kafka takes on a storage directory, as a
 * broker of another process would, prints {@link #LOCKED}, and holds the lock until its standard input closes.
 */
public final class StorageLockHolder {

    static final String LOCKED = "locked";

    private StorageLockHolder() {
    }

    public static void main(final String[] args) throws IOException {
        final Path lockFile = Path.of(args[0]).resolve(".lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            // The lock lasts as long as the channel, which stays open until the loop below ends.
            final FileLock lock = channel.lock();
            System.out.println(lock.isValid() ? LOCKED : "not locked");
            System.out.flush();
            // Blocks until the parent destroys this process or closes the pipe; the lock dies with the process.
            while (System.in.read() != -1) {
                continue;
            }
        }
    }
}

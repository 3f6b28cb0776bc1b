package io.newswire.app.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The size of a Kafka Streams application's local state, per store: the files under
 * {@code <state.dir>/<application.id>/<task>/}, a store being the folder {@code <store>} or {@code rocksdb/<store>}
 * of a task (RocksDB's own files — LOG, OPTIONS, MANIFEST — included). Files of the tasks and the application
 * themselves (checkpoints, locks, process metadata) are counted under {@link #OTHER}. Measure after the instance
 * was closed, so that RocksDB has flushed what it held in memory.
 */
final class StateFootprint {

    /** The name under which files that belong to no store are counted. */
    static final String OTHER = "(checkpoints and metadata)";

    private StateFootprint() {
    }

    /** Store name → bytes on disk, summed over tasks; empty when the application has no state folder. */
    static Map<String, Long> measure(final Path stateDir, final String applicationId) {
        final Path appDir = stateDir.resolve(applicationId);
        final Map<String, Long> bytes = new TreeMap<>();
        if (!Files.isDirectory(appDir)) {
            return bytes;
        }
        try (Stream<Path> files = Files.walk(appDir)) {
            files.filter(Files::isRegularFile).forEach(file -> bytes.merge(storeOf(appDir.relativize(file)),
                sizeOf(file), Long::sum));
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot measure the state folder " + appDir + ": " + e.getMessage(), e);
        }
        return bytes;
    }

    /** {@code 0_1/dedup-bands/dedup-bands.1700000/000012.sst} → dedup-bands; {@code 0_1/rocksdb/s/…} → s. */
    private static String storeOf(final Path relative) {
        if (relative.getNameCount() <= 2) {
            return OTHER;
        }
        final String first = relative.getName(1).toString();
        if ("rocksdb".equals(first) && relative.getNameCount() > 3) {
            return relative.getName(2).toString();
        }
        return first;
    }

    private static long sizeOf(final Path file) {
        try {
            return Files.size(file);
        } catch (final IOException e) {
            return 0; // a file RocksDB removed while walking is not part of the state
        }
    }
}

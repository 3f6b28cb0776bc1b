package io.newswire.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import io.newswire.app.Console;
import io.newswire.app.Settings;
import io.newswire.app.pipeline.KafkaTarget;

/**
 * The Kafka and the local folders of a {@code run} or {@code demo}: an embedded broker unless bootstrap servers are
 * configured, and a Streams state folder — under {@code --data} when given (kept), else temporary (removed).
 */
final class LocalSession implements AutoCloseable {

    private final KafkaTarget kafka;
    private final Path stateDir;
    private final boolean temporaryState;

    private LocalSession(final KafkaTarget kafka, final Path stateDir, final boolean temporaryState) {
        this.kafka = kafka;
        this.stateDir = stateDir;
        this.temporaryState = temporaryState;
    }

    static LocalSession open(final Settings settings, final Path dataDir, final boolean forceEmbedded,
                             final Console console) {
        final String servers = settings.bootstrapServers();
        final KafkaTarget target = servers != null && !forceEmbedded ? KafkaTarget.external(servers)
            : KafkaTarget.embedded(dataDir == null ? null : dataDir.resolve("kafka"), 0, console);
        try {
            final Path state = dataDir == null ? Files.createTempDirectory("newswire-state-")
                : Files.createDirectories(dataDir.resolve("streams"));
            return new LocalSession(target, state, dataDir == null);
        } catch (final IOException | RuntimeException e) {
            target.close();
            throw new UncheckedIOException("cannot create the streams state folder under "
                + (dataDir == null ? System.getProperty("java.io.tmpdir") : dataDir) + ": " + e.getMessage()
                + "; check that it is writable", e instanceof IOException ? (IOException) e : new IOException(e));
        }
    }

    KafkaTarget kafka() {
        return kafka;
    }

    Path stateDir() {
        return stateDir;
    }

    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            if (temporaryState) {
                deleteQuietly(stateDir);
            }
        }
    }

    private static void deleteQuietly(final Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (final IOException e) {
            // A leftover temporary folder is harmless; the OS cleans its temp folder.
        }
    }
}

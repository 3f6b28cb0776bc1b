package io.newswire.producer.source;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A folder where rejected inputs are kept for people to fix: input rejections, output copies of the rejected files
 * (or, for .jsonl, the rejected lines, which form a .jsonl to fix and drop back in) with a {@code <name>.reason.txt}
 * beside each saying what was wrong. It copies and never deletes user input; only {@link #moveIn}, for the watch
 * folder that hands files over to the producer, moves.
 */
public final class RejectFolder {

    private static final String REASON_SUFFIX = ".reason.txt";

    private final Path folder;
    /** Where this run's rejected lines of each input go, so lines of one file land in one file. */
    private final Map<String, Path> lineTargets = new HashMap<>();

    public RejectFolder(final Path folder) {
        this.folder = Objects.requireNonNull(folder, "folder");
    }

    /** The folder. */
    public Path folder() {
        return folder;
    }

    /**
     * Keeps {@code rejection}: a rejected file is copied (or its original bytes written, when it was no file), a
     * rejected line is appended to a file of the same name; its reason is written or appended beside it.
     *
     * @return the copy (or the file of rejected lines)
     */
    public synchronized Path add(final Rejection rejection) throws IOException {
        Files.createDirectories(folder);
        final String name = rejection.file() != null ? rejection.file().getFileName().toString() : baseName(rejection);
        if (rejection.wholeFile()) {
            final Path target = freeName(name);
            if (rejection.file() != null && Files.isRegularFile(rejection.file())) {
                Files.copy(rejection.file(), target, StandardCopyOption.COPY_ATTRIBUTES);
            } else {
                Files.write(target, rejection.original());
            }
            writeReason(target, rejection.describe() + System.lineSeparator());
            return target;
        }
        final Path target = lineTargets.computeIfAbsent(name, this::freeName);
        final byte[] line = rejection.original();
        final byte[] withBreak = Arrays.copyOf(line, line.length + 1);
        withBreak[line.length] = '\n';
        Files.write(target, withBreak, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Files.writeString(reasonFile(target), rejection.describe() + System.lineSeparator(), StandardCharsets.UTF_8,
            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return target;
    }

    /**
     * Moves {@code file} into the folder with its reason beside it. For the watch folder only, whose files were handed
     * over to the producer when they were dropped there.
     *
     * @return where the file is now
     */
    public synchronized Path moveIn(final Path file, final String reason) throws IOException {
        Files.createDirectories(folder);
        final Path target = freeName(file.getFileName().toString());
        move(file, target);
        writeReason(target, file.getFileName() + ": " + reason + System.lineSeparator());
        return target;
    }

    private void writeReason(final Path target, final String text) throws IOException {
        Files.writeString(reasonFile(target), text, StandardCharsets.UTF_8);
    }

    private static Path reasonFile(final Path target) {
        return target.resolveSibling(target.getFileName() + REASON_SUFFIX);
    }

    private Path freeName(final String name) {
        return freeName(folder, name);
    }

    /** {@code folder/name}, or {@code stem-2.ext}, {@code stem-3.ext}… when an earlier run left one of that name. */
    static Path freeName(final Path folder, final String name) {
        Path candidate = folder.resolve(name);
        final int dot = name.lastIndexOf('.');
        final String stem = dot > 0 ? name.substring(0, dot) : name;
        final String extension = dot > 0 ? name.substring(dot) : "";
        for (int copy = 2; Files.exists(candidate) || Files.exists(reasonFile(candidate)); copy++) {
            candidate = folder.resolve(stem + "-" + copy + extension);
        }
        return candidate;
    }

    /** Inputs that were no file (stdin) are named by their origin, without the ":line" of a rejected line. */
    private static String baseName(final Rejection rejection) {
        final String origin = rejection.origin();
        final int colon = origin.lastIndexOf(':');
        return rejection.wholeFile() || colon < 0 ? origin : origin.substring(0, colon);
    }

    /** Moves atomically where the file system can (a rename); mounted volumes may only copy and delete. */
    static void move(final Path source, final Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (final AtomicMoveNotSupportedException e) {
            Files.move(source, target);
        }
    }
}

package io.newswire.producer.source;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds and reads the producer's inputs: input paths (files, and folders walked recursively in sorted order), output
 * each usable file decoded (.txt) or ready to stream line by line (.jsonl), and each unusable one (missing, empty,
 * binary, not UTF-8, over the size limit) as a {@link Rejection} that names the file and the reason.
 *
 * <p>Inside folders, files that are neither .txt nor .jsonl (a README, a .DS_Store) and hidden files are skipped with
 * a note; a file of another type named explicitly is rejected, since the user asked for it.
 *
 * <p>The size limit applies to one item: a whole .txt file, or one .jsonl line. A .jsonl file streams, so a large
 * export (the 17 MB development corpus) goes through while a runaway line does not.
 */
public final class InputScanner {

    /** Default limit of one item's size: a .txt file or a .jsonl line. */
    public static final long DEFAULT_MAX_ITEM_BYTES = io.newswire.schema.config.Limits.MAX_ITEM_BYTES;
    /** A rejection of an oversized input keeps this many of its first bytes, enough to see what it was. */
    static final int SAMPLE_BYTES = 256 * 1024;
    /** Enough of a .jsonl file to see a byte order mark or binary data before streaming it. */
    private static final int HEAD_BYTES = 8 * 1024;

    /** The files found for a list of inputs, the inputs that cannot be used, and the files skipped. */
    public record Listing(List<Path> files, List<Rejection> rejections, List<String> skipped) {

        public Listing {
            files = List.copyOf(files);
            rejections = List.copyOf(rejections);
            skipped = List.copyOf(skipped);
        }
    }

    private final long maxItemBytes;

    /** A scanner with the default item size limit ({@link #DEFAULT_MAX_ITEM_BYTES}, 4 MiB). */
    public InputScanner() {
        this(DEFAULT_MAX_ITEM_BYTES);
    }

    /** A scanner that rejects .txt files and .jsonl lines over {@code maxItemBytes}. */
    public InputScanner(final long maxItemBytes) {
        if (maxItemBytes <= 0) {
            throw new IllegalArgumentException("maxItemBytes must be positive, was " + maxItemBytes);
        }
        this.maxItemBytes = maxItemBytes;
    }

    /** The input files named by {@code inputs}: files as given, folders walked; each file once. */
    public Listing list(final List<Path> inputs) {
        final List<Path> files = new ArrayList<>();
        final List<Rejection> rejections = new ArrayList<>();
        final List<String> skipped = new ArrayList<>();
        final Set<Path> seen = new HashSet<>();
        for (final Path input : inputs) {
            if (Files.isDirectory(input)) {
                walk(input, files, rejections, skipped, seen);
            } else if (!Files.exists(input)) {
                rejections.add(Rejection.ofFile(input, RejectReason.NOT_FOUND,
                    "no such file or folder (" + input + "); check the path", new byte[0]));
            } else if (InputFormat.of(input).isEmpty()) {
                rejections.add(unsupported(input));
            } else if (seen.add(input.toAbsolutePath().normalize())) {
                files.add(input);
            }
        }
        return new Listing(files, rejections, skipped);
    }

    /** One input file, decoded (.txt), ready to stream (.jsonl), or rejected. */
    public ScannedFile read(final Path file) {
        final Optional<InputFormat> format = InputFormat.of(file);
        if (format.isEmpty()) {
            return new ScannedFile.RejectedFile(unsupported(file));
        }
        try {
            final long size = Files.size(file);
            return format.get() == InputFormat.TXT ? readText(file, size) : openJsonl(file);
        } catch (final IOException e) {
            return new ScannedFile.RejectedFile(Rejection.ofFile(file, RejectReason.UNREADABLE,
                "cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + "); check that it exists"
                    + " and is readable", new byte[0]));
        }
    }

    /**
     * An input that is a stream rather than a file (standard input). A .jsonl stream is read once, line by line;
     * the stream is not closed, it belongs to the caller.
     *
     * @param name how items and rejections name the input, e.g. "stdin"
     */
    public ScannedFile read(final String name, final InputFormat format, final InputStream in) throws IOException {
        Objects.requireNonNull(in, "in");
        if (format == InputFormat.JSONL) {
            return new JsonlFile(name, null, () -> new FilterInputStream(in) {
                @Override
                public void close() {
                    // the caller owns the stream (System.in): reading it to the end is all this input does
                }
            }, maxItemBytes, SAMPLE_BYTES);
        }
        final byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxItemBytes + 1));
        if (bytes.length > maxItemBytes) {
            return rejected(name, null, RejectReason.TOO_LARGE, "over the limit of " + Sizes.describe(maxItemBytes)
                + " for one item; split the item or raise the limit", head(bytes, SAMPLE_BYTES));
        }
        return decoded(name, null, bytes);
    }

    private ScannedFile readText(final Path file, final long size) throws IOException {
        if (size > maxItemBytes) {
            return rejected(file, RejectReason.TOO_LARGE, "the file is " + Sizes.describe(size) + ", over the limit of "
                + Sizes.describe(maxItemBytes) + " for one item; split it or raise the limit (the dead letter keeps"
                + " its first " + Sizes.describe(Math.min(size, SAMPLE_BYTES)) + ")", readHead(file, SAMPLE_BYTES));
        }
        return decoded(file.getFileName().toString(), file, Files.readAllBytes(file));
    }

    private static ScannedFile decoded(final String name, final Path file, final byte[] bytes) {
        final TextDecoder.Decoded decoded = TextDecoder.decodeFile(bytes);
        if (!decoded.ok()) {
            return rejected(name, file, decoded.reason(), decoded.message(), bytes);
        }
        return new ScannedFile.TextFile(name, file, decoded.text(), bytes);
    }

    private ScannedFile openJsonl(final Path file) throws IOException {
        final byte[] head = readHead(file, HEAD_BYTES);
        final TextDecoder.Decoded checked = TextDecoder.checkJsonlHead(head);
        if (!checked.ok()) {
            return rejected(file, checked.reason(), checked.message(), readHead(file, SAMPLE_BYTES));
        }
        return new JsonlFile(file.getFileName().toString(), file, () -> Files.newInputStream(file), maxItemBytes,
            SAMPLE_BYTES);
    }

    private static void walk(final Path folder, final List<Path> files, final List<Rejection> rejections,
                             final List<String> skipped, final Set<Path> seen) {
        final List<Path> found;
        try (Stream<Path> paths = Files.walk(folder)) {
            found = paths.filter(Files::isRegularFile).filter(path -> !hidden(folder.relativize(path))).sorted().toList();
        } catch (final IOException | RuntimeException e) {
            rejections.add(Rejection.ofFile(folder, RejectReason.UNREADABLE, "the folder cannot be read ("
                + e.getClass().getSimpleName() + ": " + e.getMessage() + "); check its permissions", new byte[0]));
            return;
        }
        for (final Path path : found) {
            if (InputFormat.of(path).isEmpty()) {
                skipped.add(path + ": skipped, neither .txt nor .jsonl");
            } else if (seen.add(path.toAbsolutePath().normalize())) {
                files.add(path);
            }
        }
    }

    /** Hidden files and folders (".git", ".DS_Store", editors' swap files) are never inputs. */
    private static boolean hidden(final Path relative) {
        for (final Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static Rejection unsupported(final Path file) {
        return Rejection.ofFile(file, RejectReason.UNSUPPORTED_TYPE,
            "not a .txt or .jsonl file; rename it if it holds one of those formats", readHeadQuietly(file));
    }

    private static ScannedFile rejected(final Path file, final RejectReason reason, final String message,
                                        final byte[] original) {
        return new ScannedFile.RejectedFile(Rejection.ofFile(file, reason, message, original));
    }

    private static ScannedFile rejected(final String name, final Path file, final RejectReason reason,
                                        final String message, final byte[] original) {
        return new ScannedFile.RejectedFile(file == null
            ? new Rejection(name, reason, message, original, null, 0)
            : Rejection.ofFile(file, reason, message, original));
    }

    private static byte[] readHead(final Path file, final int limit) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(limit);
        }
    }

    /** The head of a file being rejected anyway: when even that cannot be read, the rejection goes out without it. */
    private static byte[] readHeadQuietly(final Path file) {
        try {
            return readHead(file, SAMPLE_BYTES);
        } catch (final IOException e) {
            return new byte[0];
        }
    }

    private static byte[] head(final byte[] bytes, final int limit) {
        return bytes.length <= limit ? bytes : Arrays.copyOf(bytes, limit);
    }
}

package io.newswire.producer.source;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * An input file or .jsonl line that could not be made into a wire item: where it came from, why, and its original
 * bytes, so it can be published to the dead-letter topic and copied to a reject folder for the user to fix.
 *
 * @param origin   the file name, or {@code name:line} for a .jsonl line (the same form as WireItem.origin)
 * @param reason   the category, for counting
 * @param message  what was wrong and what the user can do, without the origin
 * @param original the bytes as read (for oversized files, the first bytes only; the message says so)
 * @param file     the input file, or null when the input was not a file (stdin)
 * @param line     the 1-based line number for a rejected .jsonl line; 0 when the whole file was rejected
 */
public record Rejection(String origin, RejectReason reason, String message, byte[] original, Path file, long line) {

    public Rejection {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
        original = original == null ? new byte[0] : original.clone();
    }

    /** A whole file rejected. */
    public static Rejection ofFile(final Path file, final RejectReason reason, final String message,
                                   final byte[] original) {
        return new Rejection(file.getFileName().toString(), reason, message, original, file, 0);
    }

    /** One line of a .jsonl input rejected; the rest of the file goes on. */
    public static Rejection ofLine(final String fileName, final Path file, final long line, final RejectReason reason,
                                   final String message, final byte[] original) {
        return new Rejection(fileName + ":" + line, reason, message, original, file, line);
    }

    /** True when the whole file was rejected, false for a single .jsonl line. */
    public boolean wholeFile() {
        return line == 0;
    }

    /** The problem as people read it: {@code origin: message}. */
    public String describe() {
        return origin + ": " + message;
    }

    @Override
    public byte[] original() {
        return original.clone();
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof Rejection that
            && origin.equals(that.origin) && reason == that.reason && message.equals(that.message)
            && Arrays.equals(original, that.original) && Objects.equals(file, that.file) && line == that.line;
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, reason, message, Arrays.hashCode(original), file, line);
    }

    @Override
    public String toString() {
        return "Rejection[" + describe() + ", " + original.length + " bytes]";
    }
}

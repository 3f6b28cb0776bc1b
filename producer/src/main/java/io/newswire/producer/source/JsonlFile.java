package io.newswire.producer.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * A .jsonl input, read line by line so a file of any size streams through: input a stream of UTF-8 lines, output each
 * line decoded, or rejected (not UTF-8, over the size limit of one item) with the line's bytes. Blank lines are
 * skipped.
 */
public final class JsonlFile implements ScannedFile {

    /** Opens the input's bytes; called once per read. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    /** Receives the lines of a .jsonl input. */
    @FunctionalInterface
    public interface LineHandler {
        void line(JsonlLine line);
    }

    /**
     * One non-blank line: its text, or the rejection that says why it has none.
     *
     * @param number    1-based line number
     * @param bytes     the line as read (without its line break)
     * @param text      the decoded line, or null when rejected
     * @param rejection why the line cannot be used, or null
     */
    public record JsonlLine(long number, byte[] bytes, String text, Rejection rejection) {

        public JsonlLine {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    private final String name;
    private final Path file;
    private final Opener opener;
    private final long maxLineBytes;
    private final int keepBytes;

    JsonlFile(final String name, final Path file, final Opener opener, final long maxLineBytes, final int keepBytes) {
        this.name = Objects.requireNonNull(name, "name");
        this.file = file;
        this.opener = Objects.requireNonNull(opener, "opener");
        this.maxLineBytes = maxLineBytes;
        this.keepBytes = keepBytes;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Path file() {
        return file;
    }

    /**
     * Reads every line in order and hands each non-blank one to {@code handler}.
     *
     * @return the number of non-blank lines
     * @throws IOException when the input cannot be read; lines handed over until then stay handed over
     */
    public long forEachLine(final LineHandler handler) throws IOException {
        long lines = 0;
        try (InputStream in = opener.open()) {
            final LineReader reader = new LineReader(in, (int) Math.min(Integer.MAX_VALUE, Math.max(maxLineBytes, 0) + 1));
            for (LineReader.RawLine raw = reader.next(); raw != null; raw = reader.next()) {
                final JsonlLine line = decode(raw);
                if (line != null) {
                    lines++;
                    handler.line(line);
                }
            }
        }
        return lines;
    }

    private JsonlLine decode(final LineReader.RawLine raw) {
        if (raw.length() > maxLineBytes) {
            final byte[] sample = Arrays.copyOf(raw.bytes(), Math.min(raw.bytes().length, keepBytes));
            return rejected(raw, sample, RejectReason.TOO_LARGE, "the line is " + Sizes.describe(raw.length())
                + ", over the limit of " + Sizes.describe(maxLineBytes) + " for one item; split the item or raise the"
                + " limit (the dead letter keeps the first " + Sizes.describe(sample.length) + ")");
        }
        final TextDecoder.Decoded decoded = TextDecoder.decodeLine(raw.bytes(), raw.number() == 1);
        if (!decoded.ok()) {
            return rejected(raw, raw.bytes(), decoded.reason(), decoded.message());
        }
        return decoded.text().isBlank() ? null : new JsonlLine(raw.number(), raw.bytes(), decoded.text(), null);
    }

    private JsonlLine rejected(final LineReader.RawLine raw, final byte[] original, final RejectReason reason,
                               final String message) {
        return new JsonlLine(raw.number(), original, null,
            Rejection.ofLine(name, file, raw.number(), reason, message, original));
    }
}

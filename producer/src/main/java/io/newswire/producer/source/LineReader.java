package io.newswire.producer.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines without decoding it: input a stream, output each line's bytes (without its line
 * break). A line over the limit keeps only its first bytes, so one huge line cannot exhaust memory.
 */
final class LineReader {

    /**
     * One line as read.
     *
     * @param bytes  the line's first bytes, up to the reader's limit
     * @param length the line's whole length in bytes
     */
    record RawLine(long number, byte[] bytes, long length) {
    }

    private static final int CHUNK = 64 * 1024;

    private final InputStream in;
    private final int keepBytes;
    private final byte[] chunk = new byte[CHUNK];
    private int chunkLength;
    private int chunkPosition;
    private long lineNumber;
    private boolean ended;

    /** A reader that keeps at most {@code keepBytes} of each line. */
    LineReader(final InputStream in, final int keepBytes) {
        this.in = in;
        this.keepBytes = keepBytes;
    }

    /** The next line, or null at the end of the stream. */
    RawLine next() throws IOException {
        if (ended) {
            return null;
        }
        final ByteArrayOutputStream line = new ByteArrayOutputStream();
        long length = 0;
        while (true) {
            if (chunkPosition == chunkLength && !fill()) {
                ended = true;
                return length == 0 ? null : finish(line, length);
            }
            final int start = chunkPosition;
            while (chunkPosition < chunkLength && chunk[chunkPosition] != '\n') {
                chunkPosition++;
            }
            final int count = chunkPosition - start;
            final int kept = Math.min(count, Math.max(0, keepBytes - line.size()));
            line.write(chunk, start, kept);
            length += count;
            if (chunkPosition < chunkLength) {
                chunkPosition++;
                return finish(line, length);
            }
        }
    }

    private boolean fill() throws IOException {
        final int read = in.read(chunk);
        chunkLength = Math.max(read, 0);
        chunkPosition = 0;
        return read > 0;
    }

    /** Windows line ends are CR LF: the CR belongs to the line break, not the line. */
    private RawLine finish(final ByteArrayOutputStream line, final long length) {
        lineNumber++;
        byte[] bytes = line.toByteArray();
        long total = length;
        if (total == bytes.length && bytes.length > 0 && bytes[bytes.length - 1] == '\r') {
            bytes = Arrays.copyOf(bytes, bytes.length - 1);
            total--;
        }
        return new RawLine(lineNumber, bytes, total);
    }
}

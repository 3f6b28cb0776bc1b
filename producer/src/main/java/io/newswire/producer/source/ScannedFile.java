package io.newswire.producer.source;

import java.nio.file.Path;

/**
 * One input as the scanner found it: a decoded .txt file, a .jsonl file to be read line by line, or a file rejected
 * with its reason.
 */
public sealed interface ScannedFile permits ScannedFile.TextFile, JsonlFile, ScannedFile.RejectedFile {

    /** The input's name as items and rejections report it (the file name, or e.g. "stdin"). */
    String name();

    /** The input file, or null when the input was a stream. */
    Path file();

    /** A .txt file, decoded. */
    record TextFile(String name, Path file, String text, byte[] bytes) implements ScannedFile {

        public TextFile {
            bytes = bytes.clone();
        }

        /** The bytes as read, for a dead letter when the text cannot be parsed. */
        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    /** A file that cannot be used, and why. */
    record RejectedFile(Rejection rejection) implements ScannedFile {

        @Override
        public String name() {
            return rejection.origin();
        }

        @Override
        public Path file() {
            return rejection.file();
        }
    }
}

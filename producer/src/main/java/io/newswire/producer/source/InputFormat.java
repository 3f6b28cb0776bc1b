package io.newswire.producer.source;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The input formats the producer reads, told apart by file extension. */
public enum InputFormat {
    /** One wire item per file, the shape of the seed transcript. */
    TXT,
    /** One JSON object per line (JSON Lines; .ndjson is the same format under another name). */
    JSONL;

    /** The format of {@code file} by its extension, or empty for any other file. */
    public static Optional<InputFormat> of(final Path file) {
        final String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".txt")) {
            return Optional.of(TXT);
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return Optional.of(JSONL);
        }
        return Optional.empty();
    }
}

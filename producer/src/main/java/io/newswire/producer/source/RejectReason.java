package io.newswire.producer.source;

import java.util.Locale;

/**
 * Why an input file or line was rejected: a short, stable category for counting (the summary's per-reason counts),
 * next to the full message that names the input and says what to do.
 */
public enum RejectReason {
    /** The path named on the command line does not exist. */
    NOT_FOUND,
    /** A file named explicitly whose type is neither .txt nor .jsonl. */
    UNSUPPORTED_TYPE,
    /** The file holds nothing but whitespace. */
    EMPTY,
    /** The file holds NUL bytes or mostly control characters. */
    BINARY,
    /** The bytes are not valid UTF-8 (and carry no UTF-16 byte order mark, for .txt). */
    NOT_UTF8,
    /** The file (.txt) or line (.jsonl) is over the size limit of one item, or its item over Kafka's record limit. */
    TOO_LARGE,
    /** The file could not be read (permissions, I/O error). */
    UNREADABLE,
    /** A .jsonl line that is not valid JSON. */
    INVALID_JSON,
    /** A .jsonl line that is valid JSON but not an object. */
    NOT_AN_OBJECT,
    /** A .jsonl field of the wrong type, e.g. a number where text was expected. */
    INVALID_FIELD,
    /** Neither a title nor any text. */
    NO_CONTENT,
    /** An item Kafka's serializer refused. */
    UNSERIALIZABLE;

    /** The reason as a lower-case word for summaries and metrics, e.g. {@code not-utf8}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

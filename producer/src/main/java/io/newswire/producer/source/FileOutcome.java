package io.newswire.producer.source;

import java.util.Objects;

/**
 * What became of one input file in watch mode, which tells the {@link DirectoryWatcher} where to move it:
 * published (to processed/), rejected (to rejected/ with the reason), or to be tried again at the next poll.
 */
public record FileOutcome(Status status, String reason) {

    /** Where the file goes. */
    public enum Status {
        /** Every item was acknowledged by Kafka (rejected lines went to the dead-letter topic). */
        PUBLISHED,
        /**
         * The file cannot be used, or Kafka refused some of its records for good; it goes to rejected/ with its
         * reason.
         */
        REJECTED,
        /**
         * Publishing failed for now (Kafka unreachable, for one); the file stays and is tried again, up to a limit of
         * tries in a row.
         */
        RETRY
    }

    public FileOutcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
    }

    public static FileOutcome published() {
        return new FileOutcome(Status.PUBLISHED, "");
    }

    public static FileOutcome rejected(final String reason) {
        return new FileOutcome(Status.REJECTED, reason);
    }

    public static FileOutcome retry(final String reason) {
        return new FileOutcome(Status.RETRY, reason);
    }
}

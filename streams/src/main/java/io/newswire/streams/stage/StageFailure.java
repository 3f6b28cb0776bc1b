package io.newswire.streams.stage;

/**
 * Which stage failed on a record and with what error.
 *
 * @param stage the stage name (deserialize, normalize, enrich, dedup, route)
 * @param error the error it raised
 */
public record StageFailure(String stage, Exception error) {

    /** The error as one line for the dead letter: its message, or its class when it has none. */
    public String message() {
        final String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getName() : message;
    }
}

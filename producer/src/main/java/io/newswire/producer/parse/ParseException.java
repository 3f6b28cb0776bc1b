package io.newswire.producer.parse;

import io.newswire.producer.source.RejectReason;

/**
 * An input that cannot be parsed into a wire item. The message says what was wrong (without the origin, which the
 * caller adds); the reason is its category for counting.
 */
public final class ParseException extends Exception {

    private final RejectReason reason;

    public ParseException(final RejectReason reason, final String message) {
        super(message);
        this.reason = reason;
    }

    public ParseException(final RejectReason reason, final String message, final Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public RejectReason reason() {
        return reason;
    }
}

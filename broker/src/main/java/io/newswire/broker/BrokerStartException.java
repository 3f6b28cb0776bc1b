package io.newswire.broker;

/**
 * Thrown when the embedded Kafka broker cannot start; the message names the storage directory or port
 * at fault and what the user can do about it, so a command line can print it as it is.
 */
public final class BrokerStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BrokerStartException(final String message) {
        super(message);
    }

    public BrokerStartException(final String message, final Throwable cause) {
        super(message, cause);
    }
}

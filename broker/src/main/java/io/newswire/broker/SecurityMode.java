package io.newswire.broker;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How clients authenticate to a secured embedded broker: SCRAM-SHA-512 over TLS, or TLS client certificates. */
public enum SecurityMode {

    /** Listener SASL_SSL, SCRAM-SHA-512 users with passwords; the principal is the user name. */
    SASL_SSL("sasl-ssl", "SASL_SSL"),
    /** Listener SSL with {@code ssl.client.auth=required}; the principal is the certificate's CN. */
    MTLS("mtls", "SSL");

    private final String label;
    private final String securityProtocol;

    SecurityMode(final String label, final String securityProtocol) {
        this.label = label;
        this.securityProtocol = securityProtocol;
    }

    /** As written on the command line: {@code sasl-ssl} or {@code mtls}. */
    public String label() {
        return label;
    }

    /** Kafka's {@code security.protocol} of the client listener. */
    public String securityProtocol() {
        return securityProtocol;
    }

    /**
     * @throws IllegalArgumentException naming the accepted values
     */
    public static SecurityMode fromLabel(final String text) {
        final String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(mode -> mode.label.equals(wanted)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("unknown security mode '" + text + "': use one of "
                + Arrays.stream(values()).map(SecurityMode::label).collect(Collectors.joining(", "))));
    }

    @Override
    public String toString() {
        return label;
    }
}

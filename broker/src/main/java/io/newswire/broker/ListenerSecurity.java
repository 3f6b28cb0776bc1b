package io.newswire.broker;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The security of an {@link EmbeddedKafkaBroker}'s listeners: the protocol of the client listener ({@code SECURE})
 * and of the KRaft controller listener, SCRAM credentials written into the storage when it is formatted (as
 * {@code kafka-storage.sh format --add-scram} does), and the client settings the broker's own readiness check
 * connects with (a super user's).
 *
 * @param clientProtocol     {@code SASL_SSL} or {@code SSL}
 * @param controllerProtocol {@code SSL} (with client certificates required) for a secured broker
 * @param scramArguments     {@code SCRAM-SHA-512=[name=…,password=…]} entries for the Formatter; read once, when a new
 *                           storage directory is formatted
 * @param adminClient        Kafka client settings of a super user, without {@code bootstrap.servers}
 */
public record ListenerSecurity(String clientProtocol, String controllerProtocol, List<String> scramArguments,
                               Map<String, String> adminClient) {

    public ListenerSecurity {
        Objects.requireNonNull(clientProtocol, "clientProtocol");
        Objects.requireNonNull(controllerProtocol, "controllerProtocol");
        scramArguments = List.copyOf(scramArguments);
        adminClient = Map.copyOf(adminClient);
    }

    /** Says which protocols, never the credentials. */
    @Override
    public String toString() {
        return "ListenerSecurity[client " + clientProtocol + ", controller " + controllerProtocol + ", "
            + scramArguments.size() + " SCRAM users]";
    }
}

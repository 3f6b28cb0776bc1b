package io.newswire.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;

import io.newswire.app.Console;
import io.newswire.app.Settings;
import io.newswire.app.ops.Ops;
import io.newswire.app.ops.OpsSettings;
import io.newswire.app.pipeline.KafkaTarget;
import io.newswire.broker.LocalSecurity;
import io.newswire.broker.SecurityMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newswire broker}: the embedded single-node KRaft broker on its own, plaintext or secured, until stopped. */
@Command(name = "broker", mixinStandardHelpOptions = true,
    description = {"Runs a single-node Kafka broker (KRaft, in this process) until Ctrl-C, for a local pipeline "
        + "of separate produce/streams/tail commands. Data is kept in --data across restarts.",
        "With --security, clients must authenticate (SCRAM-SHA-512 over TLS, or TLS client certificates) and every "
            + "request is checked against ACLs (StandardAuthorizer, nothing allowed without an ACL). On first start it "
            + "creates a local CA, keystores, SCRAM users with random passwords and one client config file per "
            + "principal under DIR/security (readable by you only), and prints 'client config: FILE' (the admin's) "
            + "and the others; give one to any command with --config. Then run 'newswire acls --apply --config "
            + "FILE' with the admin's file."})
public final class BrokerCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR",
        description = "Data folder, kept across restarts (default: data/kafka; with --security data/secure, which "
            + "holds kafka/ for the broker's storage and security/ for keystores, passwords and client configs).")
    private Path dataDir;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "9092",
        description = "Port for clients (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--security", paramLabel = "MODE", converter = ModeConverter.class,
        description = "sasl-ssl (SCRAM-SHA-512 users over TLS) or mtls (TLS with client certificates required); "
            + "default: plaintext, no authentication.")
    private SecurityMode security;

    @Option(names = "--config", paramLabel = "FILE",
        description = "Properties file for the status page's view of the pipeline (newswire.application.id, topics, "
            + "newswire.ops.*; default: $NEWSWIRE_CONFIG).")
    private Path config;

    @Mixin
    private OpsOptions http;

    @Override
    public Integer call() throws InterruptedException {
        final Console console = Console.system();
        final Settings settings = Settings.load(config, System.getenv(), Map.of());
        final OpsSettings opsSettings = settings.ops();
        final ShutdownLatch latch = new ShutdownLatch();
        final LocalSecurity material = security == null ? null
            : LocalSecurity.prepare(dataFolder().resolve("security"), security);
        final Path storage = security == null ? dataFolder() : dataFolder().resolve("kafka");
        try (KafkaTarget broker = KafkaTarget.embedded(storage, port, material, console);
             Ops ops = Ops.start("broker", opsSettings.portOr(http.port, OpsOptions.BROKER_PORT), opsSettings, console)
                 .withLag(broker.clientProperties(new Properties()), settings.pipeline(), List.of())) {
            if (material == null) {
                console.result("Kafka is up: --bootstrap-servers %s (Ctrl-C to stop)", broker.bootstrapServers());
            } else {
                printClientConfigs(console, material.writeClientConfigs(broker.bootstrapServers()));
                console.result("Kafka is up (%s, ACLs enforced): --bootstrap-servers %s (Ctrl-C to stop)",
                    material.mode().label(), broker.bootstrapServers());
            }
            latch.await();
            console.note("stopping the broker");
        } finally {
            latch.closed();
        }
        return 0;
    }

    private Path dataFolder() {
        if (dataDir != null) {
            return dataDir;
        }
        // A secured broker's storage holds its SCRAM users from the day it was formatted: it gets its own folder
        // rather than taking over the plaintext broker's.
        return security == null ? Path.of("data", "kafka") : Path.of("data", "secure");
    }

    /** The admin's file on the line scripts read ({@code client config: PATH}), then one line per other principal. */
    private static void printClientConfigs(final Console console, final Map<String, Path> files) {
        files.forEach((principal, file) -> {
            if (LocalSecurity.ADMIN.equals(principal)) {
                console.result("client config: %s", file);
            } else {
                console.result("client config of User:%s: %s", principal, file);
            }
        });
    }

    /** {@code sasl-ssl} or {@code mtls}, with the accepted values in the error. */
    static final class ModeConverter implements ITypeConverter<SecurityMode> {
        @Override
        public SecurityMode convert(final String value) {
            return SecurityMode.fromLabel(value);
        }
    }
}

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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newswire broker}: the embedded single-node KRaft broker on its own, until stopped. */
@Command(name = "broker", mixinStandardHelpOptions = true,
    description = "Runs a single-node Kafka broker (KRaft, in this process) until Ctrl-C, for a local pipeline "
        + "of separate produce/streams/tail commands. Data is kept in --data across restarts.")
public final class BrokerCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data/kafka",
        description = "Storage folder, kept across restarts (default: ${DEFAULT-VALUE}).")
    private Path dataDir;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "9092",
        description = "Port for clients (default: ${DEFAULT-VALUE}).")
    private int port;

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
        try (KafkaTarget broker = KafkaTarget.embedded(dataDir, port, console);
             Ops ops = Ops.start("broker", opsSettings.portOr(http.port, OpsOptions.BROKER_PORT), opsSettings, console)
                 .withLag(broker.clientProperties(new Properties()), settings.pipeline(), List.of())) {
            console.result("Kafka is up: --bootstrap-servers %s (Ctrl-C to stop)", broker.bootstrapServers());
            latch.await();
            console.note("stopping the broker");
        } finally {
            latch.closed();
        }
        return 0;
    }
}

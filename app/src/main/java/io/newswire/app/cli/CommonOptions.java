package io.newswire.app.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.newswire.app.Settings;
import picocli.CommandLine.Option;

/** Options every command that talks to Kafka or reads config shares. */
public final class CommonOptions {

    @Option(names = "--config", paramLabel = "FILE",
        description = "Properties file: newswire.* keys configure the pipeline, other keys are Kafka client "
            + "settings (default: $NEWSWIRE_CONFIG).")
    Path config;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
        description = "Kafka to use (default: $NEWSWIRE_BOOTSTRAP_SERVERS; run, demo and bench start an embedded "
            + "broker when none is given).")
    String bootstrapServers;

    /** The merged settings: file, environment, then these options. */
    public Settings settings() {
        final Map<String, String> overrides = new HashMap<>();
        if (bootstrapServers != null) {
            overrides.put("bootstrap.servers", bootstrapServers);
        }
        return Settings.load(config, System.getenv(), overrides);
    }
}

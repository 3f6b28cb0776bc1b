package io.newswire.app.cli;

import picocli.CommandLine.Option;

/** The {@code --http-port} option of the commands that serve metrics, health and status. */
public final class OpsOptions {

    /** Default ports: streams and run share one (they are not run side by side), produce and broker have theirs. */
    static final int STREAMS_PORT = 9400;
    static final int PRODUCE_PORT = 9401;
    static final int BROKER_PORT = 9402;

    @Option(names = "--http-port", paramLabel = "PORT",
        description = "Port of /status, /metrics, /lag, /health/live and /health/ready (default: "
            + "newswire.ops.http.port, else 9400 for streams and run, 9401 for produce --watch, 9402 for broker; "
            + "0 for any free port, -1 for none).")
    Integer port;
}

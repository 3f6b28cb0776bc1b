package io.newswire.app.cli;

import picocli.CommandLine.Command;

/** The top-level {@code newswire} command: only subcommands. */
@Command(name = "newswire",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "A Kafka-native pipeline for news wire items: ingest, enrich, deduplicate and route to topic streams.",
        "",
        "Configuration: --config FILE (or NEWSWIRE_CONFIG), then NEWSWIRE_* environment variables, then options.",
        "Without --bootstrap-servers, run, demo and bench start an embedded Kafka broker in this process."},
    subcommands = {
        DemoCommand.class,
        RunCommand.class,
        ProduceCommand.class,
        StreamsCommand.class,
        TailCommand.class,
        LagCommand.class,
        BrokerCommand.class,
        AclsCommand.class,
        EnrichCommand.class,
        EvalCommand.class,
        EvalDedupCommand.class,
        BenchCommand.class,
        LagBenchCommand.class,
        picocli.CommandLine.HelpCommand.class})
public final class NewswireCommand implements Runnable {

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}

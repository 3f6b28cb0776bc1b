package io.newswire.app;

import io.newswire.app.cli.NewswireCommand;
import io.newswire.schema.config.AvroLimits;
import io.newswire.schema.serde.SchemaTrust;
import picocli.CommandLine;

/** Entry point of the newswire command line. */
public final class Main {

    private Main() {
    }

    public static void main(final String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (0 done, 1 failed, 2 usage error). */
    public static int execute(final String... args) {
        // First, before SchemaTrust or a command touches Avro: Avro reads its limits once, when it first checks one.
        // The launcher and the image set them as JVM options already; this covers `java -jar newswire.jar`.
        AvroLimits.setUnlessSet();
        SchemaTrust.trustNewswireSchemas();
        return new CommandLine(new NewswireCommand())
            .setCaseInsensitiveEnumValuesAllowed(true)
            .setExecutionExceptionHandler((error, commandLine, parseResult) -> {
                commandLine.getErr().println("newswire " + commandLine.getCommandName() + ": " + messageOf(error));
                if (System.getenv("NEWSWIRE_DEBUG") != null) {
                    error.printStackTrace(commandLine.getErr());
                } else {
                    commandLine.getErr().println("(set NEWSWIRE_DEBUG=1 to see the stack trace)");
                }
                return 1;
            })
            .execute(args);
    }

    private static String messageOf(final Throwable error) {
        Throwable cause = error;
        while (cause.getMessage() == null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage();
    }
}

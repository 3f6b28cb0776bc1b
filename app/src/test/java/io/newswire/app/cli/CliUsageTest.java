package io.newswire.app.cli;

import static io.newswire.app.cli.CapturedRun.newswire;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the command line tells a user who asks for help or gets the usage wrong; none of these reaches Kafka. */
class CliUsageTest {

    private static final Pattern COMMAND_LINE = Pattern.compile("^ {2}([a-z]+) {2,}\\S.*");

    @TempDir
    Path temp;

    @Test
    void shouldListEverySubcommandInTheHelp() {
        final CapturedRun help = newswire("--help");

        assertThat(help.exitCode()).as(help.toString()).isZero();
        assertThat(commandsListed(help.out())).as(help.out())
            .containsAll(List.of("demo", "run", "produce", "streams", "tail", "broker", "enrich", "bench"));
        assertThat(help.err()).isEmpty();
    }

    @Test
    void shouldNameTheMissingInputOptionWhenRunHasNoInput() {
        final CapturedRun run = newswire("run");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required option").contains("--input");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void shouldTellTheUserToPassBootstrapServersWhenStreamsHasNoKafka() {
        // CommonOptions reads System.getenv(); a machine that configures Kafka there cannot show this.
        Assumptions.assumeTrue(System.getenv("NEWSWIRE_BOOTSTRAP_SERVERS") == null
                && System.getenv("NEWSWIRE_CONFIG") == null,
            "NEWSWIRE_BOOTSTRAP_SERVERS or NEWSWIRE_CONFIG is set in this environment, so streams has a Kafka");

        final CapturedRun streams = newswire("streams");

        assertThat(streams.exitCode()).as(streams.toString()).isEqualTo(1);
        assertThat(streams.err()).contains("newswire streams:").contains("pass --bootstrap-servers");
        assertThat(streams.out()).isEmpty();
    }

    @Test
    void shouldRefuseAnInputPathThatDoesNotExistBeforeStartingAnything() {
        final String missing = temp.resolve("no-such-folder").toString();

        for (final String command : List.of("run", "enrich")) {
            final CapturedRun run = newswire(command, "--input", missing);

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
            assertThat(run.err()).contains("--input " + missing + " does not exist");
            assertThat(run.err()).doesNotContain("broker at localhost");
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void shouldNameAnUnknownBenchPhaseBeforeStartingAnything() {
        final CapturedRun bench = newswire("bench", "--phases", "passthrough,everything");

        assertThat(bench.exitCode()).as(bench.toString()).isEqualTo(2);
        assertThat(bench.err()).contains("--phases").contains("unknown phase 'everything'");
        assertThat(bench.out()).isEmpty();
    }

    @Test
    void shouldNameTheBadDurationOfTimeout() {
        final CapturedRun run = newswire("run", "--input", "x", "--timeout", "soon");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("--timeout").contains("'soon' is not a duration");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void shouldNameTheKeyWhenInputMaxBytesIsNotANumber() throws IOException {
        final Path config = Files.write(temp.resolve("newswire.properties"),
            List.of("newswire.input.max.bytes=4MB"), StandardCharsets.UTF_8);
        final Path input = Files.createDirectories(temp.resolve("in"));

        // Nothing listens on port 1, and the value is read before anything connects to Kafka.
        final CapturedRun run = newswire("run", "--input", input.toString(), "--bootstrap-servers", "localhost:1",
            "--config", config.toString());

        assertThat(run.exitCode()).as(run.toString()).isNotZero();
        assertThat(run.err()).contains("newswire.input.max.bytes").contains("4MB");
    }

    private static Set<String> commandsListed(final String help) {
        final Set<String> commands = new LinkedHashSet<>();
        boolean inCommands = false;
        for (final String line : help.split("\\R")) {
            if (line.startsWith("Commands:")) {
                inCommands = true;
                continue;
            }
            final Matcher command = COMMAND_LINE.matcher(line);
            if (inCommands && command.matches()) {
                commands.add(command.group(1));
            }
        }
        return commands;
    }
}

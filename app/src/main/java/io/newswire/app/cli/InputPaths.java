package io.newswire.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Checks the paths given with {@code --input} before anything is started or published: a mistyped path is a usage
 * error (exit 2, picocli's handling of a ParameterException) naming the path, not a rejected input.
 */
final class InputPaths {

    private InputPaths() {
    }

    static List<Path> requireExisting(final CommandSpec spec, final List<Path> inputs) {
        for (final Path input : inputs) {
            if (!Files.exists(input)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--input " + input
                    + " does not exist (working directory " + Path.of("").toAbsolutePath() + "); give files or "
                    + "folders of .txt and .jsonl items");
            }
        }
        return inputs;
    }
}

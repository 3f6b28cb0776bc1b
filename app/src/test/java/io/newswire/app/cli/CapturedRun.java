package io.newswire.app.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import io.newswire.app.Main;

/**
 * One {@code Main.execute(args)} with System.out and System.err captured (and restored afterwards), as a user at a
 * terminal would see it: the exit code, what went to stdout, what went to stderr.
 *
 * @param exitCode what {@code newswire} would exit with
 * @param out      everything printed on stdout
 * @param err      everything printed on stderr
 */
public record CapturedRun(int exitCode, String out, String err) {

    /** Runs the command line; the console streams are swapped only for the duration of the call. */
    public static CapturedRun newswire(final String... args) {
        final PrintStream originalOut = System.out;
        final PrintStream originalErr = System.err;
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int exitCode;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exitCode = Main.execute(args);
        } finally {
            System.out.flush();
            System.err.flush();
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        return new CapturedRun(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The non-blank lines of stdout. */
    List<String> outLines() {
        return Arrays.stream(out.split("\\R")).filter(line -> !line.isBlank()).toList();
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
    }
}

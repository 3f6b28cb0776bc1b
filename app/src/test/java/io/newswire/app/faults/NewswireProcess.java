package io.newswire.app.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code newswire} command running as a child JVM, so that a test can kill it as an operator's mistake or the
 * kernel would: SIGKILL (no shutdown hook runs), SIGTERM (the hook closes cleanly), SIGSTOP/SIGCONT (a stall). Its
 * output goes to a log file that the test prints when it fails.
 */
final class NewswireProcess implements AutoCloseable {

    private final String name;
    private final List<String> command;
    private final Path log;
    private Process process;

    private NewswireProcess(final String name, final List<String> command, final Path log) {
        this.name = name;
        this.command = command;
        this.log = log;
    }

    /** Starts {@code newswire args…} in a new JVM, its output appended to {@code log}. */
    static NewswireProcess start(final String name, final Path log, final String... args) {
        final List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-cp", classpath(), "io.newswire.app.Main"));
        command.addAll(List.of(args));
        final NewswireProcess started = new NewswireProcess(name, command, log);
        started.restart();
        return started;
    }

    /** The app's shaded jar when the build has made it (failsafe runs after package), else the test's classpath. */
    private static String classpath() {
        final Path jar = Path.of("target", "newswire.jar").toAbsolutePath();
        return Files.isRegularFile(jar) ? jar.toString() : System.getProperty("java.class.path");
    }

    /** Starts the same command again (after it was killed or stopped). */
    void restart() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        try {
            Files.writeString(log, "---- start " + name + ": " + String.join(" ", command.subList(5, command.size()))
                + System.lineSeparator(), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
            process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** SIGKILL, and waits until the process is gone. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " survived SIGKILL for 30 s");
        }
    }

    /** SIGTERM (the shutdown hook closes the command), and waits for its exit code. */
    int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            throw new IllegalStateException(name + " did not stop within 90 s of SIGTERM");
        }
        return process.exitValue();
    }

    /** SIGSTOP: the whole JVM stalls (threads, heartbeats), as in a long GC pause or a frozen VM. */
    void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** SIGCONT: the stalled JVM goes on where it was. */
    void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(final String signal) throws IOException, InterruptedException {
        final Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed");
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the process to exit by itself and returns its exit code, or -1 when it is still running. */
    int awaitExit(final long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    /** What it printed so far. */
    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (final IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }
}

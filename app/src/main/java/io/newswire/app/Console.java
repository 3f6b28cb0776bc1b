package io.newswire.app;

import java.io.PrintStream;
import java.util.Locale;

/**
 * What the command line shows people: results on stdout, progress and notes on stderr. Progress on a terminal
 * rewrites one line; redirected to a file it prints a line at most every few seconds.
 */
public final class Console {

    private static final long FILE_PROGRESS_INTERVAL_NANOS = 5_000_000_000L;
    private static final long TTY_PROGRESS_INTERVAL_NANOS = 200_000_000L;

    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;
    private long lastProgressNanos;
    private boolean progressLineOpen;

    public Console(final PrintStream out, final PrintStream err, final boolean terminal) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    public static Console system() {
        return new Console(System.out, System.err, System.console() != null);
    }

    /** A result line, on stdout. */
    public synchronized void result(final String format, final Object... args) {
        endProgressLine();
        out.println(String.format(Locale.ROOT, format, args));
    }

    /** A note for people, on stderr. */
    public synchronized void note(final String format, final Object... args) {
        endProgressLine();
        err.println("newswire: " + String.format(Locale.ROOT, format, args));
    }

    /** A progress line, throttled; {@code force} shows it regardless (e.g. the last one). */
    public synchronized void progress(final boolean force, final String format, final Object... args) {
        final long now = System.nanoTime();
        final long interval = terminal ? TTY_PROGRESS_INTERVAL_NANOS : FILE_PROGRESS_INTERVAL_NANOS;
        if (!force && now - lastProgressNanos < interval) {
            return;
        }
        lastProgressNanos = now;
        final String line = String.format(Locale.ROOT, format, args);
        if (terminal) {
            err.print("\r\033[K" + line);
            progressLineOpen = true;
        } else {
            err.println(line);
        }
    }

    /** Progress of reading many input files, as one line: "{@code <doing>} 3/10 files: 120 items, 2 rejected". */
    public io.newswire.producer.source.ProgressListener fileProgress(final String doing) {
        return progress -> progress(progress.filesDone() == progress.filesTotal(),
            "%s %d/%d files: %d items, %d rejected", doing, progress.filesDone(), progress.filesTotal(),
            progress.items(), progress.rejects());
    }

    /** Ends a progress line so the next output starts on a fresh line. */
    public synchronized void endProgressLine() {
        if (progressLineOpen) {
            err.println();
            progressLineOpen = false;
        }
    }

    public PrintStream out() {
        return out;
    }
}

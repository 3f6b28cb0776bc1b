package io.newswire.app.cli;

import java.util.concurrent.CountDownLatch;

/** Blocks a long-running command until the JVM is asked to stop (Ctrl-C, SIGTERM), then lets it close cleanly. */
final class ShutdownLatch {

    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);

    ShutdownLatch() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                // Let the command close Kafka clients before the JVM exits.
                closed.await();
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "newswire-shutdown"));
    }

    /** Waits for a stop request. */
    void await() throws InterruptedException {
        stop.await();
    }

    /** Waits up to {@code timeout} for a stop request; true when one came. */
    boolean await(final java.time.Duration timeout) throws InterruptedException {
        return stop.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Ends the wait as if a stop had been requested (e.g. when the topology failed). */
    void release() {
        stop.countDown();
    }

    /** Tells the shutdown hook that everything is closed. */
    void closed() {
        closed.countDown();
    }
}

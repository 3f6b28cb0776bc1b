package io.newswire.schema.serde;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A call that may hang, given a deadline per attempt and a few attempts. Written here because the call it guards,
 * Apicurio's registry client, sets no request timeout (its JDK HTTP client is built without one and takes none from
 * config), and once, in {@code RegistryModeIT}, a registration waited more than ten minutes for a response from a
 * registry that was idle and answering other requests: a topology start must fail or go on, never wait forever, and
 * so must the first decode of a value whose writer schema is fetched from the registry.
 *
 * <p>Each attempt runs on a daemon thread of its own; an attempt past its deadline is abandoned (its thread may stay
 * blocked in the client, as daemon threads do not hold the JVM), {@code onTimeout} runs so that the caller can drop
 * the client it used, and the next attempt starts. An attempt that throws ends the call at once with that exception.
 */
final class TimedAttempts {

    private TimedAttempts() {
    }

    /**
     * The first result of {@code call} that comes within {@code deadline}, trying at most {@code attempts} times.
     *
     * @throws TimeoutException when every attempt passed its deadline
     * @throws RuntimeException the exception an attempt threw (an {@link Error} too)
     */
    static <T> T call(final Supplier<T> call, final Duration deadline, final int attempts, final Runnable onTimeout)
            throws TimeoutException {
        for (int attempt = 1; ; attempt++) {
            final CompletableFuture<T> result = CompletableFuture.supplyAsync(call, task -> {
                final Thread thread = new Thread(task, "newswire-registry-call");
                thread.setDaemon(true);
                thread.start();
            });
            try {
                return result.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            } catch (final TimeoutException e) {
                result.cancel(true);
                onTimeout.run();
                if (attempt >= attempts) {
                    throw new TimeoutException("no answer within " + (deadline.toMillis() % 1000 == 0
                        ? deadline.toSeconds() + " s" : deadline.toMillis() + " ms") + ", " + attempts + " times");
                }
            } catch (final ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the schema registry", e);
            }
        }
    }
}

package io.newswire.streams.stage;

import java.util.Objects;
import java.util.function.Function;

/**
 * A record on its way through the stages: either the current value, or the failure of the stage that could not
 * produce it. Carries the original bytes so a failure at any stage can be dead-lettered with what was read.
 * Lives only inside one sub-topology (never serialized).
 *
 * @param <T> the value type at this point of the pipeline
 */
public final class Staged<T> {

    private final T value;
    private final byte[] original;
    private final StageFailure failure;
    private final Object lastGood;

    private Staged(final T value, final byte[] original, final StageFailure failure, final Object lastGood) {
        this.value = value;
        this.original = original;
        this.failure = failure;
        this.lastGood = lastGood;
    }

    /** @param original the bytes as read, or null where they are no longer at hand (after a repartition) */
    public static <T> Staged<T> ok(final T value, final byte[] original) {
        return new Staged<>(Objects.requireNonNull(value, "value"), original, null, null);
    }

    public static <T> Staged<T> failed(final String stage, final Exception error, final byte[] original) {
        return new Staged<>(null, original, new StageFailure(stage, error), null);
    }

    /** A failure of {@code stage} on {@code input}, the last value the record had. */
    public <R> Staged<R> fail(final String stage, final Exception error) {
        return new Staged<>(null, original, new StageFailure(stage, error), value);
    }

    /**
     * Applies the next stage. A stage that throws turns this into a failure of that stage; a failure passes
     * through untouched, so the first failing stage is the one recorded.
     */
    public <R> Staged<R> then(final String stage, final Function<? super T, ? extends R> step) {
        if (failure != null) {
            return new Staged<>(null, original, failure, lastGood);
        }
        try {
            final R next = step.apply(value);
            if (next == null) {
                return fail(stage, new IllegalStateException(stage + " produced no value"));
            }
            return new Staged<>(next, original, null, null);
        } catch (final RuntimeException e) {
            return fail(stage, e);
        }
    }

    public boolean isFailed() {
        return failure != null;
    }

    /** The value; only for records that did not fail. */
    public T value() {
        if (failure != null) {
            throw new IllegalStateException("record failed at stage " + failure.stage());
        }
        return value;
    }

    /** The failure; only for records that failed. */
    public StageFailure failure() {
        if (failure == null) {
            throw new IllegalStateException("record did not fail");
        }
        return failure;
    }

    /** The bytes the record was read with; null for a null value or after a repartition. */
    public byte[] original() {
        return original;
    }

    /** For a failure: the value the record had when its stage failed (null if it failed while decoding). */
    public Object lastGood() {
        return lastGood;
    }
}

package io.newswire.producer.publish;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;

import io.newswire.producer.source.Rejection;
import io.newswire.schema.DeadLetter;

/**
 * Turns a producer rejection into the dead letter published on the dead-letter topic: stage "parse", the message
 * naming the input, and the original bytes, cut to a size the topic accepts.
 */
final class DeadLetters {

    static final String STAGE = "parse";

    private DeadLetters() {
    }

    /**
     * The dead letter of {@code rejection}.
     *
     * @param errorClass       the exception behind the rejection, or null when there was none
     * @param maxOriginalBytes originals above this are cut, and the error says so: a record over the dead-letter
     *                         topic's max.message.bytes would itself fail to publish
     */
    static DeadLetter of(final Rejection rejection, final String errorClass, final Instant failedAt,
                         final int maxOriginalBytes) {
        final byte[] original = rejection.original();
        final boolean cut = original.length > maxOriginalBytes;
        final String error = rejection.describe() + (cut
            ? " [original cut to its first " + maxOriginalBytes + " of " + original.length + " bytes]" : "");
        return DeadLetter.newBuilder()
            .setStage(STAGE)
            .setError(error)
            .setErrorClass(errorClass)
            .setOriginal(ByteBuffer.wrap(cut ? Arrays.copyOf(original, maxOriginalBytes) : original))
            .setOriginalKey(null)
            .setTopic(null)
            .setPartition(null)
            .setOffset(null)
            .setOrigin(rejection.origin())
            .setFailedAt(failedAt)
            .build();
    }
}

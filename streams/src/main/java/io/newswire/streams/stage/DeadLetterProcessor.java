package io.newswire.streams.stage;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.function.Function;

import io.newswire.schema.DeadLetter;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a failed record into a {@link DeadLetter}: the original bytes, the error, the stage, and where it was read.
 * Input: {@code Staged<T>} failures; output: DeadLetter for news.dlq, same key.
 * Logs one warning per failure naming stage, topic, partition and offset, never the record's content.
 *
 * @param <T> the value type the failed records would have had
 */
public final class DeadLetterProcessor<T> implements FixedKeyProcessor<String, Staged<T>, DeadLetter> {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProcessor.class);

    private final Function<Object, byte[]> encodeLastGood;
    private FixedKeyProcessorContext<String, DeadLetter> context;

    /**
     * @param encodeLastGood encodes the value a record had when it failed, for failures where the bytes as read
     *                       are no longer at hand (after a repartition)
     */
    public DeadLetterProcessor(final Function<Object, byte[]> encodeLastGood) {
        this.encodeLastGood = encodeLastGood;
    }

    @Override
    public void init(final FixedKeyProcessorContext<String, DeadLetter> processorContext) {
        this.context = processorContext;
    }

    @Override
    public void process(final FixedKeyRecord<String, Staged<T>> record) {
        final StageFailure failure = record.value().failure();
        final RecordMetadata where = context.recordMetadata().orElse(null);
        final DeadLetter deadLetter = DeadLetter.newBuilder()
            .setStage(failure.stage())
            .setError(failure.message())
            .setErrorClass(failure.error().getClass().getName())
            .setOriginal(ByteBuffer.wrap(originalBytes(record.value())))
            .setOriginalKey(record.key())
            .setTopic(where == null ? null : where.topic())
            .setPartition(where == null ? null : where.partition())
            .setOffset(where == null ? null : where.offset())
            .setFailedAt(Instant.ofEpochMilli(context.currentSystemTimeMs()))
            .build();
        LOG.warn("dead-lettered a record at stage {} ({} partition {} offset {}): {}", failure.stage(),
            deadLetter.getTopic(), deadLetter.getPartition(), deadLetter.getOffset(), failure.message());
        context.forward(record.withValue(deadLetter));
    }

    private byte[] originalBytes(final Staged<?> staged) {
        if (staged.original() != null) {
            return staged.original();
        }
        if (staged.lastGood() != null) {
            try {
                return encodeLastGood.apply(staged.lastGood());
            } catch (final RuntimeException e) {
                LOG.warn("cannot encode the failed record for the dead letter: {}", e.getMessage());
            }
        }
        return new byte[0];
    }
}

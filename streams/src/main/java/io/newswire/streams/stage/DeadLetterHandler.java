package io.newswire.streams.stage;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.newswire.schema.DeadLetter;
import io.newswire.schema.serde.NewswireSerdes;
import io.newswire.streams.PipelineMeters;
import io.newswire.streams.StateDiskFull;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The safety net behind the stages' own error handling: an exception that escapes any processor of the topology
 * (the dedup stages included), or a record that cannot be written to an output (too large, unserializable), sends
 * the source record to news.dlq as a {@link DeadLetter} — in the same transaction — and processing goes on with the
 * next record. Without it Kafka Streams stops the thread, and after the restart it meets the same record again: a
 * crash loop on one offset. Kafka's own handler API (KIP-1033/KIP-1034) is used, so the dead letter commits or
 * aborts with the task's transaction.
 *
 * <p>The dead letter carries the bytes of the record as the failing sub-topology read it ({@code original}, with
 * {@code topic}, {@code partition}, {@code offset}), the failing node as {@code stage}, and the record's headers (its
 * {@code newswire.trace} among them). Failures that Kafka counts as fatal (fencing, authorization) never reach a
 * handler; retriable send errors are retried.
 */
public final class DeadLetterHandler implements ProcessingExceptionHandler, ProductionExceptionHandler {

    /** The dead-letter topic, set by the runner in the Streams properties. */
    public static final String TOPIC_CONFIG = "newswire.dead.letter.topic";
    /** A {@link PipelineMeters} object (not a class name), told of each dead letter; optional. */
    public static final String METERS_CONFIG = "newswire.dead.letter.meters";
    /** The topology's {@link NewswireSerdes} object, so dead letters are framed as news.dlq's other values; optional. */
    public static final String SERDES_CONFIG = "newswire.dead.letter.serdes";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandler.class);

    private NewswireSerdes serdes = new NewswireSerdes();
    private String topic;
    private PipelineMeters meters = PipelineMeters.NONE;

    @Override
    public void configure(final Map<String, ?> configs) {
        final Object configured = configs.get(TOPIC_CONFIG);
        if (configured == null || configured.toString().isBlank()) {
            throw new IllegalArgumentException(TOPIC_CONFIG + " is not set: the runner names the dead-letter topic");
        }
        this.topic = configured.toString();
        if (configs.get(METERS_CONFIG) instanceof PipelineMeters configuredMeters) {
            this.meters = configuredMeters;
        }
        if (configs.get(SERDES_CONFIG) instanceof NewswireSerdes configuredSerdes) {
            this.serdes = configuredSerdes;
        }
    }

    @Override
    public ProcessingExceptionHandler.Response handleError(final ErrorHandlerContext context, final Record<?, ?> record,
                                                          final Exception exception) {
        if (isStoreFailure(exception)) {
            // A state store that cannot be read or written (a full state directory among other causes) is no fault
            // of the record: dead-lettering would send every record after it to news.dlq while the store refuses
            // each one. Failing stops the thread before its transaction commits, and the runner says what to do;
            // after a restart the same records are processed again.
            return ProcessingExceptionHandler.Response.fail();
        }
        return ProcessingExceptionHandler.Response.resume(List.of(deadLetter(context, context.processorNodeId(),
            exception)));
    }

    @Override
    public ProductionExceptionHandler.Response handleError(final ErrorHandlerContext context,
                                                          final ProducerRecord<byte[], byte[]> record,
                                                          final Exception exception) {
        if (exception instanceof RetriableException) {
            return ProductionExceptionHandler.Response.retry();
        }
        if (topic.equals(record.topic())) {
            // The dead letter itself cannot be written: there is nowhere left to keep the record, so stop.
            LOG.error("cannot write a dead letter to {}: {}", topic, exception.toString());
            return ProductionExceptionHandler.Response.fail();
        }
        return ProductionExceptionHandler.Response.resume(List.of(deadLetter(context, "write " + record.topic(),
            exception)));
    }

    @Override
    public ProductionExceptionHandler.Response handleSerializationError(final ErrorHandlerContext context,
                                                                       final ProducerRecord record,
                                                                       final Exception exception,
                                                                       final SerializationExceptionOrigin origin) {
        return ProductionExceptionHandler.Response.resume(List.of(deadLetter(context,
            "serialize " + record.topic(), exception)));
    }

    /**
     * Whether {@code error} comes from a state store (RocksDB, its files) rather than from the record: such an error
     * stops the topology instead of dead-lettering the record.
     */
    public static boolean isStoreFailure(final Throwable error) {
        if (StateDiskFull.isCause(error)) {
            return true;
        }
        final java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Throwable cause = error; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof org.apache.kafka.streams.errors.ProcessorStateException) {
                return true;
            }
        }
        return false;
    }

    private ProducerRecord<byte[], byte[]> deadLetter(final ErrorHandlerContext context, final String stage,
                                                      final Exception exception) {
        final byte[] rawKey = context.sourceRawKey();
        final byte[] rawValue = context.sourceRawValue();
        final DeadLetter deadLetter = DeadLetter.newBuilder()
            .setStage(stage)
            .setError(String.valueOf(exception.getMessage()))
            .setErrorClass(exception.getClass().getName())
            .setOriginal(ByteBuffer.wrap(rawValue == null ? new byte[0] : rawValue))
            .setOriginalKey(rawKey == null ? null : new String(rawKey, StandardCharsets.UTF_8))
            .setTopic(context.topic())
            .setPartition(context.topic() == null ? null : context.partition())
            .setOffset(context.topic() == null ? null : context.offset())
            .setFailedAt(Instant.now())
            .build();
        // The record's content is not logged (it may be anything); where it was read is enough to find it.
        LOG.warn("dead-lettered a record that failed at {} ({} partition {} offset {}): {}", stage, context.topic(),
            context.partition(), context.offset(), exception.toString());
        meters.deadLettered(stage);
        return new ProducerRecord<>(topic, null, rawKey, encode(deadLetter),
            new RecordHeaders(context.headers().toArray()));
    }

    /**
     * The dead letter in news.dlq's framing; single-object encoded when the schema registry cannot take it (the
     * failure being dead-lettered may be the registry's own), as a dead letter must not be lost and readers take both.
     */
    private byte[] encode(final DeadLetter deadLetter) {
        try {
            return serdes.deadLetter().encodeFor(topic, deadLetter);
        } catch (final SerializationException e) {
            LOG.warn("writing a dead letter single-object encoded: {}", e.getMessage());
            return serdes.deadLetter().encode(deadLetter);
        }
    }
}

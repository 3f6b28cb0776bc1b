package io.newswire.streams.stage;

import java.time.Instant;
import java.util.function.BiFunction;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * A stage that needs the record's event time (e.g. to stamp {@code enriched_at} deterministically, so a replay gives
 * the same output). Input {@code Staged<I>}, output {@code Staged<O>}; a throwing step fails the record at this stage.
 *
 * @param <I> input value type
 * @param <O> output value type
 */
public final class TimedStage<I, O> implements FixedKeyProcessor<String, Staged<I>, Staged<O>> {

    private final String stage;
    private final BiFunction<? super I, Instant, ? extends O> step;
    private FixedKeyProcessorContext<String, Staged<O>> context;

    public TimedStage(final String stage, final BiFunction<? super I, Instant, ? extends O> step) {
        this.stage = stage;
        this.step = step;
    }

    @Override
    public void init(final FixedKeyProcessorContext<String, Staged<O>> processorContext) {
        this.context = processorContext;
    }

    @Override
    public void process(final FixedKeyRecord<String, Staged<I>> record) {
        final Instant eventTime = Instant.ofEpochMilli(record.timestamp());
        context.forward(record.withValue(record.value().then(stage, value -> step.apply(value, eventTime))));
    }
}

package io.newswire.streams.stage;

import java.util.function.LongConsumer;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * A processor that reports how long each {@link #process} call of the processor it wraps took (what it forwards
 * included, as forwarding runs the downstream nodes): Kafka Streams' own per-node latency is recorded only at the
 * DEBUG recording level, which costs on every node.
 *
 * @param <KIn>  input key type
 * @param <VIn>  input value type
 * @param <KOut> output key type
 * @param <VOut> output value type
 */
public final class TimedProcessor<KIn, VIn, KOut, VOut> implements Processor<KIn, VIn, KOut, VOut> {

    private final Processor<KIn, VIn, KOut, VOut> delegate;
    private final LongConsumer nanos;

    public TimedProcessor(final Processor<KIn, VIn, KOut, VOut> delegate, final LongConsumer nanos) {
        this.delegate = delegate;
        this.nanos = nanos;
    }

    @Override
    public void init(final ProcessorContext<KOut, VOut> context) {
        delegate.init(context);
    }

    @Override
    public void process(final Record<KIn, VIn> record) {
        final long start = System.nanoTime();
        try {
            delegate.process(record);
        } finally {
            nanos.accept(System.nanoTime() - start);
        }
    }

    @Override
    public void close() {
        delegate.close();
    }
}

package io.newswire.streams.dedup;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import io.newswire.schema.DedupProbe;
import io.newswire.schema.serde.SchemaTrust;
import io.newswire.streams.stage.DedupOutcome;
import io.newswire.streams.stage.Staged;

/**
 * Sends an item not seen under its id before to the band index: one {@link DedupProbe} per blocking band, keyed by
 * the band, stamped with the item's event time (the record timestamp).
 */
public final class ProbeEmitter implements Processor<String, Staged<DedupOutcome>, String, DedupProbe> {

    private final Probes probes;
    private ProcessorContext<String, DedupProbe> context;

    public ProbeEmitter(final Probes probes) {
        SchemaTrust.trustNewswireSchemas();
        this.probes = probes;
    }

    @Override
    public void init(final ProcessorContext<String, DedupProbe> processorContext) {
        this.context = processorContext;
    }

    @Override
    public void process(final Record<String, Staged<DedupOutcome>> record) {
        for (final DedupProbe probe : probes.of(record.value().value().item(), record.timestamp())) {
            context.forward(new Record<>(probe.getBand(), probe, record.timestamp(), record.headers()));
        }
    }
}

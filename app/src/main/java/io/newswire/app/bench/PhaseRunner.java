package io.newswire.app.bench;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.admin.Admin;

/**
 * Runs one phase: the saturation run, then one run per offered rate, each on its own fresh topics and application
 * id with the same items, and the memory peaks over all of them.
 */
public final class PhaseRunner {

    private final BenchSetup setup;
    private final MeasuredRun runs;
    private final MemoryMeter memory = new MemoryMeter();

    public PhaseRunner(final BenchSetup setup, final Admin admin) {
        this.setup = setup;
        this.runs = new MeasuredRun(setup, admin);
    }

    /**
     * @param rates          offered rates, items per second
     * @param latencySeconds how long each fixed-rate run publishes (fewer items when the input has fewer)
     */
    public BenchFigures.Phase run(final BenchPhase phase, final BenchInput input, final List<Integer> rates,
                           final int latencySeconds) {
        // Start each phase from a collected heap, so that its peak is its own and not the garbage of the one before.
        System.gc();
        memory.reset();
        setup.console().note("phase %s: %d items", phase.label(), input.size());
        final BenchFigures.Saturation saturation = runs.saturation(phase, input.items());
        final List<BenchFigures.Rate> paced = new ArrayList<>();
        for (final int rate : rates) {
            paced.add(runs.paced(phase, input.first(rate * latencySeconds), rate));
        }
        return new BenchFigures.Phase(phase, saturation, paced, memory.peakHeapBytes(), memory.peakRssBytes());
    }
}

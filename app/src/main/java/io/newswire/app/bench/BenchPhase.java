package io.newswire.app.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The three topologies {@code newswire bench} compares, in the order it runs them: Kafka's cost alone, the stateless
 * stages, and the whole pipeline.
 */
public enum BenchPhase {

    /** news.raw → one output topic, bytes in, bytes out: what exactly_once_v2 and the broker cost on their own. */
    PASSTHROUGH("passthrough"),
    /** decode → normalize → enrich → route decision → route topics and news.general (dead letters to news.dlq). */
    STATELESS("stateless"),
    /** {@code NewswireTopology.build}: the real pipeline, dedup stores and repartitions included. */
    WHOLE("whole");

    private final String label;

    BenchPhase(final String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The phases named in {@code names} ("passthrough", "stateless", "whole"), in the order given.
     *
     * @throws IllegalArgumentException naming the unknown phase and the known ones
     */
    public static List<BenchPhase> parse(final List<String> names) {
        final List<BenchPhase> phases = new ArrayList<>();
        for (final String name : names) {
            final String wanted = name.trim().toLowerCase(Locale.ROOT);
            phases.add(java.util.Arrays.stream(values()).filter(phase -> phase.label.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown phase '" + name + "': use passthrough, "
                    + "stateless and/or whole")));
        }
        return List.copyOf(phases);
    }
}

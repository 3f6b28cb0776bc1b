package io.newswire.app.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One scenario's accuracy figures, from its {@link LagSeries}: for newswire at each refresh interval and for
 * kafka-lag-exporter, the error of the lag served at every virtual second (the latest reading, stale between readings,
 * as a scrape sees it) and at the method's own reading instants; and, since the exporter's 30 s polls start at instant
 * 0 like the scenario's phases, the spread of its figures over every poll phase.
 *
 * @param scenario    the scenario's name
 * @param description its traffic, in words
 * @param seconds     its length in virtual seconds
 * @param maxTruth    the largest true lag, s
 * @param methods     newswire at each refresh interval, then the exporter
 * @param phases      the exporter over every poll phase
 * @param mismatches  newswire readings that saw another log end or committed offset than the simulation
 * @param readMillis  mean real time of one newswire reading, ms
 */
public record LagFigures(String scenario, String description, int seconds, double maxTruth, List<Method> methods,
                         PhaseSpread phases, int mismatches, double readMillis) {

    /**
     * One method's figures.
     *
     * @param name       e.g. {@code newswire 5s}
     * @param interval   its reading interval, s
     * @param served     the error of what it served at every instant
     * @param atReadings the error at its reading instants only
     */
    public record Method(String name, int interval, ErrorSummary served, ErrorSummary atReadings) {
    }

    /**
     * The exporter over each of its poll phases 0 to interval - 1 (first poll at that instant; the instants before it
     * are left out), computed from the simulated offsets.
     *
     * @param served           per phase, the error of what it served at every instant
     * @param atReadings       per phase, the error at its polls
     * @param phaseZeroDiffers instants where phase 0 computed from the simulation differed from the exporter fed from
     *                         the broker (0 when the two agree)
     */
    public record PhaseSpread(List<ErrorSummary> served, List<ErrorSummary> atReadings, int phaseZeroDiffers) {

        /** The smallest of {@code figure} over the phases' summaries in {@code summaries}, NaN ignored. */
        public static double min(final List<ErrorSummary> summaries, final ToDoubleFunction<ErrorSummary> figure) {
            return summaries.stream().mapToDouble(figure).filter(value -> !Double.isNaN(value)).min()
                .orElse(Double.NaN);
        }

        /** The largest, NaN ignored. */
        public static double max(final List<ErrorSummary> summaries, final ToDoubleFunction<ErrorSummary> figure) {
            return summaries.stream().mapToDouble(figure).filter(value -> !Double.isNaN(value)).max()
                .orElse(Double.NaN);
        }
    }

    /** The figures of {@code series} for newswire at each of {@code refreshSeconds} and for the exporter. */
    public static LagFigures of(final LagSeries series, final List<Integer> refreshSeconds) {
        final double[] truth = series.truth();
        final List<Method> methods = new ArrayList<>();
        for (final int refresh : refreshSeconds) {
            methods.add(new Method("newswire " + refresh + "s", refresh,
                ErrorSummary.of(LagSeries.served(series.newswire(), refresh, 0), truth, 0, 1),
                ErrorSummary.of(series.newswire(), truth, 0, refresh)));
        }
        final int poll = series.exporterPoll();
        methods.add(new Method("exporter " + poll + "s", poll,
            ErrorSummary.of(LagSeries.served(series.exporter(), poll, 0), truth, 0, 1),
            ErrorSummary.of(series.exporter(), truth, 0, poll)));
        return new LagFigures(series.scenario().name(), series.scenario().description(), series.scenario().seconds(),
            series.maxTruth(), List.copyOf(methods), phaseSpread(series), series.mismatches(), series.readMillis());
    }

    private static PhaseSpread phaseSpread(final LagSeries series) {
        final int poll = series.exporterPoll();
        final List<ErrorSummary> served = new ArrayList<>();
        final List<ErrorSummary> atReadings = new ArrayList<>();
        int phaseZeroDiffers = 0;
        for (int phase = 0; phase < poll; phase++) {
            final double[] readings = series.exporterReadings(phase);
            if (phase == 0) {
                phaseZeroDiffers = differences(readings, series.exporter());
            }
            served.add(ErrorSummary.of(LagSeries.served(readings, poll, phase), series.truth(), phase, 1));
            atReadings.add(ErrorSummary.of(readings, series.truth(), phase, poll));
        }
        return new PhaseSpread(List.copyOf(served), List.copyOf(atReadings), phaseZeroDiffers);
    }

    private static int differences(final double[] one, final double[] other) {
        int differing = 0;
        for (int t = 0; t < one.length; t++) {
            if (Double.compare(one[t], other[t]) != 0) {
                differing++;
            }
        }
        return differing;
    }

    /** The figures of the method named {@code name}. */
    public Method method(final String name) {
        return methods.stream().filter(method -> method.name().equals(name)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no method " + name + " in " + scenario));
    }
}

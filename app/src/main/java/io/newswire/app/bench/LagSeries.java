package io.newswire.app.bench;

import java.util.Arrays;

/**
 * What one scenario of the lag benchmark recorded, one entry per instant of virtual time (0 to the scenario's
 * length, in seconds): the true lag, the log end and committed offset, and the lag each method computed at the
 * instants it read (NaN at the others). Also what makes the figures trustworthy: how often newswire's reading saw
 * another log end or committed offset than the simulation, and how long its readings took in real time.
 *
 * @param scenario       the scenario run
 * @param startTime      virtual instant 0, ms since the epoch
 * @param truth          true lag, s
 * @param logEnd         log end offset
 * @param committed      the group's committed offset
 * @param newswire       {@code LagReader}'s lag, s, at every instant some refresh interval divides
 * @param exporter       kafka-lag-exporter's lag, s, at every poll (from the log end and committed offset read from
 *                       the broker at that instant)
 * @param exporterPoll   the exporter's poll interval, s
 * @param mismatches     newswire readings whose log end or committed offset differed from the simulation's
 * @param readMillis     mean real time of one {@code LagReader} reading, ms
 * @param maxReadMillis  longest one, ms
 */
public record LagSeries(LagScenario scenario, long startTime, double[] truth, long[] logEnd, long[] committed,
                        double[] newswire, double[] exporter, int exporterPoll, int mismatches, double readMillis,
                        double maxReadMillis) {

    /** The lag served at each instant by a method that reads every {@code interval} s from {@code phase} on. */
    public static double[] served(final double[] readings, final int interval, final int phase) {
        final double[] served = new double[readings.length];
        Arrays.fill(served, Double.NaN);
        for (int t = phase; t < readings.length; t++) {
            served[t] = readings[phase + (t - phase) / interval * interval];
        }
        return served;
    }

    /**
     * kafka-lag-exporter's readings had it polled every {@link #exporterPoll} s from instant {@code phase} on, from the
     * simulation's log end and committed offsets (which newswire's readings confirm are the broker's).
     */
    public double[] exporterReadings(final int phase) {
        final double[] readings = new double[truth.length];
        Arrays.fill(readings, Double.NaN);
        final ExporterLagEstimate estimate = new ExporterLagEstimate();
        for (int t = phase; t < truth.length; t += exporterPoll) {
            readings[t] = estimate.poll(logEnd[t], committed[t], startTime + t * 1000L);
        }
        return readings;
    }

    /** The largest true lag, s. */
    public double maxTruth() {
        return Arrays.stream(truth).max().orElse(0.0);
    }
}

package io.newswire.app.bench;

import java.util.Arrays;

/**
 * How far a lag figure (in seconds) was from the true lag over a set of instants: median, 95th percentile (nearest
 * rank) and largest absolute error over the instants where the figure was a number, how many instants were within
 * tolerance ({@link #tolerance}), and how many had no usable figure (NaN or infinite: counted as outside tolerance).
 * The same share is also counted over the instants where the group really lagged (true lag above
 * {@link #LAGGING_SECONDS}): in a long scenario the calm seconds, which every method gets right, can hide a method's
 * errors while it matters.
 *
 * @param instants        instants compared
 * @param p50             median absolute error, s (NaN when no instant had a number)
 * @param p95             95th percentile of the absolute error, s
 * @param max             largest absolute error, s
 * @param withinTolerance instants where the error was at most {@link #tolerance} of the true lag
 * @param unknown         instants where the figure was NaN or infinite
 * @param lagging         instants where the true lag was above {@link #LAGGING_SECONDS}
 * @param laggingWithin   those of them where the error was within tolerance
 */
public record ErrorSummary(int instants, double p50, double p95, double max, int withinTolerance, int unknown,
                           int lagging, int laggingWithin) {

    /** The share of instants within tolerance that counts as accurate. */
    public static final double TARGET_SHARE = 0.95;
    /** The true lag, s, above which a group counts as lagging. */
    public static final double LAGGING_SECONDS = 1.0;
    private static final double TOLERANCE_FLOOR_SECONDS = 1.0;
    private static final double TOLERANCE_SHARE_OF_TRUTH = 0.02;

    /** The error allowed when the true lag is {@code truth} seconds: 1 s, or 2 % of it when that is more. */
    public static double tolerance(final double truth) {
        return Math.max(TOLERANCE_FLOOR_SECONDS, TOLERANCE_SHARE_OF_TRUTH * Math.abs(truth));
    }

    /**
     * Compares {@code figures} with {@code truth} at the instants {@code from}, {@code from + step}, … (indices of
     * both arrays, one per virtual second).
     */
    public static ErrorSummary of(final double[] figures, final double[] truth, final int from, final int step) {
        if (figures.length != truth.length) {
            throw new IllegalArgumentException(figures.length + " figures for " + truth.length + " true lags");
        }
        if (from < 0 || step < 1) {
            throw new IllegalArgumentException("instants from " + from + " every " + step + ": need from >= 0 and "
                + "step >= 1");
        }
        final double[] errors = new double[truth.length];
        int known = 0;
        int instants = 0;
        int within = 0;
        int lagging = 0;
        int laggingWithin = 0;
        for (int t = from; t < truth.length; t += step) {
            instants++;
            final boolean isLagging = truth[t] > LAGGING_SECONDS;
            if (isLagging) {
                lagging++;
            }
            if (!Double.isFinite(figures[t])) {
                continue;
            }
            final double error = Math.abs(figures[t] - truth[t]);
            errors[known++] = error;
            if (error <= tolerance(truth[t])) {
                within++;
                if (isLagging) {
                    laggingWithin++;
                }
            }
        }
        final double[] sorted = Arrays.copyOf(errors, known);
        Arrays.sort(sorted);
        return new ErrorSummary(instants, rank(sorted, 0.50), rank(sorted, 0.95),
            known == 0 ? Double.NaN : sorted[known - 1], within, instants - known, lagging, laggingWithin);
    }

    /** The smallest value with at least {@code quantile} of the values at or below it. */
    private static double rank(final double[] sorted, final double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        final int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** The share of instants within tolerance, 0 to 1. */
    public double withinShare() {
        return instants == 0 ? 0.0 : (double) withinTolerance / instants;
    }

    /** The share of lagging instants within tolerance, 0 to 1; NaN when the group never lagged. */
    public double laggingWithinShare() {
        return lagging == 0 ? Double.NaN : (double) laggingWithin / lagging;
    }

    /** Whether at least {@link #TARGET_SHARE} of the instants were within tolerance. */
    public boolean meetsTarget() {
        return instants > 0 && withinShare() >= TARGET_SHARE;
    }
}

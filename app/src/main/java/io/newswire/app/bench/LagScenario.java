package io.newswire.app.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One traffic pattern of the lag benchmark, second by second of virtual time: how many records are produced in each
 * second, how many the consumer group can consume in it, and the instant (if any) at which the group's offset is
 * reset to 0. Phase boundaries are in sevenths of the scenario's length, so that the default 35 minutes give whole
 * minutes.
 */
public final class LagScenario {

    /** The rate of every scenario outside its bursts, records/s. */
    static final int STEADY_RATE = 20;
    /** The consumer group's capacity, records/s. */
    static final int CAPACITY = 50;
    static final int BURST_RATE = 200;
    static final int BURST_SECONDS = 120;
    static final int REPLAY_CAPACITY = 500;
    /** No reset of the group's offset. */
    static final int NO_RESET = -1;

    private final String name;
    private final String description;
    private final int[] produced;
    private final int[] capacity;
    private final int resetAt;

    LagScenario(final String name, final String description, final int[] produced, final int[] capacity,
                final int resetAt) {
        if (produced.length != capacity.length) {
            throw new IllegalArgumentException(name + ": " + produced.length + " seconds of production, "
                + capacity.length + " of capacity");
        }
        this.name = name;
        this.description = description;
        this.produced = produced.clone();
        this.capacity = capacity.clone();
        this.resetAt = resetAt;
    }

    /** The four scenarios, each {@code minutes} long. */
    public static List<LagScenario> all(final int minutes) {
        return List.of(steady(minutes), burst(minutes), longIdle(minutes), replay(minutes));
    }

    static LagScenario steady(final int minutes) {
        final int seconds = minutes * 60;
        return new LagScenario("steady", String.format(Locale.ROOT, "%d records/s for %d min, capacity %d/s",
            STEADY_RATE, minutes, CAPACITY), filled(seconds, STEADY_RATE), filled(seconds, CAPACITY), NO_RESET);
    }

    static LagScenario burst(final int minutes) {
        final int seconds = minutes * 60;
        final int start = sevenths(minutes, 1);
        final int[] produced = filled(seconds, STEADY_RATE);
        Arrays.fill(produced, start, Math.min(seconds, start + BURST_SECONDS), BURST_RATE);
        return new LagScenario("burst", String.format(Locale.ROOT, "%d/s, then %d/s from %s for %d s, then %d/s "
                + "again; capacity %d/s", STEADY_RATE, BURST_RATE, clock(start), BURST_SECONDS, STEADY_RATE,
            CAPACITY), produced, filled(seconds, CAPACITY), NO_RESET);
    }

    static LagScenario longIdle(final int minutes) {
        final int seconds = minutes * 60;
        final int stop = sevenths(minutes, 2);
        final int restart = sevenths(minutes, 5);
        final int[] produced = filled(seconds, STEADY_RATE);
        Arrays.fill(produced, stop, restart, 0);
        return new LagScenario("long idle", String.format(Locale.ROOT, "%d/s until %s, nothing until %s, then "
                + "%d/s; capacity %d/s", STEADY_RATE, clock(stop), clock(restart), STEADY_RATE, CAPACITY), produced,
            filled(seconds, CAPACITY), NO_RESET);
    }

    static LagScenario replay(final int minutes) {
        final int seconds = minutes * 60;
        final int reset = sevenths(minutes, 6);
        final int[] capacity = filled(seconds, CAPACITY);
        Arrays.fill(capacity, reset, seconds, REPLAY_CAPACITY);
        return new LagScenario("replay", String.format(Locale.ROOT, "%d/s throughout, group caught up; its offset "
                + "reset to 0 at %s, then it replays at %d/s until caught up", STEADY_RATE, clock(reset),
            REPLAY_CAPACITY), filled(seconds, STEADY_RATE), capacity, reset);
    }

    private static int sevenths(final int minutes, final int sevenths) {
        return (int) Math.round(minutes * 60.0 * sevenths / 7);
    }

    private static int[] filled(final int seconds, final int value) {
        final int[] array = new int[seconds];
        Arrays.fill(array, value);
        return array;
    }

    /** {@code m:ss} of virtual time. */
    static String clock(final int seconds) {
        return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    /** The scenario's length in virtual seconds; instants 0 to this one are measured. */
    public int seconds() {
        return produced.length;
    }

    /** Records produced in the second that starts at {@code second}. */
    public int producedIn(final int second) {
        return produced[second];
    }

    /** Records the group can consume in the second that starts at {@code second}. */
    public int capacityIn(final int second) {
        return capacity[second];
    }

    /** The instant at which the group's offset goes back to 0, or {@link #NO_RESET}. */
    public int resetAt() {
        return resetAt;
    }

    /** Records produced over the whole scenario. */
    public long records() {
        return Arrays.stream(produced).asLongStream().sum();
    }
}

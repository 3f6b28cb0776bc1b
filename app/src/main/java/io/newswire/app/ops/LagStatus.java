package io.newswire.app.ops;

/**
 * How a group is doing on a partition, judged over a time window ({@link LagJudge}), after Burrow's evaluation rules
 * but measured in time rather than in a count of commits.
 */
public enum LagStatus {
    /** Keeping up, or waiting records below the thresholds. */
    OK,
    /** Lag above the thresholds and growing through the whole window. */
    WARN,
    /** The group has members, but its committed offset has not moved for the window while records wait. */
    STALL,
    /** The group has no members while records wait: nobody is consuming. */
    STOP,
    /** The committed offset went backwards within the window (a reset or a replay). */
    REWIND,
    /** The group's figures could not be read. */
    ERROR
}

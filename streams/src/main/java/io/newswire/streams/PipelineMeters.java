package io.newswire.streams;

/**
 * What the topology tells a metrics registry as records pass, stage by stage. Called from stream threads (and, for
 * {@link #delivered}, from producer I/O threads), so implementations must be thread-safe and cheap. The topology
 * counts what it processes: after a crash, the records of an aborted transaction are processed, and counted, again.
 * This module knows no metrics library; the app binds these calls to its registry.
 */
public interface PipelineMeters {

    /** Counts nothing: the TopologyTestDriver's and the benchmarks' topologies. */
    PipelineMeters NONE = new PipelineMeters() {
    };

    /** A news.raw record was read (before decoding: a record that fails to decode counts too). */
    default void itemIn() {
    }

    /** An item was enriched in {@code nanos}. */
    default void enriched(final long nanos) {
    }

    /** The dedup index handled one request (an item, or a heartbeat and the decisions it released) in {@code nanos}. */
    default void indexed(final long nanos) {
    }

    /** The dedup index decided an item: {@code new}, {@code duplicate}, {@code update} or {@code translation}. */
    default void decided(final String decision) {
    }

    /** A copy of an item went to a route's topic ({@code general} when no route matched). */
    default void routed(final String route) {
    }

    /** A record went to the dead-letter topic from {@code stage}. */
    default void deadLettered(final String stage) {
    }

    /**
     * The broker acknowledged a record on an output {@code topic}: {@code eventTime} is its timestamp (the news.raw
     * item's event time), {@code ackedAt} the wall clock at the acknowledgement.
     */
    default void delivered(final String topic, final long eventTime, final long ackedAt) {
    }
}

package io.newswire.app.bench;

import java.util.Map;

/**
 * When each item of a run was sent: item id → the record's timestamp (epoch ms, the moment of sending), in sending
 * order, and the first and last send on the {@link System#nanoTime} clock.
 */
public record PublishLog(Map<String, Long> sentAtMs, long firstSendNanos, long lastSendNanos) {

    public PublishLog {
        sentAtMs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sentAtMs));
    }

    public int items() {
        return sentAtMs.size();
    }

    /** Seconds from the first send to the last. */
    public double sendingSeconds() {
        return (lastSendNanos - firstSendNanos) / 1e9;
    }
}

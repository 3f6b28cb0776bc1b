package io.newswire.producer.publish;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The trace header a run puts on every record it publishes ({@code <run id>/<sequence>}). Kafka Streams carries
 * record headers through every stage to the output topics, so a run can tell which outputs came from which of its
 * inputs and prove that each input was accounted for exactly once.
 */
public final class Trace {

    public static final String HEADER = "newswire.trace";

    private Trace() {
    }

    public static String of(final String runId, final long sequence) {
        return runId + "/" + sequence;
    }

    /** The trace of a record, or null when it has none. */
    public static String read(final Headers headers) {
        final Header header = headers.lastHeader(HEADER);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static void write(final Headers headers, final String trace) {
        headers.remove(HEADER);
        headers.add(HEADER, trace.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code trace} belongs to run {@code runId}. */
    public static boolean ofRun(final String trace, final String runId) {
        return trace != null && trace.startsWith(runId + "/");
    }
}

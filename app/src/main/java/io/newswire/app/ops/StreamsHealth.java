package io.newswire.app.ops;

import java.time.Duration;
import java.util.Locale;

import io.newswire.streams.PipelineConfig;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Health of a process running the topology: live unless Kafka Streams failed or stopped; ready while it is RUNNING and
 * the pipeline's group is caught up, by the last lag reading, within {@code newswire.ops.ready.lag} on every stage it
 * reads (news.raw and the internal topics).
 */
public final class StreamsHealth implements Health {

    private final KafkaStreams streams;
    private final LagMonitor lag;
    private final PipelineConfig config;

    public StreamsHealth(final KafkaStreams streams, final LagMonitor lag, final PipelineConfig config) {
        this.streams = streams;
        this.lag = lag;
        this.config = config;
    }

    @Override
    public Verdict live() {
        final KafkaStreams.State state = streams.state();
        return switch (state) {
            case ERROR, PENDING_ERROR, NOT_RUNNING, PENDING_SHUTDOWN -> Verdict.down("topology " + state);
            default -> Verdict.up("topology " + state);
        };
    }

    @Override
    public Verdict ready() {
        final KafkaStreams.State state = streams.state();
        if (state != KafkaStreams.State.RUNNING) {
            return Verdict.down("topology " + state);
        }
        final LagMonitor.Snapshot snapshot = lag.snapshot();
        if (snapshot.readAt() == 0) {
            return Verdict.down("topology RUNNING, lag not read yet");
        }
        if (snapshot.error() != null) {
            return Verdict.down("topology RUNNING, lag not readable: " + snapshot.error());
        }
        final long stale = System.currentTimeMillis() - snapshot.readAt();
        final Duration refresh = lag.settings().refresh();
        if (stale > 3 * refresh.toMillis() + 10_000) {
            return Verdict.down("topology RUNNING, last lag reading " + stale / 1000 + " s old");
        }
        final Duration allowed = lag.settings().readyLag();
        double worst = 0;
        String where = null;
        for (final LagJudge.Judged row : snapshot.rows()) {
            if (row.lag().group().equals(config.applicationId()) && row.lag().lagSeconds() > worst) {
                worst = row.lag().lagSeconds();
                where = row.lag().stage() + " " + row.lag().partition();
            }
        }
        if (worst > allowed.toMillis() / 1000.0) {
            return Verdict.down(String.format(Locale.ROOT, "topology RUNNING, %.1f s behind on %s (ready up to %d s)",
                worst, where, allowed.toSeconds()));
        }
        return Verdict.up(String.format(Locale.ROOT, "topology RUNNING, %.1f s behind at most", worst));
    }
}

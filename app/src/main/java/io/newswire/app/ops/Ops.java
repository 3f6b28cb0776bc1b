package io.newswire.app.ops;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.newswire.app.Console;
import io.newswire.producer.publish.PublishSummary;
import io.newswire.producer.publish.WirePublisher;
import io.newswire.streams.PipelineConfig;
import io.newswire.streams.PipelineMeters;
import org.apache.kafka.streams.KafkaStreams;

/**
 * A command's operations side: its metrics, its lag monitor (when it has one) and its HTTP endpoints, started
 * together and closed together. A port that cannot be bound is said and skipped: metrics never stop the pipeline.
 * With the port off ({@code -1}) nothing is measured and nothing listens.
 */
public final class Ops implements AutoCloseable {

    private final String component;
    private final OpsSettings settings;
    private final OpsMetrics metrics;
    private final Console console;
    private volatile LagMonitor lag;
    /** The counts the status page shows: the topology's, else the publisher's, else none. */
    private volatile Supplier<Map<String, Double>> totals = Map::of;
    private volatile boolean runsTopology;
    private OpsServer server;
    private volatile Health health = Health.UP;
    /** Renders the scrape every refresh interval while no lag monitor does it after its readings. */
    private final ScheduledExecutorService renderer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        final Thread thread = new Thread(runnable, "newswire-metrics");
        thread.setDaemon(true);
        return thread;
    });

    private Ops(final String component, final OpsSettings settings, final OpsMetrics metrics, final Console console) {
        this.component = component;
        this.settings = settings;
        this.metrics = metrics;
        this.console = console;
    }

    /** Nothing measured, nothing served. */
    public static Ops off(final String component, final OpsSettings settings, final Console console) {
        return new Ops(component, settings, null, console);
    }

    /**
     * Starts the metrics and, on {@code port} (0: any free one, -1: none), the endpoints.
     *
     * @param component what the process is: {@code streams}, {@code run}, {@code produce}, {@code broker}, {@code lag}
     */
    public static Ops start(final String component, final int port, final OpsSettings settings,
                            final Console console) {
        if (port == OpsSettings.OFF) {
            return off(component, settings, console);
        }
        final Ops ops = new Ops(component, settings, new OpsMetrics(component), console);
        ops.renderer.scheduleWithFixedDelay(() -> {
            try {
                ops.metrics.render();
            } catch (final RuntimeException e) {
                console.note("metrics not rendered: %s", e);
            }
        }, 0, settings.refresh().toMillis(), TimeUnit.MILLISECONDS);
        try {
            ops.server = OpsServer.start(port, new OpsServer.Content(ops.metrics, () -> ops.health, () -> ops.lag,
                () -> ops.totals.get(), component));
            console.note("status http://localhost:%d/status, metrics /metrics, health /health/ready",
                ops.server.port());
        } catch (final IOException e) {
            console.note("metrics and status not served: port %d cannot be opened (%s); pass --http-port with a "
                + "free port (0 for any, -1 for none) or set newswire.ops.http.port", port, e.getMessage());
        }
        return ops;
    }

    /**
     * Reads the lag of the pipeline's group, of the readers of its output topics and of {@code groups} in the
     * background, for {@code /lag}, {@code /status}, {@code /health/ready} and the metrics.
     */
    public Ops withLag(final Properties kafka, final PipelineConfig config, final List<String> groups) {
        if (metrics == null) {
            return this;
        }
        lag = new LagMonitor(() -> new LagReader(kafka, config), config, settings, groups);
        lag.register(metrics.registry().getPrometheusRegistry());
        // The scrape is rendered right after each reading, so /metrics and /lag show the same one.
        lag.start(metrics::render);
        renderer.shutdownNow();
        return this;
    }

    /** What the process's stages tell: the registry, or nothing when off. */
    public PipelineMeters meters() {
        return metrics == null ? PipelineMeters.NONE : metrics;
    }

    /** Adds Kafka Streams' metrics and makes health follow the topology (and the lag, when read). */
    public void bindStreams(final KafkaStreams streams, final PipelineConfig config) {
        if (metrics == null) {
            return;
        }
        metrics.bindStreams(streams);
        runsTopology = true;
        totals = metrics::totals;
        if (lag != null) {
            health = new StreamsHealth(streams, lag, config);
        }
    }

    /** Adds a publisher's producers' metrics and its counts. */
    public void bindPublisher(final WirePublisher publisher) {
        if (metrics != null) {
            metrics.bindPublisher(publisher);
            if (!runsTopology) {
                totals = () -> {
                    final PublishSummary summary = publisher.summary();
                    final Map<String, Double> counts = new LinkedHashMap<>();
                    counts.put("files read", (double) summary.filesRead());
                    counts.put("items published", (double) summary.itemsPublished());
                    counts.put("not taken by Kafka", (double) summary.itemsFailed());
                    counts.put("rejected", (double) summary.rejects());
                    return counts;
                };
            }
        }
    }

    /** Replaces the health the endpoints answer with. */
    public void health(final Health processHealth) {
        this.health = processHealth;
    }

    /** The endpoints' port, or -1 when nothing listens. */
    public int port() {
        return server == null ? -1 : server.port();
    }

    /** The lag monitor, or null when there is none. */
    public LagMonitor lag() {
        return lag;
    }

    public OpsMetrics metrics() {
        return metrics;
    }

    @Override
    public void close() {
        renderer.shutdownNow();
        if (server != null) {
            server.close();
        }
        if (lag != null) {
            lag.close();
        }
        if (metrics != null) {
            metrics.close();
        }
    }
}

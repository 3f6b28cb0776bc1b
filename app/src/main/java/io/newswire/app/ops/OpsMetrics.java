package io.newswire.app.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newswire.producer.publish.PublishSummary;
import io.newswire.producer.publish.WirePublisher;
import io.newswire.producer.source.RejectReason;
import io.newswire.streams.PipelineMeters;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The process's metrics, in one Micrometer registry exposed in the Prometheus text format: JVM and process figures,
 * Kafka Streams' and the Kafka clients' own metrics (Micrometer's Kafka binders, read from the clients' in-memory
 * metrics, never from the network), newswire's per-stage counters and timings ({@link PipelineMeters}), the
 * producer's published and rejected inputs, and the lag figures a {@link LagMonitor} registers.
 */
public final class OpsMetrics implements PipelineMeters, AutoCloseable {

    /** Buckets of the publish-to-output histogram, in seconds: from the dedup grace to a long stall. */
    private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofMillis(750), Duration.ofSeconds(1), Duration.ofMillis(1500),
        Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
        Duration.ofMinutes(1), Duration.ofMinutes(5)};

    private static final String OPEN_METRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter itemsIn;
    private final Timer enrichment;
    private final Timer index;
    private final Map<String, Counter> decisions = new ConcurrentHashMap<>();
    private final Map<String, Counter> routes = new ConcurrentHashMap<>();
    private final Map<String, Counter> deadLetters = new ConcurrentHashMap<>();
    private final Map<String, Timer> latencies = new ConcurrentHashMap<>();
    private final List<AutoCloseable> binders = new ArrayList<>();
    private volatile String rendered;

    /** @param component what this process is ({@code streams}, {@code run}, {@code produce}, {@code broker}) */
    public OpsMetrics(final String component) {
        registry.config().commonTags("component", component);
        new JvmMemoryMetrics().bindTo(registry);
        final JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        binders.add(gc);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        itemsIn = Counter.builder("newswire.items.in").description("news.raw records read by the topology")
            .register(registry);
        enrichment = Timer.builder("newswire.enrich").description("Time to enrich one item").register(registry);
        index = Timer.builder("newswire.dedup.index")
            .description("Time the dedup index took for one request (an item, or a heartbeat and what it released)")
            .register(registry);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /**
     * The metrics in the Prometheus text format as last rendered by {@link #render} (rendered now when never
     * before), or rendered now in OpenMetrics when {@code accept} asks for it. Rendering every Kafka Streams metric
     * takes tens of ms of CPU on a busy 2-core machine; rendering it once per refresh, in the background, keeps a
     * scrape's cost and time flat whoever scrapes and how often.
     */
    public String scrape(final String accept) {
        if (openMetrics(accept)) {
            return registry.scrape(OPEN_METRICS);
        }
        final String cached = rendered;
        return cached != null ? cached : render();
    }

    /** Renders the Prometheus text now and keeps it for the scrapes until the next rendering. */
    public String render() {
        final String text = registry.scrape();
        rendered = text;
        return text;
    }

    /** The content type {@link #scrape} answers {@code accept} with. */
    public static String contentType(final String accept) {
        return openMetrics(accept) ? OPEN_METRICS : "text/plain; version=0.0.4; charset=utf-8";
    }

    private static boolean openMetrics(final String accept) {
        return accept != null && accept.contains("application/openmetrics-text");
    }

    /** Adds Kafka Streams' metrics (threads, tasks, processor nodes, stores, and its clients') of {@code streams}. */
    public void bindStreams(final KafkaStreams streams) {
        final KafkaStreamsMetrics metrics = new KafkaStreamsMetrics(streams);
        metrics.bindTo(registry);
        binders.add(metrics);
    }

    /** Adds a producer's client metrics and a publisher's counts: files, items, dead letters and rejects by reason. */
    public void bindPublisher(final WirePublisher publisher) {
        for (final Producer<?, ?> producer : publisher.producers()) {
            final KafkaClientMetrics metrics = new KafkaClientMetrics(producer);
            metrics.bindTo(registry);
            binders.add(metrics);
        }
        FunctionCounter.builder("newswire.files.read", publisher, p -> p.summary().filesRead())
            .description("Input files read").register(registry);
        FunctionCounter.builder("newswire.items.published", publisher, p -> p.summary().itemsPublished())
            .description("Items Kafka acknowledged on news.raw").register(registry);
        FunctionCounter.builder("newswire.items.failed", publisher, p -> p.summary().itemsFailed())
            .description("Items Kafka did not take").register(registry);
        for (final RejectReason reason : RejectReason.values()) {
            FunctionCounter.builder("newswire.rejected", publisher, p -> rejects(p.summary(), reason))
                .description("Files, lines and items rejected (sent to the dead-letter topic), by reason")
                .tag("reason", reason.code()).register(registry);
        }
    }

    private static double rejects(final PublishSummary summary, final RejectReason reason) {
        final Long count = summary.rejectsByReason().get(reason.code());
        return count == null ? 0 : count;
    }

    @Override
    public void itemIn() {
        itemsIn.increment();
    }

    @Override
    public void enriched(final long nanos) {
        enrichment.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void indexed(final long nanos) {
        index.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void decided(final String decision) {
        decisions.computeIfAbsent(decision, kind -> Counter.builder("newswire.decisions")
            .description("Dedup decisions, by kind").tag("decision", kind).register(registry)).increment();
    }

    @Override
    public void routed(final String route) {
        routes.computeIfAbsent(route, name -> Counter.builder("newswire.routed")
            .description("Copies of items sent to a route's topic").tag("route", name).register(registry)).increment();
    }

    @Override
    public void deadLettered(final String stage) {
        deadLetters.computeIfAbsent(stage, name -> Counter.builder("newswire.dead.letters")
            .description("Records sent to the dead-letter topic, by the stage that failed").tag("stage", name)
            .register(registry)).increment();
    }

    @Override
    public void delivered(final String topic, final long eventTime, final long ackedAt) {
        latencies.computeIfAbsent(topic, name -> Timer.builder("newswire.publish.to.output")
            .description("From an item's news.raw timestamp to the broker's acknowledgement of its record on an "
                + "output topic")
            .tag("topic", name).serviceLevelObjectives(LATENCY_BUCKETS).register(registry))
            .record(Math.max(0, ackedAt - eventTime), TimeUnit.MILLISECONDS);
    }

    /** Counts from this process's own counters, for the status page: items in, routed, decided, dead-lettered. */
    public Map<String, Double> totals() {
        final Map<String, Double> totals = new LinkedHashMap<>();
        totals.put("items in", itemsIn.count());
        totals.put("routed", routes.values().stream().mapToDouble(Counter::count).sum());
        final Counter duplicates = decisions.get("duplicate");
        totals.put("duplicates", duplicates == null ? 0.0 : duplicates.count());
        totals.put("dead letters", deadLetters.values().stream().mapToDouble(Counter::count).sum());
        return totals;
    }

    @Override
    public void close() {
        for (final AutoCloseable binder : binders) {
            try {
                binder.close();
            } catch (final Exception e) {
                // Closing a binder only stops its refresh; nothing to do about a failure at exit.
            }
        }
        registry.close();
    }
}

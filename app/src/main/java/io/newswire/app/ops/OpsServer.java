package io.newswire.app.ops;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's HTTP endpoints, on the JDK's own HTTP server (two threads; every answer comes from memory, none
 * calls Kafka):
 * <ul>
 *   <li>{@code /metrics}: Prometheus text (OpenMetrics when asked for);</li>
 *   <li>{@code /lag}: the last lag reading as JSON, the same array {@code newswire lag --json} prints;</li>
 *   <li>{@code /health/live} and {@code /health/ready}: 200 or 503 with a JSON reason;</li>
 *   <li>{@code /status}: the status page ({@code /} redirects there).</li>
 * </ul>
 */
public final class OpsServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OpsServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;

    /** What the endpoints serve. */
    public record Content(OpsMetrics metrics, Supplier<Health> health, Supplier<LagMonitor> lag,
                          Supplier<Map<String, Double>> totals, String component) {
    }

    private OpsServer(final HttpServer server, final ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Listens on {@code port} of every interface (0: any free port).
     *
     * @throws IOException when the port cannot be bound (in use, not permitted)
     */
    public static OpsServer start(final int port, final Content content) throws IOException {
        final HttpServer server = HttpServer.create(new InetSocketAddress(port), 16);
        final ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
            final Thread thread = new Thread(runnable, "newswire-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/metrics", exchange -> answer(exchange, () -> {
            final String accept = exchange.getRequestHeaders().getFirst("Accept");
            return new Answer(200, OpsMetrics.contentType(accept), content.metrics().scrape(accept));
        }));
        server.createContext("/lag", exchange -> answer(exchange, () -> content.lag().get() == null
            ? new Answer(404, "application/json", "{\"error\":\"this process reads no lag\"}")
            : new Answer(200, "application/json", lagJson(content.lag().get()))));
        server.createContext("/health/live", exchange -> answer(exchange,
            () -> health(content.health().get().live())));
        server.createContext("/health/ready", exchange -> answer(exchange,
            () -> health(content.health().get().ready())));
        server.createContext("/status", exchange -> answer(exchange, () -> new Answer(200,
            "text/html; charset=utf-8", StatusPage.render(content.component(), content.health().get(), content.lag().get(),
            content.totals().get()))));
        server.createContext("/", exchange -> {
            if ("/".equals(exchange.getRequestURI().getPath())) {
                exchange.getResponseHeaders().add("Location", "/status");
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
            } else {
                answer(exchange, () -> new Answer(404, "text/plain; charset=utf-8",
                    "not found; try /status, /metrics, /lag, /health/live or /health/ready\n"));
            }
        });
        server.start();
        return new OpsServer(server, executor);
    }

    /** The port listened on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The last reading as {@code newswire lag --json} prints it. */
    static String lagJson(final LagMonitor lag) {
        return LagJson.of(lag.snapshot().rows()).toString();
    }

    private static Answer health(final Health.Verdict verdict) {
        final ObjectNode body = JSON.createObjectNode();
        body.put("status", verdict.up() ? "UP" : "DOWN");
        body.put("reason", verdict.reason());
        return new Answer(verdict.up() ? 200 : 503, "application/json", body.toString());
    }

    private record Answer(int status, String contentType, String body) {
    }

    private static void answer(final HttpExchange exchange, final Supplier<Answer> answer) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().add("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            Answer result;
            try {
                result = answer.get();
            } catch (final RuntimeException e) {
                LOG.warn("{} failed: {}", exchange.getRequestURI(), e.toString());
                result = new Answer(500, "text/plain; charset=utf-8", "failed: " + e + "\n");
            }
            final byte[] body = result.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", result.contentType());
            exchange.getResponseHeaders().add("Cache-Control", "no-store");
            if ("HEAD".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(result.status(), -1);
                return;
            }
            exchange.sendResponseHeaders(result.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

package io.newswire.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Asks a process's ops endpoints over real HTTP, and reads the Prometheus text format strictly. */
final class OpsProbe {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SAMPLE = Pattern.compile(
        "([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (-?[0-9.eE+-]+|NaN|\\+Inf|-Inf)(?: -?[0-9]+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");
    private static final Pattern TYPE = Pattern.compile("# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|"
        + "summary|untyped)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;

    OpsProbe(final int port) {
        this.port = port;
    }

    /** One sample of a scrape. */
    record Sample(String name, Map<String, String> labels, double value) {
    }

    HttpResponse<String> get(final String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (final IOException e) {
            throw new IllegalStateException("GET " + path + " failed: " + e, e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode lag() {
        final HttpResponse<String> response = get("/lag");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        try {
            return JSON.readTree(response.body());
        } catch (final IOException e) {
            throw new AssertionError("/lag is not JSON: " + response.body(), e);
        }
    }

    /**
     * The scrape's samples; fails on any line that is neither a comment nor a sample, on a sample of no declared
     * family, and on a family declared twice.
     */
    List<Sample> scrape() {
        final HttpResponse<String> response = get("/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
        return parse(response.body());
    }

    static List<Sample> parse(final String text) {
        final Set<String> families = new HashSet<>();
        final List<Sample> samples = new ArrayList<>();
        for (final String line : text.split("\n")) {
            if (line.isEmpty() || line.startsWith("# HELP ")) {
                continue;
            }
            final Matcher type = TYPE.matcher(line);
            if (type.matches()) {
                assertThat(families.add(type.group(1))).as("family declared once: " + line).isTrue();
                continue;
            }
            final Matcher sample = SAMPLE.matcher(line);
            assertThat(sample.matches()).as("a Prometheus sample line: " + line).isTrue();
            final String name = sample.group(1);
            assertThat(families.stream().anyMatch(family -> name.equals(family) || name.startsWith(family + "_")))
                .as("sample of a declared family: " + line).isTrue();
            final Map<String, String> labels = new LinkedHashMap<>();
            if (sample.group(2) != null && !sample.group(2).isEmpty()) {
                final Matcher label = LABEL.matcher(sample.group(2));
                int end = 0;
                while (label.find()) {
                    assertThat(label.start()).as("labels of " + line).isEqualTo(end);
                    labels.put(label.group(1), label.group(2));
                    end = label.end();
                }
                assertThat(end).as("labels of " + line).isEqualTo(sample.group(2).length());
            }
            samples.add(new Sample(name, labels, Double.parseDouble(sample.group(3).replace("+Inf", "Infinity")
                .replace("-Inf", "-Infinity"))));
        }
        return samples;
    }
}

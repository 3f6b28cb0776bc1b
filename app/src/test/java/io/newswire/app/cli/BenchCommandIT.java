package io.newswire.app.cli;

import static io.newswire.app.cli.CapturedRun.newswire;
import static io.newswire.app.pipeline.TestInputs.anInputFolder;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswire.app.pipeline.TestInputs;
import io.newswire.broker.testing.SharedKafka;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code newswire bench} on a handful of items, one offered rate and two-second latency runs, on the shared embedded
 * broker: one bench for every test, then its table and JSON are checked.
 */
class BenchCommandIT {

    private static final List<String> PHASES = List.of("passthrough", "stateless", "whole");

    @TempDir
    static Path temp;

    private static TestInputs inputs;
    private static CapturedRun bench;
    private static JsonNode figures;

    @BeforeAll
    static void benchAHandfulOfItems() throws IOException {
        inputs = anInputFolder(temp.resolve("in")).withCorpusItems(5).build();
        final Path json = temp.resolve("bench.json");

        bench = newswire("bench", "--input", inputs.dir().toString(), "--bootstrap-servers",
            SharedKafka.bootstrapServers(), "--rates", "5", "--latency-seconds", "2", "--partitions", "2",
            "--threads", "1", "--timeout", "60s", "--json", json.toString());

        figures = json.toFile().exists() ? new ObjectMapper().readTree(json.toFile()) : null;
    }

    @Test
    void shouldExitZeroAndPrintTheCommandFirst() {
        assertThat(bench.exitCode()).as(bench.toString()).isZero();
        assertThat(bench.outLines().get(1)).startsWith("Command: `newswire bench --input ");
    }

    @Test
    void shouldPrintOneSummaryRowPerPhaseWithItemsPerSecond() {
        for (final String phase : PHASES) {
            assertThat(bench.outLines()).as(bench.toString())
                .filteredOn(line -> line.startsWith("| " + phase + " | ")).hasSize(1);
        }
        assertThat(figures).as(bench.toString()).isNotNull();
        assertThat(phaseNames()).containsExactlyElementsOf(PHASES);
        figures.get("phases").forEach(phase -> assertThat(phase.get("items_per_second").asDouble())
            .as(phase.get("phase").asText()).isPositive());
    }

    @Test
    void shouldAccountForEveryItemInEveryRun() {
        assertThat(figures).as(bench.toString()).isNotNull();
        assertThat(figures.get("items").asInt()).isEqualTo(inputs.items());
        figures.get("phases").forEach(phase -> {
            final List<JsonNode> runs = new ArrayList<>();
            runs.add(phase.get("saturation"));
            phase.get("rates").forEach(runs::add);
            assertThat(runs).as(phase.get("phase").asText()).hasSize(2).allSatisfy(run -> {
                assertThat(run.get("accounted").asInt()).as(run.get("application_id").asText())
                    .isEqualTo(run.get("items").asInt()).isEqualTo(inputs.items());
                assertThat(run.get("copy_latency_ms").get("count").asInt()).isPositive();
            });
        });
    }

    @Test
    void shouldCountTheInternalTopicsOfTheWholePipelineWithTheirMarkers() {
        assertThat(figures).as(bench.toString()).isNotNull();
        final JsonNode whole = figures.get("phases").get(2).get("saturation");
        final String applicationId = whole.get("application_id").asText();
        final List<JsonNode> topics = new ArrayList<>();
        whole.get("topics").forEach(topics::add);

        assertThat(topics).filteredOn(topic -> "repartition".equals(topic.get("role").asText()))
            .isNotEmpty().allSatisfy(topic -> {
                assertThat(topic.get("topic").asText()).startsWith(applicationId + "-");
                assertThat(topic.get("data_records").asLong()).isPositive();
            });
        assertThat(topics).filteredOn(topic -> "changelog".equals(topic.get("role").asText()))
            .isNotEmpty().allSatisfy(topic -> assertThat(topic.get("topic").asText()).startsWith(applicationId + "-"));
        assertThat(topics).filteredOn(topic -> "input".equals(topic.get("role").asText())).singleElement()
            .satisfies(input -> assertThat(input.get("data_records").asInt()).isEqualTo(inputs.items()));
        assertThat(whole.get("markers").asLong()).as("exactly_once_v2 commits write markers").isPositive();
        assertThat(whole.get("state").get("bytes").asLong()).as("the dedup stores keep state").isPositive();
    }

    private static List<String> phaseNames() {
        final List<String> names = new ArrayList<>();
        figures.get("phases").forEach(phase -> names.add(phase.get("phase").asText()));
        return names;
    }
}

package io.newswire.app.cli;

import static io.newswire.app.cli.CapturedRun.newswire;
import static io.newswire.app.pipeline.TestInputs.anInputFolder;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswire.app.Main;
import io.newswire.app.pipeline.TestInputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newswire enrich}: the stateless stages on files, no Kafka; one EnrichedItem JSON line per item. */
class EnrichCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEED_TITLE = "Russia/Kazakistan - Incontro tra Putin e Tokayev";
    private static final String CAPTION = "Con il presidente del Kazakistan Kassym-Zhomart Tokayev.";

    @TempDir
    Path temp;

    @Test
    void shouldPrintTheEnrichedSeedAsOneJsonLine() throws IOException {
        final TestInputs inputs = anInputFolder(temp.resolve("in")).withSeed().build();

        final CapturedRun enrich = newswire("enrich", "--input", inputs.dir().toString());

        assertThat(enrich.exitCode()).as(enrich.toString()).isZero();
        assertThat(enrich.outLines()).as(enrich.toString()).hasSize(1);
        final JsonNode item = JSON.readTree(enrich.outLines().get(0));
        assertThat(item.get("title").asText()).isEqualTo(SEED_TITLE);
        assertThat(item.get("language").asText()).isEqualTo("it");
        assertThat(item.get("dateline").get("place").asText()).isEqualTo("Mosca");
        assertThat(item.get("dateline").get("date").asText()).isEqualTo("2021-08-21");
        assertThat(texts(item.get("speakers"))).containsExactly("Vladimir Putin", "Kassym-Zhomart Tokayev");
        assertThat(texts(item.get("routes"))).contains("security", "trade").doesNotContain("general");
        assertThat(texts(item.get("captions"))).containsOnlyOnce(CAPTION)
            .noneMatch(caption -> caption.startsWith("Con Con") || caption.startsWith("Mosca Mosca"));
        assertThat(texts(item.get("repairs"))).isNotEmpty();
        assertThat(item.get("duplicate_of").isNull()).isTrue();
        assertThat(item.get("story_id").asText()).isNotBlank().isEqualTo(item.get("id").asText());
        assertThat(enrich.err()).contains("1 items enriched, 0 rejected");
    }

    @Test
    void shouldReportABinaryTxtFileOnStderrAndStillPrintTheGoodItem() throws IOException {
        final TestInputs inputs = anInputFolder(temp.resolve("in")).withSeed().withBinaryFile().build();

        final CapturedRun enrich = newswire("enrich", "--input", inputs.dir().toString());

        assertThat(enrich.exitCode()).as(enrich.toString()).isZero();
        assertThat(enrich.err()).contains("rejected photo.txt").contains("1 items enriched, 1 rejected");
        assertThat(enrich.outLines()).as(enrich.toString()).hasSize(1);
        assertThat(JSON.readTree(enrich.outLines().get(0)).get("title").asText()).isEqualTo(SEED_TITLE);
        assertThat(enrich.out()).doesNotContain("photo.txt");
    }

    /**
     * Avro refuses the generated classes until something trusts them; enrich builds no serde, which used to be what
     * trusted them, so in a JVM of its own it failed with "Forbidden io.newswire.schema.Source". In this JVM an
     * earlier test may already have trusted them, hence a process of its own.
     */
    @Test
    void shouldEnrichInAJvmThatBuiltNoSerde() throws IOException, InterruptedException {
        final TestInputs inputs = anInputFolder(temp.resolve("in")).withSeed().build();
        final Path out = temp.resolve("stdout.txt");
        final Path err = temp.resolve("stderr.txt");
        final Process process = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"),
            Main.class.getName(), "enrich", "--input", inputs.dir().toString())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
        try {
            assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("enrich finished within 2 minutes").isTrue();
            final String stderr = Files.readString(err, StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(stderr).isZero();
            assertThat(stderr).doesNotContain("Forbidden");
            assertThat(Files.readString(out, StandardCharsets.UTF_8)).contains(SEED_TITLE);
        } finally {
            process.destroyForcibly();
        }
    }

    private static List<String> texts(final JsonNode array) {
        final List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}

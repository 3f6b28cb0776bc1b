package io.newswire.app.cli;

import static io.newswire.app.cli.CapturedRun.newswire;
import static io.newswire.app.pipeline.TestInputs.anInputFolder;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswire.app.pipeline.TestInputs;
import io.newswire.broker.testing.SharedKafka;
import io.newswire.streams.PipelineConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parts on their own: {@code produce} publishes to the raw topic, {@code tail} reads it back as JSON lines. */
class ProduceAndTailIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void shouldPublishItemsAndDeadLetterRejectsThenTailThem() throws IOException {
        final TestInputs inputs = anInputFolder(temp.resolve("in")).withSeed().withCorpusItems(2).withBrokenLine()
            .build();
        final Properties settings = TestInputs.isolatedTopics();
        final Path configFile = temp.resolve("newswire.properties");
        try (Writer writer = Files.newBufferedWriter(configFile, StandardCharsets.UTF_8)) {
            settings.store(writer, "isolated topics of ProduceAndTailIT");
        }
        final PipelineConfig config = PipelineConfig.fromProperties(settings);
        final String kafka = SharedKafka.bootstrapServers();

        final CapturedRun produce = newswire("produce", "--input", inputs.dir().toString(),
            "--bootstrap-servers", kafka, "--config", configFile.toString());
        final CapturedRun rawTail = newswire("tail", "--topic", config.topics().raw(), "--from-beginning",
            "--max", Integer.toString(inputs.items()), "--idle", "20s", "--bootstrap-servers", kafka,
            "--config", configFile.toString());
        final CapturedRun dlqTail = newswire("tail", "--topic", config.topics().dlq(), "--from-beginning",
            "--idle", "3s", "--bootstrap-servers", kafka, "--config", configFile.toString());

        assertThat(produce.exitCode()).as(produce.toString()).isZero();
        assertThat(produce.out()).contains(inputs.items() + " items published").contains("1 line rejected");
        assertThat(rawTail.exitCode()).as(rawTail.toString()).isZero();
        final List<JsonNode> items = parse(rawTail.outLines());
        assertThat(items).hasSize(inputs.items());
        assertThat(items).extracting(item -> item.get("title").asText())
            .contains("Russia/Kazakistan - Incontro tra Putin e Tokayev");
        assertThat(items).allSatisfy(item -> assertThat(item.get("content_hash").asText()).hasSize(64));
        final List<JsonNode> deadLetters = parse(dlqTail.outLines());
        assertThat(deadLetters).singleElement().satisfies(deadLetter -> {
            assertThat(deadLetter.get("stage").asText()).isEqualTo("parse");
            assertThat(deadLetter.get("origin").asText()).isEqualTo("items.jsonl:3");
        });
    }

    @Test
    void shouldSayWhichTopicDoesNotExist() {
        final CapturedRun tail = newswire("tail", "--topic", "no.such.topic", "--idle", "1s",
            "--bootstrap-servers", SharedKafka.bootstrapServers());

        assertThat(tail.exitCode()).isEqualTo(1);
        assertThat(tail.err()).contains("topic no.such.topic does not exist");
    }

    private static List<JsonNode> parse(final List<String> lines) {
        return lines.stream().map(line -> {
            try {
                return JSON.readTree(line);
            } catch (final IOException e) {
                throw new AssertionError("not a JSON line: " + line, e);
            }
        }).toList();
    }
}

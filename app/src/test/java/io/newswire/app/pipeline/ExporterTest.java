package io.newswire.app.pipeline;

import static io.newswire.app.pipeline.OutputRecords.aDeadLetter;
import static io.newswire.app.pipeline.OutputRecords.aDuplicateDecision;
import static io.newswire.app.pipeline.OutputRecords.anItem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exporter writes DIR/&lt;topic&gt;.jsonl for every topic asked for, one plain JSON object per line. */
class ExporterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TOPICS = List.of("news.security", "news.trade", "news.general",
        "news.duplicates", "news.dlq");

    @TempDir
    Path temp;

    @Test
    void shouldWriteOneFilePerTopicWithAnEmptyFileForATopicWithoutRecords() throws IOException {
        final Path dir = temp.resolve("export");

        final Map<String, Path> files = Exporter.export(dir, TOPICS, List.of(
            anItem("seed").in("news.security").build()));

        assertThat(files).containsOnlyKeys(TOPICS);
        TOPICS.forEach(topic -> assertThat(files.get(topic)).isEqualTo(dir.resolve(topic + ".jsonl")).exists());
        assertThat(filesIn(dir)).containsExactlyInAnyOrder("news.security.jsonl", "news.trade.jsonl",
            "news.general.jsonl", "news.duplicates.jsonl", "news.dlq.jsonl");
        assertThat(files.get("news.security")).isNotEmptyFile();
        assertThat(files.get("news.trade")).isEmptyFile();
        assertThat(files.get("news.general")).isEmptyFile();
    }

    @Test
    void shouldWriteOneJsonObjectPerLineInTheOrderRead() throws IOException {
        final Map<String, Path> files = Exporter.export(temp, TOPICS, List.of(
            anItem("seed").in("news.security").build(),
            anItem("17591", "Meeting with permanent members of the Security Council").in("news.security").build(),
            anItem("seed").in("news.trade").build()));

        final List<JsonNode> security = jsonLines(files.get("news.security"));
        assertThat(security).allSatisfy(line -> assertThat(line.isObject()).isTrue());
        assertThat(security).extracting(line -> line.get("id").asText()).containsExactly("seed", "17591");
        assertThat(jsonLines(files.get("news.trade"))).extracting(line -> line.get("id").asText())
            .containsExactly("seed");
    }

    @Test
    void shouldWriteUnionFieldsWithoutAvroWrappers() throws IOException {
        final Map<String, Path> files = Exporter.export(temp, TOPICS, List.of(
            anItem("seed").in("news.security").build()));

        final String line = Files.readAllLines(files.get("news.security"), StandardCharsets.UTF_8).get(0);
        assertThat(line).contains("\"title\":\"Russia/Kazakistan - Incontro tra Putin e Tokayev\"")
            .contains("\"language\":\"it\"")
            .doesNotContain("{\"string\":");
        final JsonNode item = JSON.readTree(line);
        assertThat(item.get("dateline").get("place").asText()).isEqualTo("Mosca");
        assertThat(item.get("dateline").get("date").asText()).isEqualTo("2021-08-21");
        assertThat(item.get("source").get("name").isTextual()).isTrue();
        assertThat(item.has("duplicate_of")).isTrue();
        assertThat(item.get("duplicate_of").isNull()).isTrue();
        assertThat(item.get("story_id").asText()).isEqualTo("seed");
    }

    @Test
    void shouldWriteDecisionsAndDeadLettersToTheirOwnFiles() throws IOException {
        final Map<String, Path> files = Exporter.export(temp, TOPICS, List.of(
            aDuplicateDecision("copy-of-17591", "17591").build(),
            aDeadLetter("items.jsonl:5").build()));

        assertThat(jsonLines(files.get("news.duplicates"))).singleElement().satisfies(decision -> {
            assertThat(decision.get("decision").asText()).isEqualTo("duplicate");
            assertThat(decision.get("duplicate_of").asText()).isEqualTo("17591");
            assertThat(decision.get("source").get("url").isNull()).isTrue();
        });
        assertThat(jsonLines(files.get("news.dlq"))).singleElement().satisfies(deadLetter -> {
            assertThat(deadLetter.get("origin").asText()).isEqualTo("items.jsonl:5");
            assertThat(deadLetter.get("stage").asText()).isEqualTo("parse");
            assertThat(deadLetter.get("error_class").isNull()).isTrue();
        });
        assertThat(files.get("news.security")).isEmptyFile();
    }

    @Test
    void shouldLeaveOutRecordsOfTopicsNotExported() throws IOException {
        final Path dir = temp.resolve("export");

        Exporter.export(dir, List.of("news.security"), List.of(
            anItem("seed").in("news.security").build(),
            anItem("seed").in("news.trade").build()));

        assertThat(filesIn(dir)).containsExactly("news.security.jsonl");
        assertThat(jsonLines(dir.resolve("news.security.jsonl"))).hasSize(1);
    }

    @Test
    void shouldReplaceTheFilesOfAnEarlierExport() throws IOException {
        Exporter.export(temp, TOPICS, List.of(anItem("earlier").in("news.security").build()));

        final Map<String, Path> files = Exporter.export(temp, TOPICS, List.of(
            anItem("later").in("news.security").build()));

        assertThat(jsonLines(files.get("news.security"))).extracting(line -> line.get("id").asText())
            .containsExactly("later");
    }

    private static List<JsonNode> jsonLines(final Path file) throws IOException {
        final List<JsonNode> nodes = new ArrayList<>();
        for (final String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }

    private static List<String> filesIn(final Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }
}

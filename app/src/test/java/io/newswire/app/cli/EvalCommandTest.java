package io.newswire.app.cli;

import static io.newswire.app.cli.CapturedRun.newswire;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newswire eval}: labelled items in, figures out; the labels never reach the pipeline. */
class EvalCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private Path labelledFile() throws IOException {
        final Path file = temp.resolve("labelled.jsonl");
        Files.writeString(file, String.join("\n",
            "{\"id\": 1, \"title\": \"Meeting with the Defence Minister\", \"lang\": \"en\", \"topics\": [\"Armed Forces\"],"
                + " \"speakers\": [\"Vladimir Putin\", \"Defence Minister Sergei Shoigu\"], \"paragraphs\": ["
                + "\"Vladimir Putin: Mr Shoigu, how are the military exercises of the armed forces going?\","
                + " \"Defence Minister Sergei Shoigu: The troops, the missile units and the navy completed the drills.\"]}",
            // The label says sport, the text is about nothing of the kind: a miss the report must show.
            "{\"id\": 2, \"title\": \"Weather in Moscow\", \"lang\": \"en\", \"topics\": [\"Sport\"], \"paragraphs\": ["
                + "\"Rain and wind are expected in the capital tomorrow, with temperatures close to ten degrees.\"]}",
            "{\"id\": 3, \"title\": \"Incontro\", \"lang\": \"it\", \"paragraphs\": [\"Il presidente ha incontrato i "
                + "rappresentanti delle regioni per discutere dello sviluppo delle infrastrutture e dei trasporti.\"]}",
            "not json at all",
            ""), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void shouldScoreTopicsSpeakersAndLanguages() throws IOException {
        final CapturedRun eval = newswire("eval", "--input", labelledFile().toString(), "--json");

        assertThat(eval.exitCode()).as(eval.toString()).isZero();
        final JsonNode report = JSON.readTree(eval.out());
        assertThat(report.get("items").asInt()).isEqualTo(3);
        assertThat(report.get("items_with_topics").asInt()).isEqualTo(2);
        assertThat(report.at("/topics/security/recall").asDouble()).isEqualTo(1.0);
        assertThat(report.at("/topics/sport/support").asInt()).isEqualTo(1);
        assertThat(report.at("/topics/sport/recall").asDouble()).isZero();
        assertThat(report.at("/speakers/labelled").asInt()).isEqualTo(2);
        assertThat(report.at("/speakers/recall").asDouble()).isEqualTo(1.0);
        assertThat(report.at("/languages/it/correct").asInt()).isEqualTo(1);
        assertThat(report.at("/languages/en/items").asInt()).isEqualTo(2);
        assertThat(eval.err()).contains("rejected").contains("labelled.jsonl:4");
    }

    @Test
    void shouldScoreSeveralFilesPerFileAndLanguageWithRouteLabelsAsIsAndTheirNegatives() throws IOException {
        final Path routes = temp.resolve("routes.jsonl");
        Files.writeString(routes, String.join("\n",
            "{\"id\": \"r1\", \"title\": \"Armed forces hold missile drills\", \"lang\": \"en\", \"topics\": "
                + "[\"security\"], \"paragraphs\": [\"The troops, the missile units and the navy completed the "
                + "military exercises near the border, the defence ministry said.\"]}",
            // Labelled with no route: whatever topic the pipeline gives it is a false positive.
            "{\"id\": \"r2\", \"title\": \"Troops and missiles on parade\", \"lang\": \"en\", \"topics\": [], "
                + "\"paragraphs\": [\"The armed forces showed missile units, tanks and the navy's ships at the "
                + "military parade, with troops of every branch.\"]}",
            "{\"id\": \"r3\", \"title\": \"Weather\", \"lang\": \"en\", \"topics\": [\"sport\"], "
                + "\"paragraphs\": [\"Rain and wind are expected tomorrow, with temperatures close to ten degrees.\"]}",
            ""), StandardCharsets.UTF_8);

        final CapturedRun eval = newswire("eval", "--input", labelledFile().toString(), routes.toString(), "--json");

        assertThat(eval.exitCode()).as(eval.toString()).isZero();
        final JsonNode sets = JSON.readTree(eval.out()).get("sets");
        final JsonNode routeFile = find(sets, "routes.jsonl");
        assertThat(routeFile.get("items").asInt()).isEqualTo(3);
        assertThat(routeFile.get("route_labelled").asInt()).as("r1 and r3; r2 is a negative").isEqualTo(2);
        assertThat(routeFile.at("/per_route/security/precision").asDouble())
            .as("security said of r1 (right) and of r2 (labelled with no route)").isEqualTo(0.5);
        assertThat(routeFile.get("routes").toString()).isEqualTo("[\"security\",\"sport\"]");
        assertThat(routeFile.get("weakest_route").asText()).isEqualTo("sport");
        assertThat(routeFile.get("route_labelled_without_topic_share").asDouble()).as("r3 got no topic")
            .isEqualTo(0.5);
        assertThat(find(sets, "labelled.jsonl").get("items").asInt()).isEqualTo(3);
        assertThat(find(sets, "it").get("kind").asText()).isEqualTo("language");
        assertThat(find(sets, "all").get("items").asInt()).isEqualTo(6);
    }

    private static JsonNode find(final JsonNode sets, final String name) {
        for (final JsonNode set : sets) {
            if (set.get("set").asText().equals(name)) {
                return set;
            }
        }
        throw new AssertionError("no set " + name + " in " + sets);
    }

    @Test
    void shouldPrintMarkdownWithTheChosenMacroTopics() throws IOException {
        final CapturedRun eval = newswire("eval", "--input", labelledFile().toString(), "--macro", "security,sport");

        assertThat(eval.exitCode()).as(eval.toString()).isZero();
        assertThat(eval.out()).contains("| security | 1 | 1.000 | 1.000 | 1.000 |")
            .contains("**macro-F1** (security, sport) | | | | **0.500**")
            .contains("## Speakers").contains("## Language");
    }

    @Test
    void shouldRefuseAFolderWithoutJsonLines() throws IOException {
        Files.createDirectories(temp.resolve("empty"));
        final CapturedRun eval = newswire("eval", "--input", temp.resolve("empty").toString());

        assertThat(eval.exitCode()).isEqualTo(2);
        assertThat(eval.err()).contains("no .jsonl file");
    }
}

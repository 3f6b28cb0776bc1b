package io.newswire.app.cli;

import static io.newswire.app.cli.CapturedRun.newswire;
import static io.newswire.app.pipeline.TestInputs.anInputFolder;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswire.app.pipeline.TestInputs;
import io.newswire.broker.testing.SharedKafka;
import io.newswire.streams.PipelineConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code newswire run --export} on the shared embedded broker, as a user runs it: one run over the seed, corpus
 * items, a copy and a broken line, then the exported files are checked against the documented JSON contract.
 */
class RunCommandIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEED_TITLE = "Russia/Kazakistan - Incontro tra Putin e Tokayev";
    private static final String BROKEN_LINE_START = "{\"id\": \"broken\"";

    @TempDir
    static Path temp;

    private static PipelineConfig config;
    private static TestInputs inputs;
    private static Path exportDir;
    private static CapturedRun run;

    /** One run for every test: the pipeline takes seconds, the assertions none. */
    @BeforeAll
    static void runTheInputsThroughTheCommandLine() throws IOException {
        final Properties settings = TestInputs.isolatedTopics();
        final Path configFile = temp.resolve("newswire.properties");
        try (Writer writer = Files.newBufferedWriter(configFile, StandardCharsets.UTF_8)) {
            settings.store(writer, "isolated topics of RunCommandIT");
        }
        config = PipelineConfig.fromProperties(settings);
        inputs = anInputFolder(temp.resolve("in")).withSeed().withCorpusItems(3).withCopyOfFirstCorpusItem()
            .withBrokenLine().build();
        exportDir = temp.resolve("export");

        run = newswire("run", "--input", inputs.dir().toString(), "--export", exportDir.toString(),
            "--bootstrap-servers", SharedKafka.bootstrapServers(), "--config", configFile.toString(),
            "--timeout", "60s");
    }

    @Test
    void shouldExitZeroAndSayWhereItExported() {
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("exported " + config.outputTopics().size() + " topics to")
            .doesNotContain("INCOMPLETE").doesNotContain("NOT EXACTLY ONCE");
    }

    @Test
    void shouldVerifyOnTheTopicsThatEveryInputCameOutOnce() {
        final java.util.regex.Matcher expected = java.util.regex.Pattern.compile("inputs: (\\d+) expected")
            .matcher(run.out());
        assertThat(expected.find()).as(run.out()).isTrue();
        // An external cluster (--bootstrap-servers): its log is not at hand, so aborted records cannot be checked.
        assertThat(run.out()).contains("verified on the topics: inputs=" + expected.group(1) + " lost=0 duplicated=0 "
            + "aborted_visible=n/a open_txn_partitions=0 out_of_order=0");
    }

    @Test
    void shouldWriteAFileForEveryOutputTopicAndNoOther() throws IOException {
        final List<String> expected = config.outputTopics().stream().map(topic -> topic + ".jsonl").toList();

        try (Stream<Path> files = Files.list(exportDir)) {
            assertThat(files.map(file -> file.getFileName().toString()).toList())
                .as(run.toString()).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void shouldWriteEveryContractFieldOfEveryRoutedItem() throws IOException {
        final List<JsonNode> items = new ArrayList<>();
        for (final String topic : itemTopics()) {
            items.addAll(linesOf(topic));
        }

        assertThat(items).as("routed and general items").isNotEmpty().allSatisfy(item -> {
            assertHasFields(item, "id", "source", "title", "language", "dateline", "speakers", "turns", "captions",
                "body", "entities", "topics", "routes", "duplicate_of", "story_id", "repairs");
            assertHasFields(item.get("source"), "name", "url");
            if (!item.get("dateline").isNull()) {
                assertHasFields(item.get("dateline"), "place", "date");
            }
            assertHasFields(item.get("entities"), "persons", "countries", "organizations", "places");
            item.get("turns").forEach(turn -> assertHasFields(turn, "speaker", "text"));
            item.get("topics").forEach(topic -> assertHasFields(topic, "name", "score"));
            assertThat(item.get("title").isTextual()).as("title without an Avro union wrapper").isTrue();
            assertThat(item.get("duplicate_of").isNull()).as("routed items are new").isTrue();
            assertThat(item.get("story_id").asText()).isEqualTo(item.get("id").asText());
        });
        // The schema lets dateline be null (a JSONL item without a place has none); the seed's must be there.
        assertThat(items).filteredOn(item -> SEED_TITLE.equals(item.get("title").asText()))
            .isNotEmpty().allSatisfy(seed -> assertThat(seed.get("dateline").get("place").asText()).isEqualTo("Mosca"));
    }

    @Test
    void shouldWriteOneDuplicateDecisionForTheOriginalAndItsCopyAndRouteOnlyOneOfThem() throws IOException {
        final String original = idOfFirstCorpusItem();
        final String copy = "copy-of-" + original;
        final List<JsonNode> all = linesOf(config.topics().duplicates());
        assertThat(all).as("one decision per input that got through parsing")
            .hasSize(inputs.items());
        final List<JsonNode> decisions = all.stream()
            .filter(decision -> "duplicate".equals(decision.get("decision").asText())).toList();

        assertThat(decisions).as(run.toString()).singleElement().satisfies(decision -> {
            assertHasFields(decision, "id", "source", "title", "decision", "duplicate_of", "story_id", "reason",
                "similarity");
            assertHasFields(decision.get("source"), "name", "url");
            assertThat(decision.get("decision").asText()).isEqualTo("duplicate");
            assertThat(List.of(decision.get("id").asText(), decision.get("duplicate_of").asText()))
                .containsExactlyInAnyOrder(original, copy);
            assertThat(decision.get("story_id").asText()).isEqualTo(decision.get("duplicate_of").asText());
        });
        final String decidedDuplicate = decisions.get(0).get("id").asText();
        final String kept = decisions.get(0).get("duplicate_of").asText();
        assertThat(idsIn(config.topics().route("security"))).as("the item kept is routed").contains(kept);
        for (final String topic : itemTopics()) {
            assertThat(idsIn(topic)).as("the duplicate in " + topic).doesNotContain(decidedDuplicate);
        }
    }

    @Test
    void shouldDecideTheLaterCopyIsTheDuplicateOfTheOriginal() throws IOException {
        final String original = idOfFirstCorpusItem();

        assertThat(linesOf(config.topics().duplicates())).as(run.toString())
            .filteredOn(decision -> "duplicate".equals(decision.get("decision").asText())).singleElement()
            .satisfies(decision -> {
            assertThat(decision.get("id").asText()).isEqualTo("copy-of-" + original);
            assertThat(decision.get("duplicate_of").asText()).isEqualTo(original);
        });
        assertThat(idsIn(config.topics().route("security"))).contains(original).doesNotContain("copy-of-" + original);
    }

    @Test
    void shouldDeadLetterTheBrokenLineAtStageParse() throws IOException {
        final String origin = "items.jsonl:" + lineNumberOfBrokenLine();

        assertThat(linesOf(config.topics().dlq())).as(run.toString()).singleElement().satisfies(deadLetter -> {
            assertThat(deadLetter.get("origin").asText()).isEqualTo(origin);
            assertThat(deadLetter.get("stage").asText()).isEqualTo("parse");
        });
        for (final String topic : itemTopics()) {
            assertThat(idsIn(topic)).as("broken line in " + topic).doesNotContain("broken");
        }
    }

    @Test
    void shouldWriteEachItemOnceInEachOfItsTopicsAndNeverBothRoutedAndGeneral() throws IOException {
        final Map<String, Set<String>> topicsById = new HashMap<>();
        for (final String topic : itemTopics()) {
            final List<String> ids = idsIn(topic);
            assertThat(ids).as("ids in " + topic).doesNotHaveDuplicates();
            ids.forEach(id -> topicsById.computeIfAbsent(id, key -> new HashSet<>()).add(topic));
        }

        assertThat(topicsById).as("every new input came out").hasSize(inputs.items() - inputs.duplicates());
        topicsById.forEach((id, topics) -> {
            if (topics.contains(config.topics().general())) {
                assertThat(topics).as(id + " went to general, so to no route").containsExactly(
                    config.topics().general());
            }
        });
    }

    @Test
    void shouldRouteTheSeedToSecurityAndTrade() throws IOException {
        final List<String> seedIds = linesOf(config.topics().route("security")).stream()
            .filter(item -> SEED_TITLE.equals(item.get("title").asText())).map(item -> item.get("id").asText())
            .toList();

        assertThat(seedIds).as(run.toString()).hasSize(1);
        assertThat(idsIn(config.topics().route("trade"))).contains(seedIds.get(0));
        assertThat(idsIn(config.topics().general())).doesNotContain(seedIds.get(0));
    }

    /** Route topics and general: the topics of EnrichedItems. */
    private static List<String> itemTopics() {
        final List<String> topics = new ArrayList<>();
        config.routes().keySet().forEach(route -> topics.add(config.topics().route(route)));
        topics.add(config.topics().general());
        return topics;
    }

    private static List<JsonNode> linesOf(final String topic) throws IOException {
        final List<JsonNode> nodes = new ArrayList<>();
        for (final String line : Files.readAllLines(exportDir.resolve(topic + ".jsonl"), StandardCharsets.UTF_8)) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }

    private static List<String> idsIn(final String topic) throws IOException {
        return linesOf(topic).stream().map(item -> item.get("id").asText()).toList();
    }

    /** The id of the first corpus item, the one TestInputs copies. */
    private static String idOfFirstCorpusItem() throws IOException {
        final String firstLine = Files.readAllLines(inputs.dir().resolve("items.jsonl"), StandardCharsets.UTF_8).get(0);
        return JSON.readTree(firstLine).get("id").asText();
    }

    private static int lineNumberOfBrokenLine() throws IOException {
        final List<String> lines = Files.readAllLines(inputs.dir().resolve("items.jsonl"), StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(BROKEN_LINE_START)) {
                return i + 1;
            }
        }
        throw new IllegalStateException("TestInputs wrote no broken line to items.jsonl");
    }

    private static void assertHasFields(final JsonNode node, final String... names) {
        assertThat(node).as("object").isNotNull();
        assertThat(node.isObject()).as(node + " is an object").isTrue();
        final List<String> fields = new ArrayList<>();
        node.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).as("fields of " + node).contains(names);
    }
}

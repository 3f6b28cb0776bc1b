package io.newswire.app.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.newswire.producer.parse.JsonlParser;
import io.newswire.producer.parse.ParseException;

/**
 * The committed dedup set ({@code eval/dedup/items.jsonl}, {@code pairs.tsv}) is consistent: every line parses with
 * the real parser, every paired id is there in publishing order, ids are unique but for same-id corrections, and each
 * kind has its minimum number of pairs.
 */
class DedupSetTest {

    private static final String FOLDER = "/eval/dedup/";
    private static final int MAX_BYTES = 3 * 1024 * 1024;
    private static final Map<String, Integer> MINIMUM = new LinkedHashMap<>();
    private static final Map<String, String> EXPECTED = new HashMap<>();

    static {
        for (final String kind : List.of("exact-copy-new-id", "whitespace-markup", "caption-changes",
            "new-title-paragraph-dropped")) {
            MINIMUM.put(kind, 40);
            EXPECTED.put(kind, "duplicate");
        }
        MINIMUM.put("correction", 40);
        EXPECTED.put("correction", "update");
        MINIMUM.put("correction-new-id", 10);
        EXPECTED.put("correction-new-id", "update");
        MINIMUM.put("translation", 11);
        EXPECTED.put("translation", "translation");
        MINIMUM.put("unrelated-same-day-topic", 60);
        EXPECTED.put("unrelated-same-day-topic", "unrelated");
        MINIMUM.put("unrelated-same-title", 10);
        EXPECTED.put("unrelated-same-title", "unrelated");
    }

    private record Pair(String first, String second, String expected, String kind) {
    }

    private static byte[] itemBytes;
    private static List<String> lines;
    private static List<JsonNode> items;
    private static List<Pair> pairs;
    /** The line numbers (0-based) of each id, in order. */
    private static Map<String, List<Integer>> positions;

    @BeforeAll
    static void readSet() throws IOException {
        itemBytes = resource("items.jsonl");
        lines = new String(itemBytes, StandardCharsets.UTF_8).lines().toList();
        final ObjectMapper mapper = new ObjectMapper();
        items = new ArrayList<>();
        positions = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            final JsonNode item = mapper.readTree(lines.get(i));
            items.add(item);
            positions.computeIfAbsent(item.path("id").asText(), id -> new ArrayList<>()).add(i);
        }
        final List<String> rows = new String(resource("pairs.tsv"), StandardCharsets.UTF_8).lines().toList();
        assertThat(rows.get(0)).isEqualTo("first_id\tsecond_id\texpected\tkind");
        pairs = rows.subList(1, rows.size()).stream().map(row -> row.split("\t", -1))
            .map(cells -> {
                assertThat(cells).as("pairs.tsv row %s", String.join("|", cells)).hasSize(4);
                return new Pair(cells[0], cells[1], cells[2], cells[3]);
            }).toList();
    }

    private static byte[] resource(final String name) throws IOException {
        try (InputStream in = DedupSetTest.class.getResourceAsStream(FOLDER + name)) {
            assertThat(in).as(FOLDER + name + " on the test class path").isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void shouldParseEveryItemWithTheRealJsonlParser() {
        final JsonlParser parser = new JsonlParser(Clock.fixed(Instant.parse("2021-08-21T12:00:00Z"), ZoneOffset.UTC));
        final List<String> failures = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            try {
                parser.parseLine("items.jsonl", i + 1, lines.get(i));
            } catch (final ParseException e) {
                failures.add("line " + (i + 1) + ": " + e.getMessage());
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void shouldHoldEveryPairedIdInItems() {
        final Set<String> missing = pairs.stream().flatMap(pair -> Stream.of(pair.first(), pair.second()))
            .filter(id -> !positions.containsKey(id)).collect(Collectors.toSet());
        assertThat(missing).isEmpty();
    }

    @Test
    void shouldPublishTheSecondItemOfEachPairAfterTheFirst() {
        for (final Pair pair : pairs) {
            final int first = positions.get(pair.first()).get(0);
            final List<Integer> seconds = positions.get(pair.second());
            final int second = seconds.get(seconds.size() - 1);
            assertThat(second).as("line of %s after line of %s", pair.second(), pair.first()).isGreaterThan(first);
            assertThat(items.get(second).path("date").asText())
                .as("date of %s no earlier than that of %s", pair.second(), pair.first())
                .isGreaterThanOrEqualTo(items.get(first).path("date").asText());
        }
    }

    @Test
    void shouldUseEachIdOnceExceptSameIdCorrections() {
        final Set<String> repeated = positions.entrySet().stream().filter(entry -> entry.getValue().size() > 1)
            .map(Map.Entry::getKey).collect(Collectors.toSet());
        final List<Pair> sameIdPairs = pairs.stream().filter(pair -> pair.first().equals(pair.second())).toList();
        assertThat(sameIdPairs).extracting(Pair::kind).containsOnly("correction");
        assertThat(repeated).isEqualTo(sameIdPairs.stream().map(Pair::first).collect(Collectors.toSet()));
        assertThat(repeated).allSatisfy(id -> assertThat(positions.get(id)).as("lines of %s", id).hasSize(2));
    }

    @Test
    void shouldHoldTheMinimumNumberOfPairsOfEachKind() {
        final Map<String, Long> counts = pairs.stream().collect(Collectors.groupingBy(Pair::kind,
            Collectors.counting()));
        assertThat(counts.keySet()).isEqualTo(MINIMUM.keySet());
        MINIMUM.forEach((kind, minimum) -> assertThat(counts.get(kind)).as(kind).isGreaterThanOrEqualTo(minimum));
        assertThat(pairs).allSatisfy(pair -> assertThat(pair.expected()).as("expected of %s", pair.kind())
            .isEqualTo(EXPECTED.get(pair.kind())));
    }

    @Test
    void shouldPairUnrelatedItemsOfTheSameDayAndDifferentItemsOnly() {
        for (final Pair pair : pairs) {
            if (pair.kind().equals("unrelated-same-day-topic")) {
                assertThat(date(pair.second())).as("date of %s", pair.second()).isEqualTo(date(pair.first()));
            }
            if (pair.expected().equals("unrelated")) {
                assertThat(pair.second()).isNotEqualTo(pair.first());
            }
        }
    }

    @Test
    void shouldStayUnderThreeMegabytes() {
        assertThat(itemBytes.length).isLessThan(MAX_BYTES);
    }

    private static String date(final String id) {
        return items.get(positions.get(id).get(0)).path("date").asText();
    }
}

package io.newswire.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswire.app.Console;
import io.newswire.broker.testing.SharedKafka;
import io.newswire.producer.source.InputScanner;
import io.newswire.schema.DedupDecision;
import io.newswire.streams.PipelineConfig;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Near-duplicates and translations on a real broker with 4 input partitions and 2 stream threads: copies are caught
 * whatever partition their ids hash to, because the topology repartitions by blocking band. Items and pairs come
 * from the labelled set in {@code eval/dedup}.
 */
class NearDuplicatesIT {

    private static final int PARTITIONS = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private record Pair(String first, String second, String expected) {
    }

    @Test
    void shouldCatchCopiesAndTranslationsAcrossPartitions() throws IOException {
        final List<Pair> pairs = pairs(List.of("exact-copy-new-id", "whitespace-markup", "translation"), 8);
        final Path items = temp.resolve("items.jsonl");
        Files.write(items, linesOf(pairs), StandardCharsets.UTF_8);
        final long acrossPartitions = pairs.stream()
            .filter(pair -> partitionOf(pair.first()) != partitionOf(pair.second())).count();
        assertThat(acrossPartitions).as("pairs whose ids hash to different partitions").isGreaterThanOrEqualTo(10);

        final Properties settings = io.newswire.app.pipeline.TestInputs.isolatedTopics();
        final PipelineConfig config = PipelineConfig.fromProperties(settings).withPartitions(PARTITIONS);
        final Properties kafka = new Properties();
        kafka.setProperty("bootstrap.servers", SharedKafka.bootstrapServers());
        kafka.setProperty("num.stream.threads", "2");
        final Console quiet = new Console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false);
        final RunReport report = new PipelineRun(config, kafka, quiet, temp.resolve("state"), null,
            InputScanner.DEFAULT_MAX_ITEM_BYTES).run(List.of(items), Duration.ofMinutes(2));

        assertThat(report.complete()).as(report.accounting().violations().toString()).isTrue();
        final Map<String, DedupDecision> decisions = new HashMap<>();
        report.records().stream().filter(record -> record.value() instanceof DedupDecision)
            .forEach(record -> decisions.put(record.key(), (DedupDecision) record.value()));
        for (final Pair pair : pairs) {
            final DedupDecision decision = decisions.get(pair.second());
            assertThat(decision).as("decision on " + pair.second()).isNotNull();
            assertThat(decision.getDecision()).as(pair + ": " + decision.getReason()).isEqualTo(pair.expected());
            assertThat(decision.getDuplicateOf()).as(pair.toString()).isEqualTo(pair.first());
            assertThat(decisions.get(pair.first()).getDecision()).as(pair.first()).isEqualTo("new");
        }
    }

    /** The partition Kafka's default partitioner gives a key among {@value #PARTITIONS}. */
    private static int partitionOf(final String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
    }

    private static List<Pair> pairs(final List<String> kinds, final int perKind) throws IOException {
        final List<Pair> pairs = new ArrayList<>();
        final Map<String, Integer> taken = new HashMap<>();
        for (final String line : resourceLines("pairs.tsv")) {
            final String[] columns = line.split("\t");
            if (columns.length == 4 && kinds.contains(columns[3])
                && taken.merge(columns[3], 1, Integer::sum) <= perKind) {
                pairs.add(new Pair(columns[0], columns[1], columns[2]));
            }
        }
        return pairs;
    }

    /** The items of the pairs, in the order of the labelled set (originals before their copies). */
    private static List<String> linesOf(final List<Pair> pairs) throws IOException {
        final Set<String> ids = new LinkedHashSet<>();
        pairs.forEach(pair -> {
            ids.add(pair.first());
            ids.add(pair.second());
        });
        final List<String> lines = new ArrayList<>();
        for (final String line : resourceLines("items.jsonl")) {
            if (!line.isBlank() && ids.contains(JSON.readTree(line).get("id").asText())) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static List<String> resourceLines(final String name) throws IOException {
        try (InputStream in = NearDuplicatesIT.class.getResourceAsStream("/eval/dedup/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}

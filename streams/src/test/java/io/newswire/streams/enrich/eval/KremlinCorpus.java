package io.newswire.streams.enrich.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.newswire.schema.WireItem;
import io.newswire.streams.testing.WireItems;

/**
 * Reads {@code kremlin-en-dev.jsonl} for measurement: each line becomes a {@link WireItem} built from the content
 * fields only (title, lead, paragraphs), kept apart from the editors' labels, which only the scoring side sees.
 */
final class KremlinCorpus {

    /** One corpus line: what the pipeline may read ({@code item}) and the editors' labels it must not. */
    record Entry(WireItem item, List<String> editorTopics, List<String> editorSpeakers) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private KremlinCorpus() {
    }

    static List<Entry> read(final Path jsonl) throws IOException {
        final List<Entry> entries = new ArrayList<>();
        try (BufferedReader lines = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (!line.isBlank()) {
                    entries.add(entry(JSON.readTree(line), jsonl.getFileName() + ":" + number));
                }
            }
        }
        return entries;
    }

    private static Entry entry(final JsonNode json, final String origin) {
        final WireItems item = WireItems.aWireItem()
                .withId(json.path("id").asText(origin))
                .undated()
                .titled(text(json, "title"))
                .withLead(text(json, "lead"));
        for (final JsonNode paragraph : json.path("paragraphs")) {
            item.paragraph(paragraph.asText());
        }
        return new Entry(item.build(), strings(json.path("topics")), strings(json.path("speakers")));
    }

    private static String text(final JsonNode json, final String field) {
        final String value = json.path(field).asText("");
        return value.isBlank() ? null : value;
    }

    private static List<String> strings(final JsonNode array) {
        final List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}

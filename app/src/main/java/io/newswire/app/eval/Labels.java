package io.newswire.app.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The labels of one line of a labelled {@code .jsonl} file, read apart from the pipeline, which never sees them:
 * {@code topics} (editors' topics), {@code speakers} (names opening speaker turns, as written) and {@code lang}
 * (ISO 639-1). A missing field is an empty list or null: that line is then left out of that measure; whether
 * {@code topics} was there at all ({@code topicsGiven}) tells an item labelled with no topic from an unlabelled one.
 */
public record Labels(List<String> topics, boolean topicsGiven, List<String> speakers, String language) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public Labels {
        topics = List.copyOf(topics);
        speakers = List.copyOf(speakers);
    }

    /**
     * The labels of every line of a file, by line number (1-based). Lines that are not JSON objects are skipped here:
     * the pipeline side rejects them with the reason.
     */
    public static Map<Long, Labels> read(final Path jsonl) throws IOException {
        final Map<Long, Labels> labels = new HashMap<>();
        try (BufferedReader lines = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
            String line;
            long number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                final JsonNode json = parse(line);
                if (json != null && json.isObject()) {
                    final JsonNode lang = json.path("lang");
                    labels.put(number, new Labels(strings(json.path("topics")), json.path("topics").isArray(),
                            strings(json.path("speakers")),
                            lang.isTextual() && !lang.asText().isBlank() ? lang.asText().strip() : null));
                }
            }
        }
        return labels;
    }

    private static JsonNode parse(final String line) {
        if (line.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(line);
        } catch (final IOException e) {
            return null;
        }
    }

    private static List<String> strings(final JsonNode array) {
        final List<String> values = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(value -> {
                if (value.isTextual() && !value.asText().isBlank()) {
                    values.add(value.asText());
                }
            });
        }
        return values;
    }
}

package io.newswire.app.pipeline;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.newswire.schema.json.RecordJson;

/** Writes output records as JSON lines, one file per topic: {@code DIR/<topic>.jsonl}. */
public final class Exporter {

    private Exporter() {
    }

    /**
     * Writes every topic in {@code topics} (an empty file for a topic with no records) and returns the files.
     *
     * @throws IOException naming the file that could not be written
     */
    public static Map<String, Path> export(final Path dir, final List<String> topics,
                                           final List<CollectedRecord> records) throws IOException {
        Files.createDirectories(dir);
        final Map<String, BufferedWriter> writers = new LinkedHashMap<>();
        final Map<String, Path> files = new LinkedHashMap<>();
        try {
            for (final String topic : topics) {
                final Path file = dir.resolve(topic + ".jsonl");
                files.put(topic, file);
                writers.put(topic, Files.newBufferedWriter(file, StandardCharsets.UTF_8));
            }
            for (final CollectedRecord record : records) {
                final BufferedWriter writer = writers.get(record.topic());
                if (writer != null) {
                    writer.write(RecordJson.toJsonLine((org.apache.avro.generic.IndexedRecord) record.value()));
                    writer.newLine();
                }
            }
        } finally {
            IOException failure = null;
            for (final BufferedWriter writer : writers.values()) {
                try {
                    writer.close();
                } catch (final IOException e) {
                    failure = e;
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
        return files;
    }
}

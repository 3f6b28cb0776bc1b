package io.newswire.app.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A folder of inputs for end-to-end tests, built from the bundled samples: {@code anInputFolder(dir).withSeed()
 * .withCorpusItems(3).withCopyOfFirstCorpusItem().withBrokenLine().withBinaryFile().build()}; it counts what it put
 * in, so tests assert against the counts instead of hard-coded numbers.
 */
public final class TestInputs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final List<String> jsonl = new ArrayList<>();
    private int items;
    private int rejects;
    private int duplicates;
    private boolean seed;
    private boolean binary;

    private TestInputs(final Path dir) {
        this.dir = dir;
    }

    public static TestInputs anInputFolder(final Path dir) {
        return new TestInputs(dir);
    }

    /** The Italian example transcript. */
    public TestInputs withSeed() {
        seed = true;
        items++;
        return this;
    }

    /** The first {@code count} bundled English items. */
    public TestInputs withCorpusItems(final int count) {
        final List<String> lines = sampleLines("kremlin-en-samples.jsonl");
        jsonl.addAll(lines.subList(0, count));
        items += count;
        return this;
    }

    /** The first corpus item again, under a new id and with extra whitespace: a duplicate. */
    public TestInputs withCopyOfFirstCorpusItem() {
        try {
            final ObjectNode copy = (ObjectNode) JSON.readTree(jsonl.get(0));
            copy.put("id", "copy-of-" + copy.get("id").asText());
            copy.put("url", "https://mirror.example.org/" + copy.get("id").asText());
            copy.put("title", "  " + copy.get("title").asText() + "  ");
            jsonl.add(JSON.writeValueAsString(copy));
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        items++;
        duplicates++;
        return this;
    }

    /** A .jsonl line that is not JSON: rejected, dead-lettered. */
    public TestInputs withBrokenLine() {
        jsonl.add("{\"id\": \"broken\", \"title\": ");
        rejects++;
        return this;
    }

    /** A binary file named .txt: rejected, dead-lettered. */
    public TestInputs withBinaryFile() {
        binary = true;
        rejects++;
        return this;
    }

    public TestInputs build() {
        try {
            Files.createDirectories(dir);
            if (seed) {
                Files.write(dir.resolve("seed.it.txt"), sample("kremlin-2021-08-21-putin-tokayev.it.txt"));
            }
            if (!jsonl.isEmpty()) {
                Files.write(dir.resolve("items.jsonl"), jsonl, StandardCharsets.UTF_8);
            }
            if (binary) {
                Files.write(dir.resolve("photo.txt"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 0, 1, 2});
            }
            return this;
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    /** Items that must come out routed or as duplicates. */
    public int items() {
        return items;
    }

    public int rejects() {
        return rejects;
    }

    public int duplicates() {
        return duplicates;
    }

    /** The id of the first bundled English item (the one {@link #withCopyOfFirstCorpusItem()} copies). */
    public static String firstCorpusItemId() {
        try {
            return JSON.readTree(sampleLines("kremlin-en-samples.jsonl").get(0)).get("id").asText();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Settings that give a test its own topics and application id on a shared broker. */
    public static Properties isolatedTopics() {
        final String prefix = "t" + UUID.randomUUID().toString().substring(0, 8);
        final Properties props = new Properties();
        props.setProperty("newswire.application.id", prefix + "-app");
        props.setProperty("newswire.topic.raw", prefix + ".raw");
        props.setProperty("newswire.topic.route.prefix", prefix + ".");
        props.setProperty("newswire.topic.general", prefix + ".general");
        props.setProperty("newswire.topic.duplicates", prefix + ".duplicates");
        props.setProperty("newswire.topic.dlq", prefix + ".dlq");
        props.setProperty("newswire.topic.partitions", "3");
        return props;
    }

    static byte[] sample(final String name) {
        try (InputStream in = TestInputs.class.getResourceAsStream("/samples/" + name)) {
            if (in == null) {
                throw new IllegalStateException("bundled sample " + name + " is missing");
            }
            return in.readAllBytes();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> sampleLines(final String name) {
        return List.of(new String(sample(name), StandardCharsets.UTF_8).split("\n"));
    }
}

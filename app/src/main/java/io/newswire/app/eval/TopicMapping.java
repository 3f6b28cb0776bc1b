package io.newswire.app.eval;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * Maps the editors' topics of a labelled file to newswire's topics ({@code National security} → {@code security}):
 * editors' topics in, the set of newswire topics they stand for out; editors' topics not mapped are ignored.
 */
public final class TopicMapping {

    static final String KREMLIN = "kremlin-topics.properties";

    private final Map<String, String> mapping;

    private TopicMapping(final Map<String, String> mapping) {
        this.mapping = Map.copyOf(mapping);
    }

    /** The mapping for the Kremlin corpus. */
    public static TopicMapping kremlin() {
        try (InputStream in = TopicMapping.class.getResourceAsStream(KREMLIN)) {
            return of(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read the bundled " + KREMLIN, e);
        }
    }

    /** Labels that are route names already: each stands for itself. */
    public static TopicMapping identity(final Collection<String> routes) {
        final Map<String, String> mapping = new TreeMap<>();
        routes.forEach(route -> mapping.put(route, route));
        return new TopicMapping(mapping);
    }

    /** A mapping file: {@code editors' topic = newswire topic}, one a line (Java properties, UTF-8). */
    public static TopicMapping fromFile(final Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return of(in);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read the topic mapping " + file + ": " + e.getMessage(), e);
        }
    }

    private static TopicMapping of(final Reader in) throws IOException {
        final Properties properties = new Properties();
        properties.load(in);
        final Map<String, String> mapping = new TreeMap<>();
        properties.stringPropertyNames().forEach(key -> mapping.put(key.strip(), properties.getProperty(key).strip()));
        if (mapping.isEmpty()) {
            throw new IllegalArgumentException("the topic mapping is empty: give lines like 'National security=security'");
        }
        return new TopicMapping(mapping);
    }

    /** The newswire topics the editors' topics stand for. */
    public Set<String> map(final List<String> editorTopics) {
        final Set<String> topics = new LinkedHashSet<>();
        for (final String topic : editorTopics) {
            // Non-breaking spaces occur in the editors' labels ("Support for\u00a0business").
            final String mapped = mapping.get(topic.replace('\u00a0', ' ').strip());
            if (mapped != null) {
                topics.add(mapped);
            }
        }
        return topics;
    }

    /** The newswire topics this mapping can give, sorted. */
    public List<String> topics() {
        return new ArrayList<>(new java.util.TreeSet<>(mapping.values()));
    }
}

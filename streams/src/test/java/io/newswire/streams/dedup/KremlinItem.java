package io.newswire.streams.dedup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An item of {@code kremlin-items.jsonl} (real Kremlin copy, CC BY 4.0, kremlin.ru) as fingerprint tests edit it:
 * {@code aKremlinItem(59513).retitled("…").withoutParagraph(9).parts()}. Immutable: each edit gives a new item.
 *
 * @param date       the item's day, to show that a pair is of the same day
 * @param topics     the editors' topics, to show that a pair is of the same topic
 * @param paragraphs the body, in order
 */
record KremlinItem(String date, List<String> topics, String title, String lead, List<String> paragraphs) {

    private static final String FIXTURES = "kremlin-items.jsonl";

    KremlinItem {
        topics = List.copyOf(topics);
        paragraphs = List.copyOf(paragraphs);
    }

    /** The item with this kremlin.ru news id from the fixtures. */
    static KremlinItem aKremlinItem(final int id) {
        final ObjectMapper json = new ObjectMapper();
        try (InputStream in = Objects.requireNonNull(KremlinItem.class.getResourceAsStream(FIXTURES), FIXTURES);
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                final JsonNode item = json.readTree(line);
                if (item.path("id").asInt() == id) {
                    return new KremlinItem(item.path("date").asText(), strings(item.path("topics")),
                        item.path("title").asText(), item.path("lead").asText(), strings(item.path("paragraphs")));
                }
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read the test fixtures " + FIXTURES, e);
        }
        throw new IllegalArgumentException("no item " + id + " in " + FIXTURES);
    }

    /** Title, lead and paragraphs, as {@link Fingerprinter#fingerprint(List)} takes an item. */
    List<String> parts() {
        final List<String> parts = new ArrayList<>();
        parts.add(title);
        parts.add(lead);
        parts.addAll(paragraphs);
        return parts;
    }

    /** The whole text, one part a line. */
    String text() {
        return String.join("\n", parts());
    }

    KremlinItem retitled(final String newTitle) {
        return new KremlinItem(date, topics, newTitle, lead, paragraphs);
    }

    KremlinItem withoutParagraph(final int index) {
        final List<String> kept = new ArrayList<>(paragraphs);
        kept.remove(index);
        return new KremlinItem(date, topics, title, lead, kept);
    }

    /** {@code wrong} replaced by {@code right} in paragraph {@code index}, which must hold it. */
    KremlinItem correcting(final int index, final String wrong, final String right) {
        if (!paragraphs.get(index).contains(wrong)) {
            throw new IllegalArgumentException("paragraph " + index + " does not hold \"" + wrong + "\"");
        }
        final List<String> corrected = new ArrayList<>(paragraphs);
        corrected.set(index, corrected.get(index).replace(wrong, right));
        return new KremlinItem(date, topics, title, lead, corrected);
    }

    /** Every part (title, lead, paragraphs) rewritten by {@code edit}. */
    KremlinItem rewritten(final UnaryOperator<String> edit) {
        return new KremlinItem(date, topics, edit.apply(title), edit.apply(lead),
            paragraphs.stream().map(edit).toList());
    }

    private static List<String> strings(final JsonNode array) {
        final List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}

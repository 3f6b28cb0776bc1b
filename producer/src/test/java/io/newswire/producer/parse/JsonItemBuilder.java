package io.newswire.producer.parse;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds .jsonl lines for tests: {@code anItem().id(6152).title("…").paragraphs("…").toLine()}. */
public final class JsonItemBuilder {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final ObjectNode node = MAPPER.createObjectNode();

    private JsonItemBuilder() {
    }

    /** An item with a title and one paragraph, the least a line needs. */
    public static JsonItemBuilder anItem() {
        return new JsonItemBuilder().title("Meeting with the Governor").paragraphs("The meeting took place.");
    }

    /** A copy of a corpus line, to change fields of. */
    public static JsonItemBuilder from(final String line) {
        final JsonItemBuilder builder = new JsonItemBuilder();
        try {
            builder.node.setAll((ObjectNode) MAPPER.readTree(line));
        } catch (final JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        return builder;
    }

    public JsonItemBuilder id(final long id) {
        node.put("id", id);
        return this;
    }

    public JsonItemBuilder id(final String id) {
        node.put("id", id);
        return this;
    }

    public JsonItemBuilder title(final String title) {
        node.put("title", title);
        return this;
    }

    public JsonItemBuilder set(final String field, final String value) {
        node.put(field, value);
        return this;
    }

    public JsonItemBuilder without(final String field) {
        node.remove(field);
        return this;
    }

    public JsonItemBuilder paragraphs(final String... paragraphs) {
        final ArrayNode array = node.putArray("paragraphs");
        List.of(paragraphs).forEach(array::add);
        return this;
    }

    public JsonItemBuilder labels(final String topics, final String speakers) {
        node.putArray("topics").add(topics);
        node.putArray("speakers").add(speakers);
        node.putArray("persons").add(speakers);
        node.putObject("tag_sections").putArray("Topics").add(topics);
        return this;
    }

    /** Any other field, as raw JSON. */
    public JsonItemBuilder raw(final String field, final String json) {
        try {
            node.set(field, MAPPER.readTree(json));
        } catch (final JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        return this;
    }

    public String toLine() {
        return node.toString();
    }
}

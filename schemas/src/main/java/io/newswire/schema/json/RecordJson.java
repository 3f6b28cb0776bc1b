package io.newswire.schema.json;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * Renders Avro records as plain JSON for people and downstream tools: field names as in the schema, unions without
 * Avro's {"type": value} wrappers, timestamps as ISO-8601 instants, bytes as base64.
 * Avro's own JSON encoding keeps the wrappers, which is why this exists.
 */
public final class RecordJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RecordJson() {
    }

    /** The record as a JSON object. */
    public static ObjectNode toJson(final IndexedRecord record) {
        final ObjectNode node = NODES.objectNode();
        for (final Schema.Field field : record.getSchema().getFields()) {
            node.set(field.name(), value(record.get(field.pos())));
        }
        return node;
    }

    /** The record as one line of JSON (no line breaks), for .jsonl output. */
    public static String toJsonLine(final IndexedRecord record) {
        try {
            return MAPPER.writeValueAsString(toJson(record));
        } catch (final JsonProcessingException e) {
            throw new IllegalStateException("cannot render " + record.getSchema().getName() + " as JSON", e);
        }
    }

    private static JsonNode value(final Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof IndexedRecord) {
            return toJson((IndexedRecord) value);
        }
        if (value instanceof CharSequence) {
            return NODES.textNode(value.toString());
        }
        if (value instanceof Instant) {
            return NODES.textNode(value.toString());
        }
        if (value instanceof Integer) {
            return NODES.numberNode((Integer) value);
        }
        if (value instanceof Long) {
            return NODES.numberNode((Long) value);
        }
        if (value instanceof Double) {
            return NODES.numberNode((Double) value);
        }
        if (value instanceof Float) {
            return NODES.numberNode((Float) value);
        }
        if (value instanceof Boolean) {
            return NODES.booleanNode((Boolean) value);
        }
        if (value instanceof ByteBuffer) {
            final ByteBuffer buffer = ((ByteBuffer) value).duplicate();
            final byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return NODES.textNode(Base64.getEncoder().encodeToString(bytes));
        }
        if (value instanceof Collection) {
            final ArrayNode array = NODES.arrayNode();
            for (final Object item : (Collection<?>) value) {
                array.add(value(item));
            }
            return array;
        }
        if (value instanceof Map) {
            final ObjectNode object = NODES.objectNode();
            for (final Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                object.set(entry.getKey().toString(), value(entry.getValue()));
            }
            return object;
        }
        // Enums, fixed and anything else Avro may hold: their text form.
        return NODES.textNode(value.toString());
    }
}

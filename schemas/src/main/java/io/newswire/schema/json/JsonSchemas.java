package io.newswire.schema.json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswire.schema.DeadLetter;
import io.newswire.schema.DedupDecision;
import io.newswire.schema.EnrichedItem;
import io.newswire.schema.WireItem;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * JSON Schema (draft 2020-12) of the JSON that {@link RecordJson} renders — what {@code newswire run --export} and
 * {@code newswire tail} write — derived from the Avro schemas by the same rules: every field present, unions without
 * wrappers (a nullable field is the type or null), timestamps as ISO-8601 date-times, bytes as base64, maps as
 * objects. Named records are {@code $defs}. Written here because no maintained library on Maven Central turns Avro
 * schemas into JSON Schema, and these rules are {@link RecordJson}'s own.
 */
public final class JsonSchemas {

    /** The exported record types, by the file name of their JSON Schema. */
    public static final Map<String, Schema> EXPORTED = exported();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonSchemas() {
    }

    private static Map<String, Schema> exported() {
        final Map<String, Schema> schemas = new LinkedHashMap<>();
        schemas.put("EnrichedItem.schema.json", EnrichedItem.getClassSchema());
        schemas.put("DedupDecision.schema.json", DedupDecision.getClassSchema());
        schemas.put("DeadLetter.schema.json", DeadLetter.getClassSchema());
        schemas.put("WireItem.schema.json", WireItem.getClassSchema());
        return schemas;
    }

    /** The JSON Schema of a record type's JSON rendering, as pretty-printed text ending in a newline. */
    public static String of(final Schema record) {
        final ObjectNode root = NODES.objectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("title", record.getName());
        final Map<String, ObjectNode> defs = new LinkedHashMap<>();
        final ObjectNode body = recordSchema(record, defs);
        root.setAll(body);
        defs.remove(record.getFullName());
        if (!defs.isEmpty()) {
            final ObjectNode defsNode = root.putObject("$defs");
            defs.forEach((name, schema) -> defsNode.set(name.substring(name.lastIndexOf('.') + 1), schema));
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (final IOException e) {
            throw new IllegalStateException("cannot write the JSON Schema of " + record.getName(), e);
        }
    }

    private static ObjectNode recordSchema(final Schema record, final Map<String, ObjectNode> defs) {
        final ObjectNode node = NODES.objectNode();
        defs.put(record.getFullName(), node);
        if (record.getDoc() != null) {
            node.put("description", record.getDoc());
        }
        node.put("type", "object");
        final ObjectNode properties = node.putObject("properties");
        final ArrayNode required = node.putArray("required");
        for (final Schema.Field field : record.getFields()) {
            final ObjectNode property = type(field.schema(), defs);
            if (field.doc() != null) {
                property.put("description", field.doc());
            }
            properties.set(field.name(), property);
            required.add(field.name());
        }
        node.put("additionalProperties", false);
        return node;
    }

    private static ObjectNode type(final Schema schema, final Map<String, ObjectNode> defs) {
        final LogicalType logical = schema.getLogicalType();
        if (logical instanceof LogicalTypes.TimestampMillis || logical instanceof LogicalTypes.TimestampMicros) {
            return NODES.objectNode().put("type", "string").put("format", "date-time");
        }
        if (logical instanceof LogicalTypes.Date) {
            return NODES.objectNode().put("type", "string").put("format", "date");
        }
        return switch (schema.getType()) {
            case RECORD -> {
                if (!defs.containsKey(schema.getFullName())) {
                    recordSchema(schema, defs);
                }
                yield NODES.objectNode().put("$ref", "#/$defs/" + schema.getName());
            }
            case UNION -> {
                final ArrayNode anyOf = NODES.arrayNode();
                schema.getTypes().forEach(branch -> anyOf.add(type(branch, defs)));
                final ObjectNode union = NODES.objectNode();
                union.set("anyOf", anyOf);
                yield union;
            }
            case ARRAY -> {
                final ObjectNode array = NODES.objectNode().put("type", "array");
                array.set("items", type(schema.getElementType(), defs));
                yield array;
            }
            case MAP -> {
                final ObjectNode map = NODES.objectNode().put("type", "object");
                map.set("additionalProperties", type(schema.getValueType(), defs));
                yield map;
            }
            case ENUM -> {
                final ObjectNode enumeration = NODES.objectNode().put("type", "string");
                final ArrayNode symbols = enumeration.putArray("enum");
                schema.getEnumSymbols().forEach(symbols::add);
                yield enumeration;
            }
            case STRING, FIXED -> NODES.objectNode().put("type", "string");
            case BYTES -> NODES.objectNode().put("type", "string").put("contentEncoding", "base64");
            case INT, LONG -> NODES.objectNode().put("type", "integer");
            case FLOAT, DOUBLE -> NODES.objectNode().put("type", "number");
            case BOOLEAN -> NODES.objectNode().put("type", "boolean");
            case NULL -> NODES.objectNode().put("type", "null");
        };
    }

    /** Writes every exported type's JSON Schema into {@code folder} (the build's {@code schemas/src/main/json-schema}). */
    public static void main(final String[] args) throws IOException {
        final Path folder = Path.of(args.length > 0 ? args[0] : "schemas/src/main/json-schema");
        Files.createDirectories(folder);
        for (final Map.Entry<String, Schema> schema : EXPORTED.entrySet()) {
            Files.writeString(folder.resolve(schema.getKey()), of(schema.getValue()), StandardCharsets.UTF_8);
        }
        System.out.println("wrote " + List.copyOf(EXPORTED.keySet()) + " to " + folder);
    }
}

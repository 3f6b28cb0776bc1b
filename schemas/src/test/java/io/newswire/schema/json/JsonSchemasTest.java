package io.newswire.schema.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.newswire.schema.Records;
import org.apache.avro.generic.IndexedRecord;
import org.junit.jupiter.api.Test;

/**
 * The published JSON Schemas (schemas/src/main/json-schema) describe what {@link RecordJson} writes, checked with a
 * JSON Schema validator (networknt): the JSON of every exported type validates, and JSON that breaks a rule does not.
 */
class JsonSchemasTest {

    private static final Path PUBLISHED = Path.of("src/main/json-schema");
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    @Test
    void shouldPublishWhatTheGeneratorWrites() throws IOException {
        for (final Map.Entry<String, org.apache.avro.Schema> type : JsonSchemas.EXPORTED.entrySet()) {
            final Path file = PUBLISHED.resolve(type.getKey());
            assertThat(file).as("regenerate with: java -cp <schemas classpath> "
                + JsonSchemas.class.getName() + " schemas/src/main/json-schema").exists();
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).as(type.getKey() + " is up to date "
                + "(regenerate with " + JsonSchemas.class.getName() + ")").isEqualTo(JsonSchemas.of(type.getValue()));
        }
    }

    @Test
    void shouldAcceptTheJsonOfEveryExportedType() throws IOException {
        for (final IndexedRecord record : List.<IndexedRecord>of(Records.anEnrichedItem(), Records.aDedupDecision(),
            Records.aDeadLetter(), Records.aWireItem())) {
            final String name = record.getSchema().getName() + ".schema.json";
            final List<Error> errors = schema(name).validate(RecordJson.toJson(record));
            assertThat(errors).as(name).isEmpty();
        }
    }

    @Test
    void shouldRejectJsonThatBreaksTheSchema() throws IOException {
        final Schema enriched = schema("EnrichedItem.schema.json");
        final ObjectNode missing = RecordJson.toJson(Records.anEnrichedItem());
        missing.remove("story_id");
        assertThat(enriched.validate(missing)).as("a field left out").isNotEmpty();
        final ObjectNode wrongType = RecordJson.toJson(Records.anEnrichedItem());
        wrongType.put("routes", "security");
        assertThat(enriched.validate(wrongType)).as("a string for an array").isNotEmpty();
        final ObjectNode extra = RecordJson.toJson(Records.anEnrichedItem());
        extra.put("label", "sport");
        assertThat(enriched.validate(extra)).as("a field the schema does not have").isNotEmpty();
    }

    private static Schema schema(final String name) throws IOException {
        return SCHEMAS.getSchema(Files.readString(PUBLISHED.resolve(name), StandardCharsets.UTF_8));
    }
}

package io.newswire.schema.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.newswire.schema.DeadLetter;
import io.newswire.schema.DedupDecision;
import io.newswire.schema.EnrichedItem;
import io.newswire.schema.WireItem;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Guards the schema contract: every released version of each record stays readable by the current classes (and
 * current data by readers of the released versions), the current schema is itself released, and an item written
 * with an older version decodes with today's serde.
 */
class SchemaCompatibilityTest {

    private static final NewswireSerdes SERDES = new NewswireSerdes();

    static Stream<AvroSerde<? extends SpecificRecord>> serdes() {
        return Stream.of(SERDES.wireItem(), SERDES.enrichedItem(), SERDES.dedupDecision(), SERDES.deadLetter(),
            SERDES.dedupRequest(), SERDES.dedupSketch());
    }

    @ParameterizedTest
    @MethodSource("serdes")
    void shouldReadEveryReleasedVersionWithTheCurrentSchema(final AvroSerde<? extends SpecificRecord> serde) {
        final Schema current = currentSchema(serde.type());
        final List<Schema> released = ReleasedSchemas.of(current.getName());

        assertThat(released).as("released versions of %s", current.getName()).isNotEmpty();
        for (final Schema old : released) {
            assertThat(incompatibilities(current, old))
                .as("current %s reading data written with a released version", current.getName())
                .isEmpty();
            assertThat(incompatibilities(old, current))
                .as("a reader of a released %s reading current data", current.getName())
                .isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("serdes")
    void shouldHaveReleasedTheCurrentSchema(final AvroSerde<? extends SpecificRecord> serde) {
        final Schema current = currentSchema(serde.type());
        final List<Schema> released = ReleasedSchemas.of(current.getName());
        final Schema latest = released.get(released.size() - 1);

        assertThat(SchemaNormalization.parsingFingerprint64(latest))
            .as("%s changed since its latest released version (v%d): add the current schema as "
                    + "schemas/src/main/resources/io/newswire/schema/released/%s/v%d.avsc and a fixture for it",
                current.getName(), released.size(), current.getName(), released.size() + 1)
            .isEqualTo(SchemaNormalization.parsingFingerprint64(current));
    }

    @ParameterizedTest
    @MethodSource("serdes")
    void shouldDecodeAnItemWrittenWithEachReleasedVersion(final AvroSerde<? extends SpecificRecord> serde)
        throws IOException {
        final Schema current = currentSchema(serde.type());
        final List<Schema> released = ReleasedSchemas.of(current.getName());
        for (int version = 1; version <= released.size(); version++) {
            final Schema writer = released.get(version - 1);
            final GenericRecord written = readFixture(writer, current.getName() + "-v" + version + ".json");
            final byte[] bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), writer).encode(written).array();

            final SpecificRecord decoded = serde.decode(bytes);

            for (final Schema.Field field : writer.getFields()) {
                final Schema.Field now = current.getField(field.name());
                if (now != null) {
                    assertThat(comparable(projected(decoded.get(now.pos()), field.schema())))
                        .as("%s v%d field %s", current.getName(), version, field.name())
                        .isEqualTo(comparable(projected(written.get(field.name()), field.schema())));
                }
            }
        }
    }

    @Test
    void shouldReportAChangeThatBreaksReadersOfOlderData() {
        final Schema current = WireItem.getClassSchema();
        final Schema withRequiredField = withExtraField(current, new Schema.Field("priority",
            Schema.create(Schema.Type.INT), "a new field without a default"));

        // Old WireItems have no 'priority' and no default says what to fill in: the new reader cannot read them.
        assertThat(incompatibilities(withRequiredField, current)).isNotEmpty();
        // The same field with a default is a safe extension.
        final Schema withDefaultedField = withExtraField(current, new Schema.Field("priority",
            Schema.create(Schema.Type.INT), "a new field with a default", 0));
        assertThat(incompatibilities(withDefaultedField, current)).isEmpty();
    }

    private static List<String> incompatibilities(final Schema reader, final Schema writer) {
        final List<String> problems = new ArrayList<>();
        SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult().getIncompatibilities()
            .forEach(incompatibility -> problems.add(incompatibility.getType() + " at "
                + incompatibility.getLocation() + ": " + incompatibility.getMessage()));
        return problems;
    }

    private static Schema withExtraField(final Schema schema, final Schema.Field extra) {
        final List<Schema.Field> fields = new ArrayList<>();
        schema.getFields().forEach(field -> fields.add(new Schema.Field(field, field.schema())));
        fields.add(extra);
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }

    private static Schema currentSchema(final Class<? extends SpecificRecord> type) {
        return org.apache.avro.specific.SpecificData.get().getSchema(type);
    }

    private static GenericRecord readFixture(final Schema writer, final String name) throws IOException {
        try (InputStream in = SchemaCompatibilityTest.class.getResourceAsStream("/released-data/" + name)) {
            assertThat(in).as("fixture released-data/%s (an item in Avro JSON encoding of that version)", name)
                .isNotNull();
            final String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new GenericDatumReader<GenericRecord>(writer).read(null,
                DecoderFactory.get().jsonDecoder(writer, json));
        }
    }

    /** Generic data reads timestamp-millis as epoch millis, generated classes as Instant: compare as millis. */
    /**
     * The value as the writer's schema sees it: nested records keep only the writer's fields, so a field added
     * later (with its default) does not count as a difference.
     */
    private static Object projected(final Object value, final Schema writer) {
        if (value == null) {
            return null;
        }
        return switch (writer.getType()) {
            case UNION -> {
                for (final Schema branch : writer.getTypes()) {
                    if (branch.getType() != Schema.Type.NULL) {
                        yield projected(value, branch);
                    }
                }
                yield value;
            }
            case ARRAY -> ((java.util.Collection<?>) value).stream()
                .map(element -> projected(element, writer.getElementType())).toList();
            case RECORD -> {
                final org.apache.avro.generic.IndexedRecord record = (org.apache.avro.generic.IndexedRecord) value;
                final java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>();
                for (final Schema.Field field : writer.getFields()) {
                    final Schema.Field now = record.getSchema().getField(field.name());
                    fields.put(field.name(), now == null ? null : projected(record.get(now.pos()), field.schema()));
                }
                yield fields;
            }
            default -> value;
        };
    }

    private static String comparable(final Object value) {
        if (value instanceof java.time.Instant) {
            return Long.toString(((java.time.Instant) value).toEpochMilli());
        }
        return String.valueOf(value);
    }
}

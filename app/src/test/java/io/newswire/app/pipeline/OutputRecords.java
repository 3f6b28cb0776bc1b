package io.newswire.app.pipeline;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import io.newswire.schema.Dateline;
import io.newswire.schema.DeadLetter;
import io.newswire.schema.DedupDecision;
import io.newswire.schema.EnrichedItem;
import io.newswire.schema.Entities;
import io.newswire.schema.Source;
import io.newswire.schema.TopicScore;
import io.newswire.schema.Turn;
import org.apache.avro.specific.SpecificRecord;

/**
 * Output records as the collector would have read them, built by hand for tests that need no Kafka:
 * {@code anItem("17591").in("news.security").tracedAs("run-1/0").build()}. Every record-typed field is set
 * explicitly, so building never resolves Avro defaults (which would need the generated classes to be trusted).
 */
final class OutputRecords {

    private static final Instant AT = Instant.parse("2021-08-21T12:00:00Z");

    private final String key;
    private final SpecificRecord value;
    private String topic = "news.general";
    private String trace;

    private OutputRecords(final String key, final SpecificRecord value) {
        this.key = key;
        this.value = value;
    }

    /** An enriched item with the seed's title, dateline and speakers. */
    static OutputRecords anItem(final String id) {
        return anItem(id, "Russia/Kazakistan - Incontro tra Putin e Tokayev");
    }

    static OutputRecords anItem(final String id, final String title) {
        return new OutputRecords(id, EnrichedItem.newBuilder()
            .setId(id)
            .setSource(Source.newBuilder().setName("kremlin.ru").setUrl("http://kremlin.ru/events/" + id).build())
            .setTitle(title)
            .setLanguage("it")
            .setDateline(Dateline.newBuilder().setPlace("Mosca").setDate("2021-08-21").build())
            .setSpeakers(List.of("Vladimir Putin", "Kassym-Zhomart Tokayev"))
            .setTurns(List.of(Turn.newBuilder().setSpeaker("Vladimir Putin").setText("Caro Kassym-Jomart").build()))
            .setCaptions(List.of("Con il presidente del Kazakistan Kassym-Zhomart Tokayev."))
            .setBody(List.of("Vladimir Putin ha ricevuto al Cremlino il presidente Tokayev."))
            .setEntities(Entities.newBuilder().setPersons(List.of("Vladimir Putin")).setCountries(List.of("RU", "KZ"))
                .setOrganizations(List.of("SCO")).setPlaces(List.of("Moscow")).build())
            .setTopics(List.of(TopicScore.newBuilder().setName("security").setScore(0.59).build()))
            .setRoutes(List.of("security"))
            .setDuplicateOf(null)
            .setStoryId(id)
            .setRepairs(List.of("caption 2: removed stuttered word \"Con\""))
            .setContentHash("hash-of-" + id)
            .setEnrichedAt(AT)
            .build());
    }

    /** The decision that {@code id} repeats {@code duplicateOf}. */
    static OutputRecords aDuplicateDecision(final String id, final String duplicateOf) {
        return new OutputRecords(id, DedupDecision.newBuilder()
            .setId(id)
            .setSource(Source.newBuilder().setName("mirror.example.org").setUrl(null).build())
            .setTitle("Meeting with permanent members of the Security Council")
            .setDecision("duplicate")
            .setDuplicateOf(duplicateOf)
            .setStoryId(duplicateOf)
            .setReason("same normalized content as " + duplicateOf)
            .setSimilarity(1.0)
            .setDecidedAt(AT)
            .build())
            .in("news.duplicates");
    }

    /** A line of {@code origin} that could not be parsed. */
    static OutputRecords aDeadLetter(final String origin) {
        return new OutputRecords(origin, DeadLetter.newBuilder()
            .setStage("parse")
            .setError("not JSON")
            .setErrorClass(null)
            .setOriginal(ByteBuffer.wrap("{\"id\": \"broken\"".getBytes(StandardCharsets.UTF_8)))
            .setOriginalKey(null)
            .setTopic(null)
            .setPartition(null)
            .setOffset(null)
            .setOrigin(origin)
            .setFailedAt(AT)
            .build())
            .in("news.dlq");
    }

    OutputRecords in(final String outputTopic) {
        this.topic = outputTopic;
        return this;
    }

    OutputRecords tracedAs(final String runTrace) {
        this.trace = runTrace;
        return this;
    }

    CollectedRecord build() {
        return new CollectedRecord(topic, key, trace, value);
    }
}

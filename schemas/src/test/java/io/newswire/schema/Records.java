package io.newswire.schema;

import java.time.Instant;
import java.util.List;

/** Test builders of one filled-in record of each type. */
public final class Records {

    public static final Instant AT = Instant.parse("2021-08-21T12:00:00Z");

    private Records() {
    }

    public static WireItem aWireItem() {
        return WireItem.newBuilder()
            .setId("sha256:abc")
            .setSource(Source.newBuilder().setName("kremlin.ru").setUrl(null).build())
            .setTitle("Russia/Kazakistan - Incontro tra Putin e Tokayev")
            .setPublished("2021-08-21")
            .setDateline(Dateline.newBuilder().setPlace("Mosca").setDate("2021-08-21").build())
            .setBody(List.of("Vladimir Putin ha ricevuto al Cremlino il presidente Tokayev.",
                "Vladimir Putin: Caro Kassym-Jomart Kemelevich, buon pomeriggio!"))
            .setTurns(List.of(Turn.newBuilder().setSpeaker("Vladimir Putin")
                .setText("Caro Kassym-Jomart Kemelevich, buon pomeriggio!").build()))
            .setCaptions(List.of("Con il presidente del Kazakistan Kassym-Zhomart Tokayev."))
            .setRepairs(List.of("caption 2: removed stuttered word \"Con\""))
            .setContentHash("0f")
            .setFormat("txt")
            .setOrigin("seed.it.txt")
            .setIngestedAt(AT)
            .build();
    }

    public static EnrichedItem anEnrichedItem() {
        final WireItem item = aWireItem();
        return EnrichedItem.newBuilder()
            .setId(item.getId())
            .setSource(item.getSource())
            .setTitle(item.getTitle())
            .setLanguage("it")
            .setLanguageConfidence(0.98)
            .setDateline(item.getDateline())
            .setSpeakers(List.of("Vladimir Putin"))
            .setTurns(item.getTurns())
            .setCaptions(item.getCaptions())
            .setBody(item.getBody())
            .setEntities(Entities.newBuilder().setPersons(List.of("Vladimir Putin")).setCountries(List.of("RU", "KZ"))
                .setOrganizations(List.of("SCO")).setPlaces(List.of("Moscow")).build())
            .setTopics(List.of(TopicScore.newBuilder().setName("security").setScore(0.8).build()))
            .setRoutes(List.of("security"))
            .setStoryId(item.getId())
            .setContentHash(item.getContentHash())
            .setEnrichedAt(AT)
            .build();
    }

    public static DedupDecision aDedupDecision() {
        return DedupDecision.newBuilder()
            .setId("6152-copy")
            .setSource(Source.newBuilder().setName("kremlin.ru").build())
            .setTitle("The draft of the European Security Treaty")
            .setDecision("duplicate")
            .setDuplicateOf("6152")
            .setStoryId("6152")
            .setReason("same content hash as 6152")
            .setSimilarity(1.0)
            .setDecidedAt(AT)
            .build();
    }

    public static DeadLetter aDeadLetter() {
        return DeadLetter.newBuilder()
            .setStage("deserialize")
            .setError("cannot decode WireItem")
            .setErrorClass("org.apache.kafka.common.errors.SerializationException")
            .setOriginal(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3}))
            .setOriginalKey("k1")
            .setTopic("news.raw")
            .setPartition(0)
            .setOffset(42L)
            .setFailedAt(AT)
            .build();
    }
}

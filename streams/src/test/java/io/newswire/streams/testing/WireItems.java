package io.newswire.streams.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.newswire.schema.Dateline;
import io.newswire.schema.Source;
import io.newswire.schema.Turn;
import io.newswire.schema.WireItem;
import io.newswire.schema.text.ContentHash;

/** Builds WireItems for tests: {@code aWireItem().about(SECURITY).withId("a").build()}. */
public final class WireItems {

    /** English copy a security desk wants. */
    public static final List<String> SECURITY = List.of(
        "The Defence Minister reported on the combat readiness of the Armed Forces and the military exercises "
            + "held near the border.",
        "The Security Council discussed measures against terrorism and the threat posed by militants, and the "
            + "deployment of troops and air defence systems.");
    /** English copy a trade desk wants. */
    public static final List<String> TRADE = List.of(
        "Bilateral trade grew by 33 percent in the first half of the year, and exports of grain and machinery "
            + "to the region reached a record.",
        "The ministers discussed import tariffs, customs duties and the trade turnover between the two "
            + "countries, which exceeded 20 billion dollars.");
    /** English copy about nothing in the taxonomy. */
    public static final List<String> NOTHING = List.of(
        "The weather in the city was mild on Tuesday and many residents spent the afternoon walking along "
            + "the river embankment with their families.");

    private String id = "item-1";
    private String title = "Untitled";
    private final List<String> body = new ArrayList<>();
    private final List<Turn> turns = new ArrayList<>();
    private String sourceName = "kremlin.ru";

    private WireItems() {
    }

    public static WireItems aWireItem() {
        return new WireItems();
    }

    public WireItems withId(final String itemId) {
        this.id = itemId;
        return this;
    }

    public WireItems titled(final String itemTitle) {
        this.title = itemTitle;
        return this;
    }

    public WireItems about(final List<String> paragraphs) {
        body.addAll(paragraphs);
        return this;
    }

    public WireItems withTurn(final String speaker, final String text) {
        turns.add(Turn.newBuilder().setSpeaker(speaker).setText(text).build());
        body.add(speaker + ": " + text);
        return this;
    }

    public WireItems from(final String source) {
        this.sourceName = source;
        return this;
    }

    public WireItem build() {
        return WireItem.newBuilder()
            .setId(id)
            .setSource(Source.newBuilder().setName(sourceName).setUrl(null).build())
            .setTitle(title)
            .setPublished("2021-08-21")
            .setDateline(Dateline.newBuilder().setPlace("Moscow").setDate("2021-08-21").build())
            .setBody(body)
            .setTurns(turns)
            .setCaptions(List.of())
            .setRepairs(List.of())
            .setContentHash(ContentHash.of(title, body))
            .setFormat("jsonl")
            .setOrigin("test")
            .setIngestedAt(Instant.parse("2021-08-21T10:00:00Z"))
            .build();
    }
}

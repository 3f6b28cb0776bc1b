package io.newswire.streams.enrich;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.newswire.schema.Dateline;
import io.newswire.schema.Source;
import io.newswire.schema.Turn;
import io.newswire.schema.WireItem;

/** Test fixture builder for {@link WireItem}s: {@code aWireItem().titled("…").paragraph("…").build()}. */
public final class WireItemBuilder {

    private static final Instant INGESTED_AT = Instant.parse("2021-08-21T12:00:00Z");

    private String id = "test-item";
    private String title;
    private String lead;
    private String datelinePlace;
    private final List<String> body = new ArrayList<>();
    private final List<Turn> turns = new ArrayList<>();
    private final List<String> captions = new ArrayList<>();

    private WireItemBuilder() {
    }

    public static WireItemBuilder aWireItem() {
        return new WireItemBuilder();
    }

    public WireItemBuilder withId(final String value) {
        this.id = value;
        return this;
    }

    public WireItemBuilder titled(final String value) {
        this.title = value;
        return this;
    }

    public WireItemBuilder withLead(final String value) {
        this.lead = value;
        return this;
    }

    public WireItemBuilder datelined(final String place) {
        this.datelinePlace = place;
        return this;
    }

    /** A body paragraph that nobody speaks. */
    public WireItemBuilder paragraph(final String text) {
        body.add(text);
        return this;
    }

    /**
     * A speaker turn of one or more paragraphs: the body gets {@code speaker: first paragraph} and the others, as the
     * parser keeps speaker prefixes in the body; the turn's text is the paragraphs separated by a blank line.
     */
    public WireItemBuilder turn(final String speaker, final String... paragraphs) {
        body.add(speaker + ": " + paragraphs[0]);
        body.addAll(List.of(paragraphs).subList(1, paragraphs.length));
        turns.add(new Turn(speaker, String.join("\n\n", paragraphs)));
        return this;
    }

    public WireItemBuilder caption(final String text) {
        captions.add(text);
        return this;
    }

    public WireItem build() {
        return WireItem.newBuilder()
                .setId(id)
                .setSource(new Source("test", null))
                .setTitle(title)
                .setLead(lead)
                .setDateline(datelinePlace == null ? null : new Dateline(datelinePlace, null))
                .setBody(List.copyOf(body))
                .setTurns(List.copyOf(turns))
                .setCaptions(List.copyOf(captions))
                .setContentHash("0".repeat(64))
                .setIngestedAt(INGESTED_AT)
                .build();
    }
}

package io.newswire.streams.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.newswire.schema.Dateline;
import io.newswire.schema.Turn;
import io.newswire.schema.WireItem;

/**
 * Builds transcript-shaped WireItems — dateline, lead, speaker turns, captions, earlier repairs — on top of
 * {@link WireItems}: {@code aTranscript().titled("…").turn("Vladimir Putin", "…", "…").build()}.
 * {@link #theSeedTranscript()} is the bundled seed, cut into those parts without the producer's parser.
 */
public final class Transcripts {

    /** The seed transcript bundled with the tests (a copy of shared/corpus). */
    public static final String SEED = "/enrich/kremlin-2021-08-21-putin-tokayev.it.txt";

    private static final Pattern DATELINE = Pattern.compile("(\\p{Lu}\\p{L}+), \\d{1,2} \\p{L}+ \\d{4} - (.+)");
    private static final Pattern SPEAKER = Pattern.compile("(\\p{Lu}[\\p{L}-]+(?: \\p{Lu}[\\p{L}-]+){1,3}): (.+)");
    private static final Pattern SOURCE_LINE = Pattern.compile("\\(Fonte: .+\\)");

    private String id = "item-1";
    private String title = "Untitled";
    private String lead;
    private Dateline dateline;
    private final List<String> body = new ArrayList<>();
    private final List<Turn> turns = new ArrayList<>();
    private final List<String> captions = new ArrayList<>();
    private final List<String> repairs = new ArrayList<>();

    private Transcripts() {
    }

    public static Transcripts aTranscript() {
        return new Transcripts();
    }

    /** The seed: Putin and Tokayev in Moscow, 21 August 2021, in Italian (id "seed"). */
    public static WireItem theSeedTranscript() {
        try (InputStream in = Transcripts.class.getResourceAsStream(SEED)) {
            return fromText(new String(in.readAllBytes(), StandardCharsets.UTF_8)).withId("seed").build();
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read " + SEED, e);
        }
    }

    public Transcripts withId(final String itemId) {
        this.id = itemId;
        return this;
    }

    public Transcripts titled(final String itemTitle) {
        this.title = itemTitle;
        return this;
    }

    public Transcripts withLead(final String text) {
        this.lead = text;
        return this;
    }

    public Transcripts datelined(final String place, final String date) {
        this.dateline = Dateline.newBuilder().setPlace(place).setDate(date).build();
        return this;
    }

    /** A body paragraph that nobody speaks. */
    public Transcripts paragraph(final String text) {
        body.add(text);
        return this;
    }

    /**
     * A speaker turn of one or more paragraphs, shaped as the parser leaves it: the body gets
     * {@code speaker: first paragraph} and the others; the turn's text is the paragraphs separated by a blank line.
     */
    public Transcripts turn(final String speaker, final String... paragraphs) {
        body.add(speaker + ": " + paragraphs[0]);
        body.addAll(List.of(paragraphs).subList(1, paragraphs.length));
        turns.add(Turn.newBuilder().setSpeaker(speaker).setText(String.join("\n\n", paragraphs)).build());
        return this;
    }

    /** A turn whose text is given as is (for texts whose blank lines are themselves under test). */
    public Transcripts turnWithText(final String speaker, final String text) {
        turns.add(Turn.newBuilder().setSpeaker(speaker).setText(text).build());
        return this;
    }

    public Transcripts caption(final String text) {
        captions.add(text);
        return this;
    }

    /** A repair an earlier stage (the parser) recorded. */
    public Transcripts repairedBefore(final String repair) {
        repairs.add(repair);
        return this;
    }

    public WireItem build() {
        final WireItem base = WireItems.aWireItem().withId(id).titled(title).about(body).build();
        return WireItem.newBuilder(base)
            .setLead(lead)
            .setDateline(dateline == null ? base.getDateline() : dateline)
            .setTurns(List.copyOf(turns))
            .setCaptions(List.copyOf(captions))
            .setRepairs(List.copyOf(repairs))
            .build();
    }

    /** Title line; dateline paragraph; speaker turns with their follow-on paragraphs; source line; captions. */
    private static Transcripts fromText(final String text) {
        final String[] lines = text.strip().split("\\R");
        final Transcripts transcript = aTranscript().titled(lines[0].strip());
        String speaker = null;
        final List<String> spoken = new ArrayList<>();
        boolean inCaptions = false;
        for (int i = 1; i < lines.length; i++) {
            final String line = lines[i].strip();
            final Matcher turn = SPEAKER.matcher(line);
            final Matcher dateline = DATELINE.matcher(line);
            if (line.isEmpty()) {
                continue;
            } else if (inCaptions) {
                transcript.caption(line);
            } else if (SOURCE_LINE.matcher(line).matches()) {
                transcript.flushTurn(speaker, spoken);
                inCaptions = true;
            } else if (turn.matches()) {
                transcript.flushTurn(speaker, spoken);
                speaker = turn.group(1);
                spoken.add(turn.group(2));
            } else if (speaker != null) {
                spoken.add(line);
            } else if (dateline.matches()) {
                transcript.datelined(dateline.group(1), "2021-08-21").paragraph(dateline.group(2));
            } else {
                transcript.paragraph(line);
            }
        }
        transcript.flushTurn(speaker, spoken);
        return transcript;
    }

    private void flushTurn(final String speaker, final List<String> spoken) {
        if (speaker != null && !spoken.isEmpty()) {
            turn(speaker, spoken.toArray(String[]::new));
        }
        spoken.clear();
    }
}

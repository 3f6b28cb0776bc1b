package io.newswire.streams.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.newswire.schema.Dateline;
import io.newswire.schema.Source;
import io.newswire.schema.Turn;
import io.newswire.schema.WireItem;
import io.newswire.schema.text.ContentHash;

/**
 * Builds WireItems for tests, plain copy or transcripts: {@code aWireItem().about(SECURITY).withId("a").build()},
 * {@code aWireItem().titled("…").turn("Vladimir Putin", "…", "…").caption("…").build()}, {@link #theSeedTranscript()}.
 *
 * <p>The content hash is that of the title and body, as the producer computes it, unless {@link #withContentHash}
 * says otherwise. Items are built without copying a record, so building one needs no Avro class trust.
 */
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

    /** The seed transcript bundled with the tests (a copy of shared/corpus). */
    private static final String SEED = "/enrich/kremlin-2021-08-21-putin-tokayev.it.txt";
    private static final String DATE = "2021-08-21";

    private static final Pattern DATELINE = Pattern.compile("(\\p{Lu}\\p{L}+), \\d{1,2} \\p{L}+ \\d{4} - (.+)");
    private static final Pattern SPEAKER = Pattern.compile("(\\p{Lu}[\\p{L}-]+(?: \\p{Lu}[\\p{L}-]+){1,3}): (.+)");
    private static final Pattern SOURCE_LINE = Pattern.compile("\\(Fonte: .+\\)");

    private String id = "item-1";
    private String title = "Untitled";
    private String sourceName = "kremlin.ru";
    private String lead;
    private Dateline dateline = Dateline.newBuilder().setPlace("Moscow").setDate(DATE).build();
    private final List<String> body = new ArrayList<>();
    private final List<Turn> turns = new ArrayList<>();
    private final List<String> captions = new ArrayList<>();
    private final List<String> repairs = new ArrayList<>();
    private String contentHash;

    private WireItems() {
    }

    public static WireItems aWireItem() {
        return new WireItems();
    }

    /** The seed: Putin and Tokayev in Moscow, 21 August 2021, in Italian (id "seed"). */
    public static WireItem theSeedTranscript() {
        try (InputStream in = WireItems.class.getResourceAsStream(SEED)) {
            return fromTranscript(new String(in.readAllBytes(), StandardCharsets.UTF_8)).withId("seed").build();
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read " + SEED, e);
        }
    }

    /**
     * A transcript shaped like the seed, cut into its parts just well enough for tests (the real parser lives in the
     * producer module, which streams must not depend on): title line; dateline paragraph
     * ({@code Mosca, 21 agosto 2021 - …}, dated {@value #DATE}); speaker turns ({@code Vladimir Putin: …}) with their
     * follow-on paragraphs; the source line; captions.
     */
    public static WireItems fromTranscript(final String text) {
        final String[] lines = text.strip().split("\\R");
        final WireItems transcript = aWireItem().titled(lines[0].strip());
        String speaker = null;
        final List<String> spoken = new ArrayList<>();
        boolean inCaptions = false;
        for (int i = 1; i < lines.length; i++) {
            final String line = lines[i].strip();
            final Matcher turn = SPEAKER.matcher(line);
            final Matcher datelined = DATELINE.matcher(line);
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
            } else if (datelined.matches()) {
                transcript.datelined(datelined.group(1), DATE).paragraph(datelined.group(2));
            } else {
                transcript.paragraph(line);
            }
        }
        transcript.flushTurn(speaker, spoken);
        return transcript;
    }

    public WireItems withId(final String itemId) {
        this.id = itemId;
        return this;
    }

    public WireItems titled(final String itemTitle) {
        this.title = itemTitle;
        return this;
    }

    /** No headline, as an input without one arrives (the default is "Untitled"). */
    public WireItems untitled() {
        return titled(null);
    }

    public WireItems from(final String source) {
        this.sourceName = source;
        return this;
    }

    public WireItems withLead(final String text) {
        this.lead = text;
        return this;
    }

    public WireItems datelined(final String place, final String date) {
        this.dateline = Dateline.newBuilder().setPlace(place).setDate(date).build();
        return this;
    }

    /** No dateline, as copy without one arrives (the default is Moscow, {@value #DATE}). */
    public WireItems undated() {
        this.dateline = null;
        return this;
    }

    /** Body paragraphs that nobody speaks. */
    public WireItems about(final List<String> paragraphs) {
        body.addAll(paragraphs);
        return this;
    }

    /** A body paragraph that nobody speaks. */
    public WireItems paragraph(final String text) {
        body.add(text);
        return this;
    }

    /**
     * A speaker turn of one or more paragraphs, shaped as the parser leaves it: the body gets
     * {@code speaker: first paragraph} and the others; the turn's text is the paragraphs separated by a blank line.
     */
    public WireItems turn(final String speaker, final String... paragraphs) {
        body.add(speaker + ": " + paragraphs[0]);
        body.addAll(List.of(paragraphs).subList(1, paragraphs.length));
        return turnWithText(speaker, String.join("\n\n", paragraphs));
    }

    /** A turn whose text is given as is and not added to the body (for texts whose blank lines are under test). */
    public WireItems turnWithText(final String speaker, final String text) {
        turns.add(Turn.newBuilder().setSpeaker(speaker).setText(text).build());
        return this;
    }

    public WireItems caption(final String text) {
        captions.add(text);
        return this;
    }

    /** A repair an earlier stage (the parser) recorded. */
    public WireItems repairedBefore(final String repair) {
        repairs.add(repair);
        return this;
    }

    /** A content hash given as is, e.g. a stale one that the normalize stage must recompute. */
    public WireItems withContentHash(final String hash) {
        this.contentHash = hash;
        return this;
    }

    public WireItem build() {
        return WireItem.newBuilder()
            .setId(id)
            .setSource(Source.newBuilder().setName(sourceName).setUrl(null).build())
            .setTitle(title)
            .setPublished(DATE)
            .setDateline(dateline)
            .setLead(lead)
            .setBody(List.copyOf(body))
            .setTurns(List.copyOf(turns))
            .setCaptions(List.copyOf(captions))
            .setRepairs(List.copyOf(repairs))
            .setContentHash(contentHash == null ? ContentHash.of(title, lead, body) : contentHash)
            .setFormat("jsonl")
            .setOrigin("test")
            .setIngestedAt(Instant.parse("2021-08-21T10:00:00Z"))
            .build();
    }

    private void flushTurn(final String speaker, final List<String> spoken) {
        if (speaker != null && !spoken.isEmpty()) {
            turn(speaker, spoken.toArray(String[]::new));
        }
        spoken.clear();
    }
}

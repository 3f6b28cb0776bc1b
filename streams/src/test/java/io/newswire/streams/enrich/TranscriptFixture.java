package io.newswire.streams.enrich;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.newswire.schema.WireItem;

/**
 * Turns a transcript shaped like the seed into a {@link WireItem}, just well enough for enrichment tests (the real
 * parser lives in the producer module, which streams must not depend on): title line, dateline paragraph
 * ({@code Mosca, 21 agosto 2021 - …}), speaker turns ({@code Vladimir Putin: …}), the source line, then captions.
 */
public final class TranscriptFixture {

    /** The seed transcript bundled with the tests. */
    public static final String SEED = "/enrich/kremlin-2021-08-21-putin-tokayev.it.txt";

    private static final Pattern DATELINE = Pattern.compile("^(\\p{Lu}[\\p{L} ]+), [^-]+ - (.*)$", Pattern.DOTALL);
    private static final Pattern SPEAKER = Pattern.compile("^(\\p{Lu}[\\p{L}.'’-]*(?: [\\p{L}.'’-]+){0,7}): (.*)$",
            Pattern.DOTALL);
    private static final Pattern SOURCE = Pattern.compile("^\\(Fonte: .*\\)$");

    private TranscriptFixture() {
    }

    public static WireItem seed() {
        try (InputStream in = TranscriptFixture.class.getResourceAsStream(SEED)) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static WireItem parse(final String transcript) {
        final String[] lines = transcript.strip().split("\\R", 2);
        final WireItemBuilder item = WireItemBuilder.aWireItem().withId("seed").titled(lines[0].strip());
        String speaker = null;
        final List<String> paragraphs = new ArrayList<>();
        boolean captions = false;
        for (final String block : lines.length > 1 ? lines[1].split("\\R") : new String[0]) {
            final String paragraph = block.strip();
            if (paragraph.isEmpty()) {
                continue;
            }
            if (captions) {
                item.caption(paragraph);
                continue;
            }
            final Matcher dateline = DATELINE.matcher(paragraph);
            final Matcher turn = SPEAKER.matcher(paragraph);
            if (SOURCE.matcher(paragraph).matches()) {
                speaker = flush(item, speaker, paragraphs);
                captions = true;
            } else if (turn.matches()) {
                flush(item, speaker, paragraphs);
                speaker = turn.group(1);
                paragraphs.add(turn.group(2));
            } else if (speaker != null) {
                paragraphs.add(paragraph);
            } else if (dateline.matches()) {
                item.datelined(dateline.group(1)).paragraph(dateline.group(2));
            } else {
                item.paragraph(paragraph);
            }
        }
        flush(item, speaker, paragraphs);
        return item.build();
    }

    private static String flush(final WireItemBuilder item, final String speaker, final List<String> paragraphs) {
        if (speaker != null && !paragraphs.isEmpty()) {
            item.turn(speaker, paragraphs.toArray(String[]::new));
        }
        paragraphs.clear();
        return null;
    }
}

package io.newswire.streams.stage;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.newswire.schema.Dateline;
import io.newswire.schema.Turn;
import io.newswire.schema.WireItem;
import io.newswire.schema.serde.SchemaTrust;
import io.newswire.schema.text.ContentHash;
import io.newswire.schema.text.TextChanges;
import io.newswire.schema.text.TextNormalizer;

/**
 * The normalize stage: WireItem → WireItem with every text field cleaned by {@link TextNormalizer#clean} (Unicode NFC,
 * soft hyphens, zero-width and bidi control characters removed, typographic quotes and dashes unified, whitespace
 * collapsed), empty paragraphs and captions dropped, the content hash recomputed, and one line in {@code repairs} that
 * counts what was changed by kind ({@link TextChanges#repair}), only when something was. Stateless and thread-safe.
 */
public final class Normalizer {

    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s*\\n");
    private static final String BREAK = "\n\n";

    public Normalizer() {
        SchemaTrust.trustNewswireSchemas();
    }

    /** The normalized copy of {@code item}. */
    public WireItem normalize(final WireItem item) {
        final TextChanges changes = new TextChanges();
        final String title = TextNormalizer.clean(item.getTitle(), changes);
        final String lead = TextNormalizer.clean(item.getLead(), changes);
        final List<String> body = cleanAll(item.getBody(), changes);
        final List<String> captions = cleanAll(item.getCaptions(), changes);
        final List<Turn> turns = new ArrayList<>(item.getTurns().size());
        for (final Turn turn : item.getTurns()) {
            turns.add(Turn.newBuilder().setSpeaker(TextNormalizer.clean(turn.getSpeaker(), changes))
                .setText(cleanParagraphs(turn.getText(), changes)).build());
        }
        final Dateline dateline = item.getDateline() == null ? null : Dateline.newBuilder(item.getDateline())
            .setPlace(TextNormalizer.clean(item.getDateline().getPlace(), changes)).build();
        final List<String> repairs = new ArrayList<>(item.getRepairs());
        changes.repair().ifPresent(repairs::add);
        return WireItem.newBuilder(item)
            .setTitle(title)
            .setLead(lead)
            .setBody(body)
            .setCaptions(captions)
            .setTurns(turns)
            .setDateline(dateline)
            .setRepairs(repairs)
            .setContentHash(ContentHash.of(title, lead, body))
            .build();
    }

    /** The cleaned non-empty texts; the empty ones are dropped and counted. */
    private static List<String> cleanAll(final List<String> texts, final TextChanges changes) {
        final List<String> cleaned = new ArrayList<>(texts.size());
        for (final String text : texts) {
            final String clean = TextNormalizer.clean(text, changes);
            if (clean != null && !clean.isEmpty()) {
                cleaned.add(clean);
            } else {
                changes.emptyTextDropped();
            }
        }
        return cleaned;
    }

    /**
     * Turn texts keep their paragraph breaks: each paragraph is cleaned on its own, and the breaks between them become
     * one blank line. Breaks that were not already one blank line count as collapsed whitespace in one text, unless a
     * paragraph of the turn already counted some.
     */
    private static String cleanParagraphs(final String text, final TextChanges changes) {
        final String[] parts = PARAGRAPH_BREAK.split(text);
        final int collapsedBefore = changes.textsWithWhitespaceCollapsed();
        final List<String> paragraphs = new ArrayList<>(parts.length);
        for (final String part : parts) {
            final String clean = TextNormalizer.clean(part, changes);
            if (!clean.isEmpty()) {
                paragraphs.add(clean);
            }
        }
        final boolean breaksChanged = paragraphs.size() != parts.length || !String.join(BREAK, parts).equals(text);
        if (breaksChanged && changes.textsWithWhitespaceCollapsed() == collapsedBefore) {
            changes.whitespaceCollapsed();
        }
        return String.join(BREAK, paragraphs);
    }
}

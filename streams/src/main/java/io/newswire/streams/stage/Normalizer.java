package io.newswire.streams.stage;

import java.util.ArrayList;
import java.util.List;

import io.newswire.schema.Dateline;
import io.newswire.schema.Turn;
import io.newswire.schema.WireItem;
import io.newswire.schema.serde.SchemaTrust;
import io.newswire.schema.text.ContentHash;
import io.newswire.schema.text.TextNormalizer;

/**
 * The normalize stage: WireItem → WireItem with every text field in Unicode NFC, invisible and bidi control
 * characters removed and whitespace collapsed, empty paragraphs dropped, the content hash recomputed, and what
 * was changed added to {@code repairs}. Stateless and thread-safe.
 */
public final class Normalizer {

    public Normalizer() {
        SchemaTrust.trustNewswireSchemas();
    }

    /** The normalized copy of {@code item}. */
    public WireItem normalize(final WireItem item) {
        final List<String> repairs = new ArrayList<>(item.getRepairs());
        final String title = TextNormalizer.clean(item.getTitle());
        if (title != null && !title.equals(item.getTitle())) {
            repairs.add("normalize: title (Unicode, invisible characters or whitespace)");
        }
        final Cleaned body = cleanAll(item.getBody());
        if (body.changed() > 0) {
            repairs.add("normalize: " + body.changed() + " body paragraph(s) (Unicode, invisible characters "
                + "or whitespace; empty ones dropped)");
        }
        final Cleaned captions = cleanAll(item.getCaptions());
        if (captions.changed() > 0) {
            repairs.add("normalize: " + captions.changed() + " caption(s) (Unicode, invisible characters or "
                + "whitespace)");
        }
        final String lead = TextNormalizer.clean(item.getLead());
        if (lead != null && !lead.equals(item.getLead())) {
            repairs.add("normalize: lead (Unicode, invisible characters or whitespace)");
        }
        final List<Turn> turns = new ArrayList<>();
        int changedTurns = 0;
        for (final Turn turn : item.getTurns()) {
            final Turn clean = Turn.newBuilder().setSpeaker(TextNormalizer.clean(turn.getSpeaker()))
                .setText(cleanParagraphs(turn.getText())).build();
            if (!clean.equals(turn)) {
                changedTurns++;
            }
            turns.add(clean);
        }
        if (changedTurns > 0) {
            repairs.add("normalize: " + changedTurns + " turn(s) (Unicode, invisible characters or whitespace)");
        }
        final Dateline dateline = item.getDateline() == null ? null : Dateline.newBuilder(item.getDateline())
            .setPlace(TextNormalizer.clean(item.getDateline().getPlace())).build();
        if (dateline != null && !dateline.equals(item.getDateline())) {
            repairs.add("normalize: dateline place (Unicode, invisible characters or whitespace)");
        }
        return WireItem.newBuilder(item)
            .setTitle(title)
            .setLead(lead)
            .setBody(body.texts())
            .setCaptions(captions.texts())
            .setTurns(turns)
            .setDateline(dateline)
            .setRepairs(repairs)
            .setContentHash(ContentHash.of(title, lead, body.texts()))
            .build();
    }

    /** The cleaned non-empty texts, and how many texts cleaning changed or dropped. */
    private record Cleaned(List<String> texts, int changed) {
    }

    private static Cleaned cleanAll(final List<String> texts) {
        final List<String> cleaned = new ArrayList<>(texts.size());
        int changed = 0;
        for (final String text : texts) {
            final String clean = TextNormalizer.clean(text);
            if (clean != null && !clean.isEmpty()) {
                cleaned.add(clean);
            }
            if (clean == null || clean.isEmpty() || !clean.equals(text)) {
                changed++;
            }
        }
        return new Cleaned(cleaned, changed);
    }

    /** Turn texts keep their paragraph breaks: each paragraph is cleaned on its own. */
    private static String cleanParagraphs(final String text) {
        final List<String> paragraphs = cleanAll(List.of(text.split("\\n\\s*\\n"))).texts();
        return String.join("\n\n", paragraphs);
    }
}

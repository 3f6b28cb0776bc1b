package io.newswire.streams.enrich;

import java.util.ArrayList;
import java.util.List;

import io.newswire.schema.Turn;
import io.newswire.schema.WireItem;
import io.newswire.schema.text.TextNormalizer;

/**
 * The text of a {@link WireItem} that enrichment reads: title, lead and body paragraphs (the turns' text when the
 * body is empty), each cleaned with {@link TextNormalizer#clean}, one paragraph a line.
 *
 * <p>Captions are left out on purpose: they are short scraped fragments that repeat the body and would count the
 * same country or topic term twice.
 */
public final class ItemText {

    private ItemText() {
    }

    /** Title, lead and body (or turns) of the item, one paragraph a line; empty when the item has no text. */
    public static String of(final WireItem item) {
        final List<String> parts = new ArrayList<>();
        add(parts, item.getTitle());
        add(parts, item.getLead());
        if (item.getBody() != null && !item.getBody().isEmpty()) {
            item.getBody().forEach(paragraph -> add(parts, paragraph));
        } else if (item.getTurns() != null) {
            for (final Turn turn : item.getTurns()) {
                add(parts, turn.getText());
            }
        }
        return String.join("\n", parts);
    }

    private static void add(final List<String> parts, final String text) {
        final String cleaned = TextNormalizer.clean(text);
        if (cleaned != null && !cleaned.isEmpty()) {
            parts.add(cleaned);
        }
    }
}

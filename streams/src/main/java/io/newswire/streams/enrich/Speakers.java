package io.newswire.streams.enrich;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.newswire.schema.Turn;
import io.newswire.schema.WireItem;
import io.newswire.schema.text.TextNormalizer;

/** The distinct speakers of an item's turns, as written (cleaned), in order of first appearance. */
public final class Speakers {

    private Speakers() {
    }

    public static List<String> of(final WireItem item) {
        final Set<String> speakers = new LinkedHashSet<>();
        if (item.getTurns() != null) {
            for (final Turn turn : item.getTurns()) {
                final String speaker = TextNormalizer.clean(turn.getSpeaker());
                if (speaker != null && !speaker.isEmpty()) {
                    speakers.add(speaker);
                }
            }
        }
        return List.copyOf(speakers);
    }
}

package io.newswire.producer.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.newswire.schema.text.TextNormalizer;

/**
 * Repairs photo captions scraped after a transcript: input the caption paragraphs as found, output the captions with
 * a stuttered first word removed ("Con Con il…" becomes "Con il…") and repeated captions kept once, and one readable
 * line per repair.
 */
public final class CaptionRepair {

    /** Repaired captions and what was done to them. */
    public record Result(List<String> captions, List<String> repairs) {

        public Result {
            captions = List.copyOf(Objects.requireNonNull(captions, "captions"));
            repairs = List.copyOf(Objects.requireNonNull(repairs, "repairs"));
        }
    }

    /**
     * The first word written twice. Scrapers produce this when a caption's first word is also a link or a drop cap.
     * A genuinely doubled place name ("Bora Bora") would be shortened too; that is rare in captions, and every such
     * repair is recorded, so it can be seen.
     */
    private static final Pattern STUTTER =
        Pattern.compile("^([\\p{L}\\p{M}][\\p{L}\\p{M}'\\u2019]*)\\s+\\1(?=[\\s,.;:!?]|$)");

    /** The captions repaired; numbers in the repair lines count the captions as found, from 1. */
    public Result repair(final List<String> found) {
        final List<String> captions = new ArrayList<>();
        final List<String> repairs = new ArrayList<>();
        final Map<String, Integer> firstSeen = new HashMap<>();
        for (int index = 0; index < found.size(); index++) {
            final int number = index + 1;
            final String caption = found.get(index);
            final Matcher stutter = STUTTER.matcher(caption);
            final String repaired = stutter.find() ? stutter.replaceFirst("$1") : caption;
            final Integer earlier = firstSeen.putIfAbsent(TextNormalizer.key(repaired), number);
            if (earlier != null) {
                repairs.add("caption " + number + ": dropped, same as caption " + earlier);
                continue;
            }
            if (!repaired.equals(caption)) {
                repairs.add("caption " + number + ": removed stuttered word \"" + stutter.group(1) + "\"");
            }
            captions.add(repaired);
        }
        return new Result(captions, repairs);
    }
}

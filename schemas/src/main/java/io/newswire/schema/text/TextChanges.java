package io.newswire.schema.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@link TextNormalizer#clean(String, TextChanges)} changed in the texts of one item, by kind with counts, and the
 * repair line that tells an editor so. Mutable and not thread-safe: one tally per item, filled by one thread.
 */
public final class TextChanges {

    private int softHyphens;
    private int zeroWidth;
    private int bidiControls;
    private int quotes;
    private int dashes;
    private int recomposed;
    private int whitespace;
    private int emptyDropped;

    void softHyphen() {
        softHyphens++;
    }

    void zeroWidth() {
        zeroWidth++;
    }

    void bidiControl() {
        bidiControls++;
    }

    void quote() {
        quotes++;
    }

    void dash() {
        dashes++;
    }

    void recomposed() {
        recomposed++;
    }

    /**
     * Counts one more text whose whitespace was collapsed, for changes {@code clean} cannot see on its own (a caller
     * that joins paragraphs with normalized breaks).
     */
    public void whitespaceCollapsed() {
        whitespace++;
    }

    /** Counts one text that cleaning left empty and the caller dropped. */
    public void emptyTextDropped() {
        emptyDropped++;
    }

    /** Adds the counts of {@code other} to these. */
    public void add(final TextChanges other) {
        softHyphens += other.softHyphens;
        zeroWidth += other.zeroWidth;
        bidiControls += other.bidiControls;
        quotes += other.quotes;
        dashes += other.dashes;
        recomposed += other.recomposed;
        whitespace += other.whitespace;
        emptyDropped += other.emptyDropped;
    }

    public int softHyphens() {
        return softHyphens;
    }

    /** Zero-width spaces, non-joiners and joiners, word joiners and byte order marks. */
    public int zeroWidthCharacters() {
        return zeroWidth;
    }

    /** Directional marks, embeddings, overrides and isolates. */
    public int bidiControls() {
        return bidiControls;
    }

    /** Typographic quotes, apostrophes and guillemets made ASCII {@code "} or {@code '}. */
    public int typographicQuotes() {
        return quotes;
    }

    /** Hyphens, dashes and minus signs made ASCII {@code -}. */
    public int dashes() {
        return dashes;
    }

    /** Texts that were not in Unicode NFC. */
    public int textsRecomposed() {
        return recomposed;
    }

    /** Texts with whitespace runs, non-ASCII spaces or line breaks collapsed, or leading/trailing space trimmed. */
    public int textsWithWhitespaceCollapsed() {
        return whitespace;
    }

    public int emptyTextsDropped() {
        return emptyDropped;
    }

    /** True when nothing was changed. */
    public boolean isEmpty() {
        return softHyphens + zeroWidth + bidiControls + quotes + dashes + recomposed + whitespace + emptyDropped == 0;
    }

    /**
     * The repair line, empty when nothing was changed: {@code normalize: 2 soft hyphens, 1 zero-width character, 1 bidi
     * control removed; 4 typographic quotes, 2 dashes unified; 1 text recomposed to NFC; whitespace collapsed in 3
     * texts; 1 empty text dropped}, each part only when its counts are not zero.
     */
    public Optional<String> repair() {
        if (isEmpty()) {
            return Optional.empty();
        }
        final List<String> parts = new ArrayList<>();
        group(parts, " removed", count(softHyphens, "soft hyphen", "soft hyphens"),
            count(zeroWidth, "zero-width character", "zero-width characters"),
            count(bidiControls, "bidi control", "bidi controls"));
        group(parts, " unified", count(quotes, "typographic quote", "typographic quotes"),
            count(dashes, "dash", "dashes"));
        group(parts, " recomposed to NFC", count(recomposed, "text", "texts"));
        group(parts, "", whitespace == 0 ? null : "whitespace collapsed in " + count(whitespace, "text", "texts"));
        group(parts, " dropped", count(emptyDropped, "empty text", "empty texts"));
        return Optional.of("normalize: " + String.join("; ", parts));
    }

    @Override
    public String toString() {
        return repair().orElse("normalize: nothing changed");
    }

    private static void group(final List<String> parts, final String verb, final String... counts) {
        final List<String> present = new ArrayList<>();
        for (final String count : counts) {
            if (count != null) {
                present.add(count);
            }
        }
        if (!present.isEmpty()) {
            parts.add(String.join(", ", present) + verb);
        }
    }

    private static String count(final int count, final String one, final String many) {
        if (count == 0) {
            return null;
        }
        return count + " " + (count == 1 ? one : many);
    }
}

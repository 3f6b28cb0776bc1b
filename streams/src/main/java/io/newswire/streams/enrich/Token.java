package io.newswire.streams.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A word of a text: a maximal run of letters, digits and combining marks, so punctuation, hyphens and apostrophes
 * separate words ({@code dell'Afghanistan} → {@code dell}, {@code Afghanistan}). Matching on whole tokens is what
 * keeps {@code Russia} from matching inside {@code Prussia}.
 *
 * @param text  the word as written
 * @param lower the word lower-cased, with Russian {@code ё} folded to {@code е} as most Russian text omits the dots
 */
public record Token(String text, String lower) {

    /** The words of a text, in order; empty for null or empty text. */
    public static List<Token> of(final String text) {
        final List<Token> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            final boolean inWord = i < text.length() && isWordChar(text.charAt(i));
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                tokens.add(word(text.substring(start, i)));
                start = -1;
            }
        }
        return tokens;
    }

    static Token word(final String word) {
        return new Token(word, fold(word));
    }

    /** Lower case (locale-independent) with {@code ё} folded to {@code е}. */
    public static String fold(final String word) {
        return word.toLowerCase(Locale.ROOT).replace('ё', 'е');
    }

    private static boolean isWordChar(final char c) {
        return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    /** The first letter is upper case ({@code Russia}, {@code RUSSIA}). */
    public boolean isCapitalized() {
        return !text.isEmpty() && Character.isUpperCase(text.codePointAt(0));
    }
}

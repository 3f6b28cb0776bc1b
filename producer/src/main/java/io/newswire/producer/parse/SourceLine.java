package io.newswire.producer.parse;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognizes the source line that closes a transcript: input a paragraph such as {@code (Fonte: kremlin.ru)},
 * {@code (Source: …)} or {@code (Источник: …)}, output the source's name.
 */
public final class SourceLine {

    /**
     * Only the parenthesized form: a bare "Source: …" could just as well be a sentence or a heading, and the
     * parentheses are how the wire services that we read set it. French puts a space before the colon.
     */
    private static final Pattern SOURCE = Pattern.compile(
        "\\(\\s*(?:fonte|source|источник|quelle|fuente)\\s*:\\s*([^()]{1,200}?)\\s*\\)",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** The source named by {@code paragraph} when the whole paragraph is a source line. */
    public Optional<String> name(final String paragraph) {
        final Matcher matcher = SOURCE.matcher(paragraph.strip());
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** True when the whole paragraph is a source line. */
    public boolean isSourceLine(final String paragraph) {
        return name(paragraph).isPresent();
    }
}

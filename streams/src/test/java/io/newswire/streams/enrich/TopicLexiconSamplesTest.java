package io.newswire.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.newswire.schema.TopicScore;

/**
 * The bundled lexicon on wire-style paragraphs in every language it covers ({@code topic-samples.tsv}): each paragraph
 * gets exactly the topics an editor would give it, and the paragraphs about none of the topics get none.
 */
class TopicLexiconSamplesTest {

    private static final String FIXTURE = "topic-samples.tsv";
    private static final List<String> LANGUAGES = List.of("it", "en", "ru", "uk", "de", "fr", "es", "pt", "pl", "tr",
            "ar", "zh");
    /** Chinese is written without spaces and Arabic attaches articles and conjunctions to words: both need matching
     * the lexicon does not do yet (terms inside runs of Han characters; Arabic proclitics stripped). */
    private static final Set<String> NEEDS_HAN_OR_ARABIC_MATCHING = Set.of();
    /** Up to the first full stop, question or exclamation mark that ends a sentence (Chinese and Arabic marks too). */
    private static final Pattern FIRST_SENTENCE = Pattern.compile("^.*?(?:[.!?](?=\\s|$)|[。！？؟])");

    private static final TopicClassifier CLASSIFIER = new TopicClassifier(TopicLexicon.bundled(),
            TopicScoring.DEFAULT, EnrichmentSettings.DEFAULT_TOPIC_THRESHOLD);

    /** One fixture line. */
    record Sample(String language, Set<String> expected, String text, int line) {

        String title() {
            final Matcher sentence = FIRST_SENTENCE.matcher(text);
            return sentence.find() ? sentence.group() : text;
        }

        @Override
        public String toString() {
            return FIXTURE + ":" + line + " " + language + " " + (expected.isEmpty() ? "(none)" : expected);
        }
    }

    static List<Sample> samples() throws IOException {
        final List<Sample> samples = new ArrayList<>();
        try (InputStream in = TopicLexiconSamplesTest.class.getResourceAsStream(FIXTURE)) {
            assertThat(in).as(FIXTURE + " on the test classpath").isNotNull();
            final BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String text;
            int number = 0;
            while ((text = reader.readLine()) != null) {
                number++;
                if (text.isBlank() || text.startsWith("#")) {
                    continue;
                }
                final String[] columns = text.split("\t", -1);
                assertThat(columns).as(FIXTURE + ":" + number + " has 3 tab-separated columns").hasSize(3);
                final Set<String> expected = new TreeSet<>();
                Arrays.stream(columns[1].split(",")).map(String::strip).filter(t -> !t.isEmpty())
                        .forEach(expected::add);
                samples.add(new Sample(columns[0].strip(), expected, columns[2].strip(), number));
            }
        }
        return samples;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void shouldFindTheEditorsTopicsAndNoOthers(final Sample sample) {
        Assumptions.assumeFalse(NEEDS_HAN_OR_ARABIC_MATCHING.contains(sample.language()),
                "needs Han/Arabic matching");

        final Set<String> found = CLASSIFIER.classify(sample.title(), sample.text()).stream()
                .map(TopicScore::getName).collect(Collectors.toCollection(TreeSet::new));

        assertThat(found).as("%s: topics at or above %s; scores %s", sample, EnrichmentSettings.DEFAULT_TOPIC_THRESHOLD,
                scoresAboveZero(sample)).isEqualTo(sample.expected());
    }

    @Test
    void shouldCoverEveryLanguageWithFourParagraphsOneOfThemAboutNoTopic() throws IOException {
        final Map<String, List<Sample>> byLanguage = samples().stream()
                .collect(Collectors.groupingBy(Sample::language, TreeMap::new, Collectors.toList()));

        assertThat(byLanguage.keySet()).containsExactlyInAnyOrderElementsOf(LANGUAGES);
        byLanguage.forEach((language, rows) -> {
            assertThat(rows).as(language).hasSizeGreaterThanOrEqualTo(4);
            assertThat(rows).as(language + ": a paragraph about none of the topics")
                    .anyMatch(row -> row.expected().isEmpty());
        });
        assertThat(samples()).flatMap(Sample::expected).isSubsetOf(TopicLexicon.bundled().topics());
    }

    private static Map<String, Double> scoresAboveZero(final Sample sample) {
        final Map<String, Double> scores = new TreeMap<>();
        CLASSIFIER.scores(sample.title(), sample.text()).forEach((topic, score) -> {
            if (score > 0.0) {
                scores.put(topic, score);
            }
        });
        return scores;
    }
}

package io.newswire.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicLexiconTest {

    @TempDir
    Path folder;

    private Path lexicon(final String content) throws IOException {
        return Files.writeString(folder.resolve("topics.tsv"), content, StandardCharsets.UTF_8);
    }

    @Test
    void shouldBundleTheEightRoutedTopicsInOrderThenTechnology() {
        assertThat(TopicLexicon.bundled().topics()).containsExactly("security", "trade", "economy", "energy",
                "diplomacy", "health", "sport", "culture", "technology");
    }

    @Test
    void shouldMatchPrefixesPhrasesAndAlternatives() throws IOException {
        final TopicLexicon lexicon = TopicLexicon.fromFile(lexicon("""
                # a comment
                farming\ten\tharvest*\t1
                farming\ten\tcrop rotation\t2
                farming\tit\traccolt{o,i}\t1
                """));
        final TopicClassifier classifier = new TopicClassifier(lexicon, TopicScoring.DEFAULT, 0.0);

        assertThat(classifier.hits("", "Harvesting, crop rotation and i raccolti")).hasSize(3);
        assertThat(classifier.hits("", "crop yields and rotation")).isEmpty();
    }

    @Test
    void shouldNameFileAndLineOfAMalformedLine() throws IOException {
        final Path file = lexicon("farming\ten\tharvest*\t1\nfarming\ten\tcrops\n");

        assertThatThrownBy(() -> TopicLexicon.fromFile(file))
                .hasMessageContaining(file + ":2").hasMessageContaining("4 tab-separated columns");
    }

    @Test
    void shouldRejectAWeightThatIsNotAPositiveNumber() throws IOException {
        final Path file = lexicon("farming\ten\tharvest*\theavy\n");

        assertThatThrownBy(() -> TopicLexicon.fromFile(file)).hasMessageContaining(file + ":1")
                .hasMessageContaining("'heavy'");
    }

    @Test
    void shouldCountEveryHanTermInsideARunOfHanText() throws IOException {
        final TopicClassifier classifier = new TopicClassifier(TopicLexicon.fromFile(lexicon(
                "security\tzh\t军事\t1\nsecurity\tzh\t军事演习\t2\ntrade\tzh\t贸易\t1\n")), TopicScoring.DEFAULT, 0.0);

        final java.util.List<TermHits> hits = classifier.hits("", "两国举行联合军事演习，并讨论军事合作和贸易。");

        // 军事演习 and 军事 start at the same character: only the heavier counts there; the second 军事 counts too.
        assertThat(hits).extracting(TermHits::topic, TermHits::weight, TermHits::inText).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("security", 2.0, 1),
                org.assertj.core.groups.Tuple.tuple("security", 1.0, 1),
                org.assertj.core.groups.Tuple.tuple("trade", 1.0, 1));
    }

    @Test
    void shouldMatchArabicStemsBehindTheArticleAndConjunctions() throws IOException {
        final TopicClassifier classifier = new TopicClassifier(TopicLexicon.fromFile(lexicon(
                "security\tar\tعسكري*\t1\nhealth\tar\tلقاح\t1\n")), TopicScoring.DEFAULT, 0.0);

        assertThat(classifier.hits("", "والعسكرية العسكري لقاح واللقاح")).extracting(TermHits::topic, TermHits::inText)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("security", 2),
                        org.assertj.core.groups.Tuple.tuple("health", 2));
        assertThat(classifier.hits("", "عسل")).isEmpty();
    }
}

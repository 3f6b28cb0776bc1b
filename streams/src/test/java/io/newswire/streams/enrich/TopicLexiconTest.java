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
    void shouldBundleTheEightTopicsInOrder() {
        assertThat(TopicLexicon.bundled().topics()).containsExactly("security", "trade", "economy", "energy",
                "diplomacy", "health", "sport", "culture");
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
}

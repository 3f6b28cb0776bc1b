package io.newswire.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.newswire.schema.TopicScore;

class TopicTaxonomyTest {

    @Test
    void shouldGiveEveryBundledTopicAnIptcCode() {
        final TopicTaxonomy taxonomy = TopicTaxonomy.bundled();
        for (final String topic : TopicLexicon.bundled().topics()) {
            assertThat(taxonomy.qcodeOf(topic)).as(topic).matches("medtop:\\d{8}");
        }
        for (final String topic : TopicModel.bundled("en").topics()) {
            assertThat(taxonomy.qcodeOf(topic)).as(topic).isNotNull();
        }
        assertThat(taxonomy.qcodeOf("security")).isEqualTo("medtop:16000000");
        assertThat(taxonomy.qcodeOf("astrology")).isNull();
    }

    @Test
    void shouldCarryTheCodeIntoTheTopicsFound() {
        final TopicClassifier classifier = new TopicClassifier(TopicLexicon.bundled(), TopicScoring.DEFAULT, 0.5);
        assertThat(classifier.classify("Terrorism", "Terrorism: the armed forces and the defence ministry."))
                .extracting(TopicScore::getName, TopicScore::getIptc)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("security", "medtop:16000000"));
    }

    @Test
    void shouldRejectABadCodeNamingTheLine(@TempDir final Path dir) throws Exception {
        final Path file = dir.resolve("taxonomy.tsv");
        Files.writeString(file, "# topics\nsecurity\tmedtop:16000000\tconflict\twar\nsport\t15000000\tsport\tsport\n");
        assertThatThrownBy(() -> TopicTaxonomy.of(LexiconFile.file(file, 4)))
                .hasMessage(file + ":3: '15000000' is not an IPTC Media Topic QCode (medtop: and eight digits)");
    }
}

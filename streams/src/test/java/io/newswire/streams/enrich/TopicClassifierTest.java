package io.newswire.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.newswire.schema.TopicScore;
import io.newswire.schema.WireItem;

class TopicClassifierTest {

    private final TopicClassifier classifier = new TopicClassifier(TopicLexicon.bundled(), TopicScoring.DEFAULT,
            EnrichmentSettings.DEFAULT_TOPIC_THRESHOLD);

    private List<String> topicsOf(final WireItem item) {
        return classifier.classify(item.getTitle(), ItemText.of(item)).stream().map(TopicScore::getName).toList();
    }

    @Test
    void shouldClassifyASecurityItem() {
        assertThat(topicsOf(Samples.securityItem())).containsExactly("security");
    }

    @Test
    void shouldClassifyATradeItem() {
        assertThat(topicsOf(Samples.tradeItem())).containsExactly("trade");
    }

    @Test
    void shouldClassifyAnItemAboutBoth() {
        assertThat(topicsOf(Samples.securityAndTradeItem())).containsExactlyInAnyOrder("security", "trade");
    }

    @Test
    void shouldMatchItalianAndRussianTerms() {
        assertThat(classifier.classify("Sicurezza", "Difesa, forze armate e lotta al terrorismo; sicurezza"
                + " regionale.")).extracting(TopicScore::getName).containsExactly("security");
        assertThat(classifier.classify("Товарооборот", "Товарооборот вырос, экспорт и импорт растут, таможенные"
                + " пошлины снижены.")).extracting(TopicScore::getName).containsExactly("trade");
    }

    @Test
    void shouldGiveNothingForTextWithoutTopicTerms() {
        assertThat(classifier.classify("Hello", "Good afternoon, dear friends.")).isEmpty();
    }

    @Test
    void shouldLeaveOutTopicsTouchedInPassing() {
        final String text = "Security, security, terrorism, the armed forces, the military and defence were"
                + " discussed at length; the football match was mentioned once.";

        assertThat(classifier.scores("", text).get("sport")).isZero();
        assertThat(classifier.scores("", text).get("security")).isPositive();
    }

    @Test
    void shouldScoreHigherWithMoreEvidence() {
        final double one = classifier.scores("", "terrorism").get("security");
        final double three = classifier.scores("", "terrorism, armed forces and defence").get("security");

        assertThat(three).isGreaterThan(one);
        assertThat(three).isLessThanOrEqualTo(1.0);
    }
}

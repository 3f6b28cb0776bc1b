package io.newswire.app.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ScoreboardTest {

    @Test
    void shouldCountPrecisionRecallAndF1PerTopic() {
        final Scoreboard board = new Scoreboard(List.of("security", "sport"));
        board.topics(Set.of("security"), Set.of("security"));
        board.topics(Set.of("security"), Set.of());
        board.topics(Set.of(), Set.of("security", "sport"));
        board.topics(Set.of("sport"), Set.of("sport"));

        final Scoreboard.TopicRow security = board.topicRows().get(0);
        assertThat(security.topic()).isEqualTo("security");
        assertThat(security.support()).isEqualTo(2);
        assertThat(security.precision()).isEqualTo(0.5);
        assertThat(security.recall()).isEqualTo(0.5);
        final Scoreboard.TopicRow sport = board.topicRows().get(1);
        assertThat(sport.precision()).isEqualTo(0.5);
        assertThat(sport.recall()).isEqualTo(1.0);
        assertThat(board.macroF1(List.of("security", "sport"))).isCloseTo((0.5 + 2.0 / 3.0) / 2, within(1e-9));
        assertThat(board.macroF1(List.of("security"))).isEqualTo(0.5);
        assertThat(board.topicItems()).isEqualTo(4);
    }

    @Test
    void shouldNotCountTopicsNoLabelCanConfirm() {
        final Scoreboard board = new Scoreboard(List.of("security"));
        board.topics(Set.of("security"), Set.of("security", "trade"));
        assertThat(board.topicRows()).extracting(Scoreboard.TopicRow::topic).containsExactly("security");
        assertThat(board.microF1()).isEqualTo(1.0);
    }

    @Test
    void shouldCountARouteLabelledItemGivenOnlyUnreportedTopicsAsWithoutATopic() {
        final Scoreboard board = new Scoreboard(List.of("economy", "sport"));
        board.topics(Set.of("economy"), Set.of("technology"));
        board.topics(Set.of("economy"), Set.of("technology", "economy"));
        board.topics(Set.of("sport"), Set.of());
        board.topics(Set.of(), Set.of("technology"));

        assertThat(board.routeLabelledWithoutTopicShare()).isCloseTo(2.0 / 3.0, within(1e-9));
    }

    @Test
    void shouldMeasureSpeakerRecallOverAllLabelsAndOverNamesAndRoles() {
        final Scoreboard board = new Scoreboard(List.of());
        board.speakers(List.of("President of Russia Vladimir Putin", "Question", "I would like to stress once again"),
                List.of("President of Russia  Vladimir Putin", "Question", "Vladimir Putin"));

        assertThat(board.speakersLabelled()).isEqualTo(3);
        assertThat(board.speakerRecall()).isCloseTo(2.0 / 3.0, within(1e-9));
        assertThat(board.nameSpeakerRecall()).isEqualTo(1.0);
        assertThat(board.speakerPrecision()).isCloseTo(2.0 / 3.0, within(1e-9));
    }

    @Test
    void shouldTellNamesAndRolesFromSentences() {
        assertThat(Scoreboard.isNameOrRole("Minister of Industry and Trade Denis Manturov")).isTrue();
        assertThat(Scoreboard.isNameOrRole("Remark")).isTrue();
        assertThat(Scoreboard.isNameOrRole("Let me repeat this")).isFalse();
    }

    @Test
    void shouldCountUnknownLanguagesAsWrong() {
        final Scoreboard board = new Scoreboard(List.of());
        board.language("it", "it");
        board.language("it", null);
        board.language("zh", "ja");
        board.language("zh", "zh");

        assertThat(board.languageAccuracy()).isEqualTo(0.5);
        assertThat(board.languageRows()).extracting(Scoreboard.LanguageRow::language, Scoreboard.LanguageRow::unknown)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("it", 1), org.assertj.core.groups.Tuple.tuple("zh", 0));
        assertThat(board.languageConfusions().get("zh")).containsEntry("ja", 1);
    }

    @Test
    void shouldMapEditorsTopicsWithTheKremlinMapping() {
        final TopicMapping mapping = TopicMapping.kremlin();
        assertThat(mapping.map(List.of("Armed Forces", "National security", "Regions", "Foreign policy")))
                .containsExactly("security", "diplomacy");
        assertThat(mapping.topics()).containsExactly("culture", "diplomacy", "economy", "energy", "health",
                "security", "sport");
    }
}

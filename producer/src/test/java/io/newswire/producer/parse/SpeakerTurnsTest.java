package io.newswire.producer.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.newswire.schema.Turn;

class SpeakerTurnsTest {

    private final SpeakerTurns speakers = new SpeakerTurns();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Vladimir Putin: Mr Dudley, colleagues.                                  | Vladimir Putin",
        "President of Russia Vladimir Putin: Mr Dudley, colleagues.              | President of Russia Vladimir Putin",
        "Question: Mr President, what are your plans for the day?               | Question",
        "Remark: Thank you.                                                      | Remark",
        "Kassym-Zhomart Tokayev: Grazie, Vladimir Vladimirovich.                 | Kassym-Zhomart Tokayev",
        "Владимир Путин: Добрый день!                                            | Владимир Путин",
        "Вопрос: Как вы оцениваете итоги?                                        | Вопрос",
        "Minister of Industry and Trade Denis Manturov: Mr President, colleagues.| Minister of Industry and Trade Denis Manturov",
        "President of Turkey Recep Tayyip Erdogan (retranslated): Dear friends.  | President of Turkey Recep Tayyip Erdogan",
        "President of Egypt Abdel Fattah el-Sisi (retranslated): Thank you.      | President of Egypt Abdel Fattah el-Sisi",
        "Emir of Qatar Tamim bin Hamad Al Thani: Thank you.                      | Emir of Qatar Tamim bin Hamad Al Thani",
        "Jörg Schönenborn: Mr President, good evening.                          | Jörg Schönenborn",
        "VladimirPutin: Good afternoon.                                          | VladimirPutin",
        "Question : Monsieur le Président, bonjour.                              | Question",
        "Vladimir Putin: Work: I have a couple of work meetings scheduled.       | Vladimir Putin",
    })
    void shouldRecognizeSpeakerParagraphs(final String paragraph, final String speaker) {
        assertThat(speakers.open(paragraph)).map(SpeakerTurns.Opening::speaker).contains(speaker);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "The Parties agreed on the following: to continue the talks.",
        "The message reads, in part:",
        "Contact telephone numbers: 8-800-100-00-00.",
        "Mr President, my question is as follows: what next?",
        "Draft: the treaty text.",
        "Germany: the talks went well.",
        "At 10:30 the meeting began.",
        "In conclusion, the Russian head of state said: thank you.",
        "Ladies and Gentlemen: welcome.",
        "Article One: The Parties shall cooperate.",
        "“Your forum has an important theme: the future.",
        "Vladimir Putin:no space after the colon.",
        "Vladimir Putin ha ricevuto al Cremlino il presidente.",
    })
    void shouldNotTakeOrdinarySentencesForSpeakers(final String paragraph) {
        assertThat(speakers.open(paragraph)).isEmpty();
    }

    @Test
    void shouldRunATurnUntilTheNextSpeaker() {
        final List<Turn> turns = speakers.turns(List.of(
            "Vladimir Putin received the Governor.",
            "Question: Mr President, what are your plans for the day?",
            "Vladimir Putin: Work: I have a couple of work meetings scheduled.",
            "And then some rest.",
            "Question: Which percentage of votes will you consider a success?"));

        assertThat(turns).extracting(Turn::getSpeaker).containsExactly("Question", "Vladimir Putin", "Question");
        assertThat(turns.get(1).getText())
            .isEqualTo("Work: I have a couple of work meetings scheduled.\n\nAnd then some rest.");
    }

    @Test
    void shouldTakeTheTextOfASpeakerAloneOnItsLineFromTheNextParagraphs() {
        final List<Turn> turns = speakers.turns(List.of("Vladimir Putin:", "Good afternoon.", "Colleagues,"));

        assertThat(turns).singleElement().satisfies(turn -> {
            assertThat(turn.getSpeaker()).isEqualTo("Vladimir Putin");
            assertThat(turn.getText()).isEqualTo("Good afternoon.\n\nColleagues,");
        });
    }

    @Test
    void shouldFindNoTurnsInNarrative() {
        assertThat(speakers.turns(List.of("The Parties agreed on the following:", "To meet again."))).isEmpty();
    }
}

package io.newswire.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PersonNamesTest {

    private static PersonNames persons;

    @BeforeAll
    static void load() {
        persons = EntityFinder.load().persons();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "President of Russia Vladimir Putin | Vladimir Putin",
        "Russian President Vladimir Putin | Vladimir Putin",
        "Prime Minister Dmitry Medvedev | Dmitry Medvedev",
        "Presidente Vladimir Putin | Vladimir Putin",
        "Presidente della Federazione Russa Vladimir Putin | Vladimir Putin",
        "Президент России Владимир Путин | Vladimir Putin",
        "Minister of Industry and Trade Denis Manturov | Denis Manturov",
        "Gazprom CEO Alexei Miller | Alexei Miller",
        "President of the Republic of Belarus Alexander Lukashenko | Alexander Lukashenko",
        "Kassym-Zhomart Tokayev | Kassym-Zhomart Tokayev",
        "В.Путин | Vladimir Putin",
    })
    void shouldStripTitlesFromSpeakersAndCanonicaliseKnownPersons(final String speaker, final String person) {
        assertThat(persons.personOf(speaker)).isEqualTo(person);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Question", "Remark", "Domanda", "Вопрос", "Contact telephone numbers",
        "I can mention several positive points today", "Minister of Healthcare"})
    void shouldNotTakeRolesOrSentencesForPersons(final String speaker) {
        assertThat(persons.personOf(speaker)).isNull();
    }

    @Test
    void shouldListDistinctPersonsInSpeakerOrder() {
        assertThat(persons.persons(List.of("President of Russia Vladimir Putin", "Question", "Vladimir Putin",
                "Kassym-Zhomart Tokayev"))).containsExactly("Vladimir Putin", "Kassym-Zhomart Tokayev");
    }

    @Test
    void shouldCanonicaliseOnlyNamesThatAreAKnownPersonsWholeName() {
        assertThat(persons.canonical("Путину")).isEqualTo("Vladimir Putin");
        assertThat(persons.canonical("V. Putin")).isEqualTo("Vladimir Putin");
        assertThat(persons.canonical("Igor Putin")).isEqualTo("Igor Putin");
        assertThat(persons.canonical("Jan Kowalski")).isEqualTo("Jan Kowalski");
    }
}

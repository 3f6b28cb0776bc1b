package io.newswire.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CountryNamesTest {

    private static Gazetteer countries;

    @BeforeAll
    static void load() {
        countries = CountryNames.load();
    }

    @Test
    void shouldFindItalianNamesAndAdjectives() {
        assertThat(countries.find("Il presidente della Repubblica del Kazakistan è arrivato in Russia."))
                .containsExactly("KZ", "RU");
        assertThat(countries.find("La delegazione kazaka e i colleghi russi hanno parlato dell'Afghanistan."))
                .containsExactly("KZ", "RU", "AF");
        assertThat(countries.find("Rapporti con gli Stati Uniti, la Cina e la Germania.")).containsExactly("US", "CN", "DE");
    }

    @Test
    void shouldFindEnglishNamesAndAdjectives() {
        assertThat(countries.find("The Russian President met the President of Kazakhstan to discuss Afghanistan."))
                .containsExactly("RU", "KZ", "AF");
        assertThat(countries.find("Talks with the United States and the United Kingdom.")).containsExactly("US", "GB");
    }

    @Test
    void shouldFindRussianInflectedForms() {
        assertThat(countries.find("Президент Казахстана прибыл в Россию; обсуждали ситуацию в Афганистане."))
                .containsExactly("KZ", "RU", "AF");
        assertThat(countries.find("Российская Федерация и Республика Беларусь; казахстанская сторона"))
                .containsExactly("RU", "BY", "KZ");
    }

    @Test
    void shouldMatchWholeWordsOnly() {
        assertThat(countries.find("Prussia, Russiagate and Afghanistanism are no countries.")).isEmpty();
        assertThat(countries.find("Ирана")).containsExactly("IR");
        assertThat(countries.find("Иранистика")).isEmpty();
    }

    @Test
    void shouldRespectCase() {
        assertThat(countries.find("We had turkey for dinner and some china plates.")).isEmpty();
        assertThat(countries.find("TURKEY AND CHINA")).containsExactly("TR", "CN");
        assertThat(countries.find("US and us")).containsExactly("US");
    }

    @Test
    void shouldIgnoreNamesThatAreCommonWordsOrPartOfALongerPhrase() {
        assertThat(countries.find("Того же мнения придерживается министр.")).isEmpty();
        assertThat(countries.find("Exports to Latin America and South America grew.")).isEmpty();
        assertThat(countries.find("Exports to America grew.")).containsExactly("US");
    }

    @Test
    void shouldDropJdkNamesSharedByTwoCountries() {
        assertThat(countries.find("Congo")).isEmpty();
        assertThat(countries.find("Democratic Republic of the Congo")).containsExactly("CD");
    }
}

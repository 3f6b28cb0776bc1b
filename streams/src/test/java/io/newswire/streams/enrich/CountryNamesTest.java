package io.newswire.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "en | The Kazakh delegation and the Russians discussed Afghan refugees.",
        "it | La delegazione kazaka e i russi hanno parlato degli afgani.",
        "ru | Делегация Казахстана и российские коллеги обсудили положение в Афганистане.",
        "ru | казахстанская сторона, Российской Федерацией, афганского урегулирования",
        "uk | Делегація Казахстану та Росії обговорила ситуацію в Афганістані.",
        "de | Die Regierung Kasachstans und die russischen Partner sprachen über Afghanistans Zukunft.",
        "fr | La délégation kazakhe et les Russes ont parlé de l'Afghanistan.",
        "es | El presidente kazajo visitó Rusia y habló de Afganistán.",
        "pt | O presidente cazaque visitou a Rússia e falou do Afeganistão.",
        "pl | Prezydent Kazachstanu odwiedził Rosję i mówił o Afganistanie.",
        "tr | Kazakistan'ın lideri Rusya'da Afganistan'ı konuştu.",
        "ar | زار الرئيس الكازاخستاني روسيا وتحدث عن أفغانستان",
        "zh | 哈萨克斯坦总统访问俄罗斯，讨论阿富汗局势",
    })
    void shouldFindNamesAndAdjectivesInflectedInTwelveLanguages(final String language, final String text) {
        assertThat(countries.find(text, language)).containsExactly("KZ", "RU", "AF");
    }

    @Test
    void shouldMatchLowerCaseFormsOnlyInTheirOwnLanguageWhenItIsKnown() {
        assertThat(countries.find("Los empresarios chinos llegaron.", "es")).containsExactly("CN");
        assertThat(countries.find("Los empresarios chinos llegaron.", "en")).isEmpty();
        assertThat(countries.find("i colleghi russi", "it")).containsExactly("RU");
        assertThat(countries.find("i colleghi russi", "en")).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "en | He wore a Jersey from Guernsey.",
        "es | Mauricio Macri habló en Granada.",
        "fr | Maurice Ravel est né ici.",
        "it | Un incontro con un amico alla Riunione.",
        "uk | Того ж дня міністр виступив.",
        "zh | 沿海地区和马里奥",
        "de | Die Island-Expedition in Lateinamerika.",
        "es | Gana terreno la idea de Salvador.",
        "en | The FAS fined the company, as across the Americas.",
    })
    void shouldNotTakeCommonWordsOrFirstNamesForCountries(final String language, final String text) {
        assertThat(countries.find(text, language)).isEmpty();
    }
}

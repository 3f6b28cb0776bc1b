package io.newswire.streams.enrich;

import static io.newswire.streams.testing.WireItems.aWireItem;
import static io.newswire.streams.testing.WireItems.theSeedTranscript;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.newswire.schema.Entities;
import io.newswire.schema.WireItem;

class EntityFinderTest {

    private static EntityFinder finder;

    @BeforeAll
    static void load() {
        finder = EntityFinder.load();
    }

    private static Entities find(final String language, final String text) {
        final WireItem item = aWireItem().undated().build();
        return finder.find(item, text, List.of(), language);
    }

    @Test
    void shouldFindTheSeedTranscriptsEntities() {
        final WireItem seed = theSeedTranscript();

        final Entities entities = finder.find(seed, ItemText.of(seed), Speakers.of(seed), "it");

        assertThat(entities.getPersons()).containsExactly("Vladimir Putin", "Kassym-Zhomart Tokayev");
        assertThat(entities.getCountries()).containsExactly("RU", "KZ", "AF");
        assertThat(entities.getOrganizations()).containsExactlyInAnyOrder("SCO", "CSTO", "EAEU");
        assertThat(entities.getPlaces()).contains("Moscow");
    }

    @Test
    void shouldFindTheSameEntitiesWhenTheLanguageIsUnknown() {
        final WireItem seed = theSeedTranscript();

        assertThat(finder.find(seed, ItemText.of(seed), Speakers.of(seed)))
                .isEqualTo(finder.find(seed, ItemText.of(seed), Speakers.of(seed), "it"));
    }

    @Test
    void shouldGiveOneCanonicalFormForInflectedRussianNames() {
        final Entities entities = find("ru", "Переговоры Путина с Токаевым. Владимир Путин поблагодарил Касым-Жомарта"
                + " Токаева; Токаеву вручили орден, Путину — ответный подарок.");

        assertThat(entities.getPersons()).containsExactly("Vladimir Putin", "Kassym-Zhomart Tokayev");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "en | Talks between President Tokaev and Vladimir Putin.",
        "en | Kassym-Jomart Tokayev met Putin.",
        "de | Wladimir Putin empfing Tokajew im Kreml; Putins Gast war Kassym-Schomart Tokajew.",
        "fr | Vladimir Poutine a reçu Kassym-Jomart Tokaïev.",
        "es | Vladímir Putin recibió a Kasim-Yomart Tokáyev.",
        "pl | Władimir Putin przyjął Tokajewa; rozmowa Putina z Tokajewem.",
        "tr | Putin, Tokayev'i Kremlin'de kabul etti.",
        "uk | Путін зустрівся з Токаєвим.",
        "ar | استقبل بوتين الرئيس توكاييف.",
        "zh | 普京会见托卡耶夫。",
    })
    void shouldGiveOneCanonicalFormAcrossLanguages(final String language, final String text) {
        assertThat(find(language, text).getPersons())
                .containsExactlyInAnyOrder("Vladimir Putin", "Kassym-Zhomart Tokayev");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "en | President Marko Petrovski arrived in Moscow. | Marko Petrovski",
        "en | The talks with Prime Minister of the Netherlands Jan van der Berg, who arrived today. | Jan van der Berg",
        "en | Governor of Tula Region Anton Drozdov reported on the harvest. | Anton Drozdov",
        "it | Il presidente Marco Bianchi ha detto | Marco Bianchi",
        "de | Bundeskanzlerin Anna Schmidt sagte | Anna Schmidt",
        "fr | Le président Jean Dupont a déclaré | Jean Dupont",
        "es | El presidente Pedro Gómez Ruiz visitó | Pedro Gómez Ruiz",
        "pt | O presidente João Silva visitou | João Silva",
        "pl | Prezydent Jan Kowalski powiedział | Jan Kowalski",
        "tr | Cumhurbaşkanı Ahmet Yılmaz açıkladı | Ahmet Yılmaz",
        "ru | Президент Франции Жан Дюпон заявил | Жан Дюпон",
        "uk | Президент Іван Петренко заявив | Іван Петренко",
    })
    void shouldTakeUnknownNamesAfterTitlesAsWritten(final String language, final String text, final String person) {
        assertThat(find(language, text).getPersons()).containsExactly(person);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Chairman of the Central Election Commission reported the turnout.",
        "The Communist Party leader and the Federal Security Service director spoke.",
        "The President of the Republic of Kazakhstan arrived. Then Talks Began.",
        "Mr Ivanov and Mr Petrov were present.",
        "Minister Gold said so.",
    })
    void shouldNotTakeOfficesOrLoneSurnamesForPersons(final String text) {
        assertThat(find("en", text).getPersons()).isEmpty();
    }

    @Test
    void shouldMatchABareSurnameOnlyWhenTheFileSaysItIsUnambiguous() {
        assertThat(find("en", "Lavrov met Ivanov and Patrushev.").getPersons()).containsExactly("Sergei Lavrov");
        assertThat(find("en", "Sergei Ivanov and Nikolai Patrushev.").getPersons())
                .containsExactly("Sergei Ivanov", "Nikolai Patrushev");
    }

    @Test
    void shouldCanonicaliseSpeakersAndPutThemFirst() {
        final WireItem item = aWireItem().undated().build();

        final Entities entities = finder.find(item, "Merkel said so.", List.of("В.Путин", "Question",
                "Kassym-Jomart Tokayev"), "en");

        assertThat(entities.getPersons()).containsExactly("Vladimir Putin", "Kassym-Zhomart Tokayev", "Angela Merkel");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "en | the UN, NATO, the WHO and the IAEA",
        "ru | ООН, НАТО, ВОЗ и МАГАТЭ",
        "fr | l'ONU, l'OTAN, l'OMS et l'AIEA",
        "es | la ONU, la OTAN, la OMS y el OIEA",
        "it | l'ONU, la NATO, l'OMS e l'AIEA",
        "pl | ONZ, NATO, WHO i MAEA",
        "zh | 联合国、北约、世界卫生组织和国际原子能机构",
    })
    void shouldFindOrganizationsByAcronymsInSeveralLanguages(final String language, final String text) {
        assertThat(find(language, text).getOrganizations()).containsExactly("UN", "NATO", "WHO", "IAEA");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "en | the Shanghai Cooperation Organisation and the Collective Security Treaty Organization",
        "ru | Шанхайской организации сотрудничества и Организации Договора о коллективной безопасности",
        "de | die Shanghaier Organisation für Zusammenarbeit und die OVKS",
        "ar | منظمة شنغهاي للتعاون ومنظمة معاهدة الأمن الجماعي",
        "zh | 上海合作组织和集体安全条约组织",
    })
    void shouldFindOrganizationsByNameInflected(final String language, final String text) {
        assertThat(find(language, text).getOrganizations()).containsExactly("SCO", "CSTO");
    }

    @Test
    void shouldPreferTheLongerNameOfAnotherKind() {
        final Entities entities = find("en", "The Shanghai Cooperation Organisation met in Mexico City.");

        assertThat(entities.getOrganizations()).containsExactly("SCO");
        assertThat(entities.getPlaces()).containsExactly("Mexico City");
        assertThat(entities.getCountries()).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "en | talks in Moscow",
        "it | colloqui a Mosca",
        "ru | переговоры в Москве",
        "uk | переговори в Москві",
        "de | Gespräche in Moskau",
        "fr | entretiens à Moscou",
        "es | conversaciones en Moscú",
        "pl | rozmowy w Moskwie",
        "tr | Moskova'da görüşmeler",
        "ar | محادثات في موسكو",
        "zh | 在莫斯科会谈",
    })
    void shouldFindPlacesInEachLanguage(final String language, final String text) {
        assertThat(find(language, text).getPlaces()).containsExactly("Moscow");
    }

    @Test
    void shouldFindPlacesInflectedOrUnderTheirOtherNames() {
        assertThat(find("ru", "из Киева в Санкт-Петербурге, затем в Пекине").getPlaces())
                .containsExactly("Kiev", "Saint Petersburg", "Beijing");
        assertThat(find("en", "from Kyiv to St Petersburg and Beijing").getPlaces())
                .containsExactly("Kiev", "Saint Petersburg", "Beijing");
    }

    @Test
    void shouldFindThePlaceInTheDateline() {
        final WireItem item = aWireItem().datelined("Mosca", "2021-08-21").build();

        assertThat(finder.find(item, "Il presidente ha parlato.", List.of(), "it").getPlaces())
                .containsExactly("Moscow");
    }
}

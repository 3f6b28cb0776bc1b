package io.newswire.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GazetteerTest {

    private final Gazetteer organizations = EntityFinder.gazetteer(Gazetteer.Kind.ORGANIZATION, EntityFinder.ORGANIZATIONS);
    private final Gazetteer places = EntityFinder.gazetteer(Gazetteer.Kind.PLACE, EntityFinder.PLACES);

    @Test
    void shouldMapFormsInThreeLanguagesToOneCanonicalName() {
        assertThat(organizations.find("l’Organizzazione per la cooperazione di Shanghai")).containsExactly("SCO");
        assertThat(organizations.find("the Shanghai Cooperation Organisation")).containsExactly("SCO");
        assertThat(organizations.find("саммит ШОС и заседание ОДКБ")).containsExactly("SCO", "CSTO");
        assertThat(organizations.find("dell’Organizzazione del trattato di sicurezza collettiva")).containsExactly("CSTO");
    }

    @Test
    void shouldMatchAcronymsOnlyInCapitals() {
        assertThat(organizations.find("Un incontro con un amico")).isEmpty();
        assertThat(organizations.find("the UN Security Council")).containsExactly("UN");
        assertThat(organizations.find("il nato a Mosca")).isEmpty();
    }

    @Test
    void shouldPreferTheLongestForm() {
        final Gazetteer gazetteer = Gazetteer.builder()
                .add("Eurasian Economic Union", "EAEU")
                .add("Union", "some union")
                .build();

        assertThat(gazetteer.find("the Eurasian Economic Union")).containsExactly("EAEU");
    }

    @Test
    void shouldListEachValueOnceInOrderOfFirstAppearance() {
        assertThat(places.find("Mosca, poi Nur-Sultan, poi ancora Mosca e Москве")).containsExactly("Moscow", "Nur-Sultan");
    }

    @Test
    void shouldFindInflectedRussianPlaceNames() {
        assertThat(places.find("встреча в Москве и в Санкт-Петербурге")).containsExactly("Moscow", "Saint Petersburg");
    }

    @Test
    void shouldMatchInflectionsThroughTheStemmerOfTheFormsLanguage() {
        final Gazetteer stemmed = Gazetteer.builder()
                .add(Gazetteer.Kind.PLACE, "ru", "Москва", "Moscow")
                .add(Gazetteer.Kind.PERSON, "ru", "Токаев", "Kassym-Zhomart Tokayev")
                .add(Gazetteer.Kind.COUNTRY, "de", "Kasachstan", "KZ")
                .build();
        final Gazetteer asWritten = Gazetteer.builder().add(Gazetteer.Kind.PLACE, "*", "Москва", "Moscow").build();

        assertThat(stemmed.find("в Москве у Токаева; Токаевым; Kasachstans")).containsExactly("Moscow",
                "Kassym-Zhomart Tokayev", "KZ");
        assertThat(asWritten.find("в Москве")).isEmpty();
    }

    @Test
    void shouldFindHanFormsInsideRunsLongestFirst() {
        final Gazetteer gazetteer = Gazetteer.builder()
                .add(Gazetteer.Kind.COUNTRY, "zh", "俄罗斯", "RU")
                .add(Gazetteer.Kind.COUNTRY, "zh", "白俄罗斯", "BY")
                .add(Gazetteer.Kind.PLACE, "zh", "莫斯科", "Moscow")
                .build();

        assertThat(gazetteer.find("白俄罗斯总统在莫斯科会见俄罗斯总统")).containsExactly("BY", "Moscow", "RU");
    }

    @Test
    void shouldLetABlockedPhraseConsumeTheNameInsideIt() {
        final Gazetteer gazetteer = Gazetteer.builder()
                .add("America", "US")
                .add("Latin America", Gazetteer.BLOCKED)
                .build();

        assertThat(gazetteer.find("Latin America")).isEmpty();
        assertThat(gazetteer.find("America")).containsExactly("US");
    }
}

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
}

package io.newswire.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Iso639Test {

    private final Iso639 iso639 = Iso639.load();

    @Test
    void shouldMapIso6393CodesThroughTheJdk() {
        assertThat(iso639.toAlpha1("ita")).isEqualTo("it");
        assertThat(iso639.toAlpha1("eng")).isEqualTo("en");
        assertThat(iso639.toAlpha1("rus")).isEqualTo("ru");
        assertThat(iso639.toAlpha1("deu")).isEqualTo("de");
        assertThat(iso639.toAlpha1("kaz")).isEqualTo("kk");
    }

    @Test
    void shouldMapIndividualLanguagesToTheirMacrolanguage() {
        assertThat(iso639.toAlpha1("cmn")).isEqualTo("zh");
        assertThat(iso639.toAlpha1("pes")).isEqualTo("fa");
    }

    @Test
    void shouldGiveNullForLanguagesWithoutAnIso6391Code() {
        assertThat(iso639.toAlpha1("ceb")).isNull();
        assertThat(iso639.toAlpha1(null)).isNull();
    }
}

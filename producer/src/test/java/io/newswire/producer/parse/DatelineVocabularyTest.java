package io.newswire.producer.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatelineVocabularyTest {

    private static final DatelineVocabulary BUNDLED = DatelineVocabulary.bundled();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "августа, 8", "август, 8", "авг, 8", "серпня, 8", "серпень, 8", "серп, 8", "sierpnia, 8", "sierpień, 8",
        "AĞUSTOS, 8", "EKİM, 10", "ARALIK, 12", "aralık, 12", "août, 8", "janv, 1", "März, 3", "Ago, 8",
        "أغسطس, 8", "آب, 8", "تشرين الأول, 10", "غشت, 8", "أوت, 8",
    })
    void shouldKnowTheJdkMonthNamesOfEachLanguageInEveryForm(final String name, final int month) {
        assertThat(BUNDLED.month(name)).isEqualTo(month);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"Sept, 9", "сен, 9", "aout, 8", "Agustos, 8"})
    void shouldAddTheMonthNamesOfTheDataFile(final String name, final int month) {
        assertThat(BUNDLED.month(name)).isEqualTo(month);
        assertThat(DatelineVocabulary.of(List.of("locale\tit"), "test").month(name)).isNull();
    }

    @Test
    void shouldTellFullWeekdayNamesButNotShortOnesThatArePlaces() {
        assertThat(BUNDLED.isWeekday("Lunedì")).isTrue();
        assertThat(BUNDLED.isWeekday("MONDAY")).isTrue();
        assertThat(BUNDLED.isWeekday("Sal")).isFalse();
        assertThat(BUNDLED.isWeekday("Mosca")).isFalse();
    }

    @Test
    void shouldReadALanguageAddedToTheDataOnly() {
        final DatelineParser dutch = new DatelineParser(DatelineVocabulary.of(List.of("locale\tnl"), "test"));

        final DatelineParser.Match match = dutch.parse("AMSTERDAM, 21 augustus (ANP) - Het kabinet",
            LocalDate.of(2021, 8, 22));

        assertThat(match.place()).isEqualTo("AMSTERDAM");
        assertThat(match.date()).isEqualTo("2021-08-21");
        assertThat(new DatelineParser().parse("AMSTERDAM, 21 augustus (ANP) - Het kabinet", LocalDate.of(2021, 8, 22)))
            .isNull();
    }

    @Test
    void shouldRefuseANameThatWouldBeTwoMonthsNamingTheLine() {
        assertThatThrownBy(() -> DatelineVocabulary.of(List.of("# comment", "locale\ten", "month\tit\tMar\t5"), "test"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("test line 3").hasMessageContaining("\"Mar\"").hasMessageContaining("month 3");
    }

    @Test
    void shouldRefuseMalformedLinesNamingTheLine() {
        assertThatThrownBy(() -> DatelineVocabulary.of(List.of("month\ten\tSept"), "test"))
            .hasMessageContaining("test line 1").hasMessageContaining("expected 4");
        assertThatThrownBy(() -> DatelineVocabulary.of(List.of("month\ten\tSept\t13"), "test"))
            .hasMessageContaining("test line 1").hasMessageContaining("not 1 to 12");
        assertThatThrownBy(() -> DatelineVocabulary.of(List.of("", "weekday\ten\tMon"), "test"))
            .hasMessageContaining("test line 2").hasMessageContaining("unknown kind \"weekday\"");
    }
}

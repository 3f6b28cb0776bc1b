package io.newswire.producer.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatelineParserTest {

    private static final LocalDate REFERENCE = LocalDate.of(2021, 8, 22);

    private final DatelineParser parser = new DatelineParser();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Mosca, 21 agosto 2021 - Vladimir Putin ha ricevuto            | Mosca         | 2021-08-21",
        "Moscow, August 21, 2021 - Vladimir Putin received             | Moscow        | 2021-08-21",
        "MOSCOW, Aug 21 - Vladimir Putin received                      | MOSCOW        | 2021-08-21",
        "MOSCOW, Aug. 21 (Reuters) - Vladimir Putin received           | MOSCOW        | 2021-08-21",
        "Москва, 21 августа 2021 года - Владимир Путин принял          | Москва        | 2021-08-21",
        "Москва, 21 августа 2021 г. - Владимир Путин принял            | Москва        | 2021-08-21",
        "Mosca, 21 agosto 2021 \u2013 Vladimir Putin ha ricevuto       | Mosca         | 2021-08-21",
        "Mosca, 21 agosto 2021 \u2014 Vladimir Putin ha ricevuto       | Mosca         | 2021-08-21",
        "MOSCOW, Aug 21\u2014Vladimir Putin received                   | MOSCOW        | 2021-08-21",
        "Mosca, 21 Agosto 2021 -- Vladimir Putin ha ricevuto           | Mosca         | 2021-08-21",
        "Moscow, 21 August 2021 - Vladimir Putin received              | Moscow        | 2021-08-21",
        "WASHINGTON, Sept. 3, 2021 - The President said                | WASHINGTON    | 2021-09-03",
        "Berlin, 21. August 2021 - Wladimir Putin empfing              | Berlin        | 2021-08-21",
        "Paris, 21 août 2021 - Vladimir Poutine a reçu                 | Paris         | 2021-08-21",
        "Madrid, 21 de agosto de 2021 - Vladimir Putin recibió         | Madrid        | 2021-08-21",
        "'Novo-Ogaryovo, Moscow Region, August 21, 2021 - The talks'   | 'Novo-Ogaryovo, Moscow Region' | 2021-08-21",
    })
    void shouldReadPlaceAndDateOfEachForm(final String paragraph, final String place, final String date) {
        final DatelineParser.Match match = parser.parse(paragraph, REFERENCE);

        assertThat(match).isNotNull();
        assertThat(match.place()).isEqualTo(place);
        assertThat(match.date()).isEqualTo(LocalDate.parse(date));
        assertThat(match.toDateline().getDate()).isEqualTo(date);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "Mosca, 21 agosto 2021 - Vladimir Putin ha ricevuto",
        "MOSCOW, Aug 21 - Vladimir Putin received",
        "Москва, 21 августа 2021 года \u2014 Владимир Путин принял",
    })
    void shouldRemoveTheDatelineFromTheParagraph(final String paragraph) {
        assertThat(parser.parse(paragraph, REFERENCE).rest()).doesNotContain("21").doesNotStartWith("-")
            .matches("(Vladimir|Владимир) .*");
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource({
        "'MOSCOW, Aug 21 - x', 2021-08-22, 2021-08-21",
        "'MOSCOW, Aug 21 - x', 2021-08-21, 2021-08-21",
        "'MOSCOW, Dec 30 - x', 2022-01-02, 2021-12-30",
        "'MOSCOW, Aug 23 - x', 2021-08-22, 2020-08-23",
    })
    void shouldTakeTheYearFromTheReferenceAndNeverLandAfterIt(final String paragraph, final String reference,
                                                             final String expected) {
        assertThat(parser.parse(paragraph, LocalDate.parse(reference)).date()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "Vladimir Putin ha ricevuto al Cremlino il presidente - e poi ha parlato.",
        "Nonostante la pandemia, l'anno scorso abbiamo avuto un leggero calo nel commercio - circa il 4%",
        "Mosca, la capitale - una città grande.",
        "Moscow, 31 June 2021 - no such day",
        "the kremlin, August 21, 2021 - lower-case place",
        "Moscow, August 21, 2021: a colon is no dateline dash",
        "",
    })
    void shouldFindNoDatelineInOrdinaryText(final String paragraph) {
        assertThat(parser.parse(paragraph, REFERENCE)).isNull();
    }
}

package io.newswire.producer.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.newswire.schema.text.TextNormalizer;

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

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "it | ROMA, 21 ago - Il presidente del Consiglio ha ricevuto                   | ROMA          | 2021-08-21",
        "it | MOSCA, 21 AGO - Vladimir Putin ha ricevuto al Cremlino                   | MOSCA         | 2021-08-21",
        "it | Milano, sabato 21 agosto 2021 - La Borsa ha chiuso                        | Milano        | 2021-08-21",
        "en | MOSCOW, Aug 21 (Reuters) - Russian President Vladimir Putin               | MOSCOW        | 2021-08-21",
        "en | LONDON, 20 August 2021 (Reuters) - Britain said on Friday                 | LONDON        | 2021-08-20",
        "en | NEW YORK, Aug. 20th, 2021 - Stocks closed higher                          | NEW YORK      | 2021-08-20",
        "en | WASHINGTON, Friday, Sept. 3, 2021 - The President said                    | WASHINGTON    | 2021-09-03",
        "ru | МОСКВА, 21 авг - РИА Новости. Президент России                            | МОСКВА        | 2021-08-21",
        "ru | МОСКВА, 21 августа. /ТАСС/. Президент России Владимир Путин               | МОСКВА        | 2021-08-21",
        "ru | Санкт-Петербург, 20 авг. 2021 г. - Губернатор заявил                      | Санкт-Петербург | 2021-08-20",
        "uk | Київ, 21 серпня (Укрінформ) — Президент України                      | Київ          | 2021-08-21",
        "uk | Львів, 20 серп. 2021 р. - Міська рада                                     | Львів         | 2021-08-20",
        "de | BERLIN, 21. August (dpa) - Bundeskanzlerin Angela Merkel                  | BERLIN        | 2021-08-21",
        "de | Frankfurt am Main, 20.08.2021 - Die Europäische Zentralbank               | Frankfurt am Main | 2021-08-20",
        "de | München, 20. Aug. 2021 - Der Stadtrat hat                                 | München       | 2021-08-20",
        "fr | PARIS, 21 août (AFP) - Le président Emmanuel Macron                       | PARIS         | 2021-08-21",
        "fr | Lyon, vendredi 20 août 2021 - La mairie a annoncé                         | Lyon          | 2021-08-20",
        "fr | PARIS, 1er AOUT (AFP) - Le gouvernement                                   | PARIS         | 2021-08-01",
        "es | MADRID, 21 Ago. (EUROPA PRESS) - El presidente del Gobierno               | MADRID        | 2021-08-21",
        "es | Buenos Aires, 20 ago (EFE).- El Gobierno argentino anunció                | Buenos Aires  | 2021-08-20",
        "es | Ciudad de México, 20 de agosto de 2021 - El presidente                    | Ciudad de México | 2021-08-20",
        "it | Castiglione della Pescaia, 20 agosto 2021 - Il sindaco                    | Castiglione della Pescaia | 2021-08-20",
        "it | 'Reggio nell''Emilia, 20 agosto 2021 - Il sindaco'                        | 'Reggio nell''Emilia' | 2021-08-20",
        "pt | LISBOA, 21 de agosto (Lusa) - O primeiro-ministro                         | LISBOA        | 2021-08-21",
        "pt | São Paulo, 20 de agosto de 2021 - O governo estadual                      | São Paulo     | 2021-08-20",
        "pl | Warszawa, 21 sierpnia (PAP) - Prezydent Andrzej Duda                      | Warszawa      | 2021-08-21",
        "pl | Kraków, 20 sierpnia 2021 r. - Rada miasta                                 | Kraków        | 2021-08-20",
        "tr | ANKARA, 21 Ağustos (AA) - Cumhurbaşkanı Erdoğan                           | ANKARA        | 2021-08-21",
        "tr | İSTANBUL, 20 AĞUSTOS 2021 - Borsa günü yükselişle kapattı                 | İSTANBUL      | 2021-08-20",
        "ar | موسكو، 21 أغسطس (رويترز) - قال الرئيس الروسي                              | موسكو         | 2021-08-21",
        "ar | دمشق، 21 آب (سانا) - أكد الرئيس                                            | دمشق          | 2021-08-21",
        "ar | بيروت، 20 آب/أغسطس 2021 - أعلنت الحكومة                                    | بيروت         | 2021-08-20",
        "ar | بغداد، 20 تشرين الأول 2020 - أعلنت الحكومة                                 | بغداد         | 2020-10-20",
        "ar | القاهرة، ٢٠ أغسطس ٢٠٢١ (أ ش أ) - أعلنت الحكومة                             | القاهرة       | 2021-08-20",
        "ar | القاهرة، الأربعاء، 18 أغسطس 2021 - أعلنت الحكومة                           | القاهرة       | 2021-08-18",
        "ar | الرباط، 20 غشت 2021 - أعلنت الحكومة                                        | الرباط        | 2021-08-20",
        "ar | الجزائر، 20 أوت 2021 - أعلنت الحكومة                                       | الجزائر       | 2021-08-20",
        "zh | 新华社北京8月21日电（记者张三）国家主席习近平21日同哈萨克斯坦总统通电话                 | 北京 | 2021-08-21",
        "zh | 新华社莫斯科8月21日电 俄罗斯总统普京21日在克里姆林宫会见                          | 莫斯科 | 2021-08-21",
        "zh | 中新社北京８月２１日电（记者李四）中国外交部发言人                                | 北京 | 2021-08-21",
        "zh | 北京，2021年8月21日——今天上午，国家主席                                          | 北京 | 2021-08-21",
        "zh | 本报上海8月20日讯 市政府今天发布                                                  | 上海 | 2021-08-20",
    })
    void shouldReadPlaceAndDateInEachLanguageAndAgencyForm(final String language, final String paragraph,
                                                          final String place, final String date) {
        final DatelineParser.Match match = parser.parse(paragraph, REFERENCE);

        assertThat(match).as(language).isNotNull();
        assertThat(match.place()).isEqualTo(place);
        assertThat(match.date()).isEqualTo(LocalDate.parse(date));
        assertThat(match.rest()).isNotBlank().doesNotContain(place).doesNotStartWith("-").doesNotStartWith("\u2014");
        assertThat(paragraph).endsWith(match.rest());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "MOSCOW, Aug 21 (Reuters) - Russian President                  | Russian President",
        "Київ, 21 серпня (Укрінформ) — Президент України          | Президент України",
        "МОСКВА, 21 августа. /ТАСС/. Президент России                  | Президент России",
        "Buenos Aires, 20 ago (EFE).- El Gobierno                      | El Gobierno",
        "新华社北京8月21日电（记者张三）国家主席习近平                      | 国家主席习近平",
        "北京，2021年8月21日——今天上午                                    | 今天上午",
    })
    void shouldLeaveOutTheAgencyTagAndBylineWithTheDateline(final String paragraph, final String rest) {
        assertThat(parser.parse(paragraph, REFERENCE).rest()).isEqualTo(rest);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "MOSCOW, Aug 21—Vladimir Putin received",
        "MOSCOW, Aug. 21 (Reuters)—Russian President Vladimir Putin",
        "Київ, 21 серпня (Укрінформ) — Президент України",
        "北京，2021年8月21日——今天上午",
        "Mosca, 21 agosto 2021 – Vladimir Putin ha ricevuto",
    })
    void shouldFindTheSameDatelineOnceTheTextIsNormalized(final String paragraph) {
        final String normalized = TextNormalizer.clean(paragraph);

        assertThat(normalized).isNotEqualTo(paragraph);
        assertThat(parser.parse(normalized, REFERENCE)).isEqualTo(parser.parse(paragraph, REFERENCE)).isNotNull();
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource({
        "'新华社北京12月30日电 x', 2022-01-02, 2021-12-30",
        "'ANKARA, 30 Aralık (AA) - x', 2022-01-02, 2021-12-30",
        "'ROMA, 29 feb - x', 2021-08-22, 2020-02-29",
        "'ROMA, 29 feb - x', 2020-03-01, 2020-02-29",
        "'ROMA, 29 feb - x', 2020-02-28, 2016-02-29",
    })
    void shouldTakeTheYearOfEveryFormFromTheReference(final String paragraph, final String reference,
                                                     final String expected) {
        assertThat(parser.parse(paragraph, LocalDate.parse(reference)).date()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "Il presidente, 21 anni fa - ha detto il ministro, era un altro paese.",
        "Il presidente, 21 agosto - ha detto il ministro",
        "Il presidente della Repubblica, 21 agosto - ha detto",
        "Lunedì, 21 agosto - il presidente ha parlato al Senato.",
        "Monday, August 21, 2021 - The President said",
        "MOSCOW, Aug 21-22 - talks continued",
        "Roma, 21 - 22 agosto: vertice dei ministri",
        "Berlin, 21.08 - Dezimalzahlen sind keine Daten",
        "Paris, 21 août 2021. Le président a dit",
        "Moscow, 30 February 2021 - no such day",
        "Mosca, 21 agosto/settembre 2021 - two months",
        "他8月21日电话告诉记者，会议已经结束。",
        "北京，8月21日的会议上，代表们讨论了",
        "قال الرئيس، إن 21 أغسطس - يوم مهم",
    })
    void shouldFindNoDatelineInOrdinaryFirstSentences(final String paragraph) {
        assertThat(parser.parse(paragraph, REFERENCE)).isNull();
    }
}

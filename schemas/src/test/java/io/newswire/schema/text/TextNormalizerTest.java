package io.newswire.schema.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextNormalizerTest {

    private final TextChanges changes = new TextChanges();

    @Test
    void shouldComposeDecomposedTextToNfcAndCountTheText() {
        // "e" + combining acute, "a" + combining grave: two decomposed letters in one text.
        assertThat(TextNormalizer.clean("caffe\u0301 e cos\u0131 citta\u0300", changes))
            .isEqualTo("caff\u00E9 e cos\u0131 citt\u00E0");

        assertThat(changes.textsRecomposed()).isEqualTo(1);
        assertThat(changes.repair()).contains("normalize: 1 text recomposed to NFC");
    }

    @Test
    void shouldComposeAcrossARemovedInvisibleCharacter() {
        final String cleaned = TextNormalizer.clean("caffe\u200B\u0301", changes);

        assertThat(cleaned).isEqualTo("caff\u00E9");
        assertThat(changes.zeroWidthCharacters()).isEqualTo(1);
        assertThat(changes.textsRecomposed()).isEqualTo(1);
    }

    @Test
    void shouldRemoveSoftHyphensAndCountThem() {
        assertThat(TextNormalizer.clean("con\u00ADtrat\u00ADto", changes)).isEqualTo("contratto");

        assertThat(changes.softHyphens()).isEqualTo(2);
        assertThat(changes.repair()).contains("normalize: 2 soft hyphens removed");
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"200B", "200C", "200D", "2060", "FEFF"})
    void shouldRemoveEachZeroWidthCharacterAndCountIt(final String codePoint) {
        final String invisible = Character.toString(Integer.parseInt(codePoint, 16));

        assertThat(TextNormalizer.clean(invisible + "Mos" + invisible + "ca", changes)).isEqualTo("Mosca");

        assertThat(changes.zeroWidthCharacters()).isEqualTo(2);
        assertThat(changes.softHyphens() + changes.bidiControls()).isZero();
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"200E", "200F", "061C", "202A", "202B", "202C", "202D", "202E", "2066", "2067", "2068",
        "2069"})
    void shouldRemoveEachBidiControlAndCountIt(final String codePoint) {
        final String control = Character.toString(Integer.parseInt(codePoint, 16));

        assertThat(TextNormalizer.clean("\u0645\u0648\u0633\u0643\u0648" + control + " 21", changes))
            .isEqualTo("\u0645\u0648\u0633\u0643\u0648 21");

        assertThat(changes.bidiControls()).isEqualTo(1);
        assertThat(changes.repair()).contains("normalize: 1 bidi control removed");
    }

    @ParameterizedTest(name = "U+{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "201C | \"", "201D | \"", "201E | \"", "201F | \"", "00AB | \"", "00BB | \"",
        "2018 | '", "2019 | '", "201A | '", "201B | '", "2039 | '", "203A | '",
    })
    void shouldUnifyEachTypographicQuoteAndCountIt(final String codePoint, final String ascii) {
        final String quote = Character.toString(Integer.parseInt(codePoint, 16));

        assertThat(TextNormalizer.clean("a" + quote + "b", changes)).isEqualTo("a" + ascii + "b");

        assertThat(changes.typographicQuotes()).isEqualTo(1);
        assertThat(changes.repair()).contains("normalize: 1 typographic quote unified");
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"2010", "2011", "2012", "2013", "2014", "2015", "2212"})
    void shouldUnifyEachDashAndCountIt(final String codePoint) {
        final String dash = Character.toString(Integer.parseInt(codePoint, 16));

        assertThat(TextNormalizer.clean("Mosca " + dash + " Vladimir", changes)).isEqualTo("Mosca - Vladimir");

        assertThat(changes.dashes()).isEqualTo(1);
        assertThat(changes.repair()).contains("normalize: 1 dash unified");
    }

    @Test
    void shouldKeepEllipsesPrimesBackticksAndCjkBrackets() {
        final String text = "Poi\u2026 a 5\u2032 30\u2033, `code`, \u300C\u5F15\u7528\u300D";

        assertThat(TextNormalizer.clean(text, changes)).isEqualTo(text);
        assertThat(changes.isEmpty()).isTrue();
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"0009", "000A", "00A0", "2003", "202F", "3000", "2028"})
    void shouldCollapseEachKindOfWhitespaceAndCountTheText(final String codePoint) {
        final String space = Character.toString(Integer.parseInt(codePoint, 16));

        assertThat(TextNormalizer.clean("Putin" + space + "meets" + space + "Tokayev", changes))
            .isEqualTo("Putin meets Tokayev");

        assertThat(changes.textsWithWhitespaceCollapsed()).isEqualTo(1);
        assertThat(changes.repair()).contains("normalize: whitespace collapsed in 1 text");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"  Putin meets Tokayev", "Putin meets Tokayev ", "Putin  meets Tokayev",
        "Putin meets\r\nTokayev"})
    void shouldCountRunsAndTrimmedSpaceAsCollapsedWhitespace(final String text) {
        assertThat(TextNormalizer.clean(text, changes)).isEqualTo("Putin meets Tokayev");

        assertThat(changes.textsWithWhitespaceCollapsed()).isEqualTo(1);
    }

    @Test
    void shouldCountEachTextOnceForWhitespace() {
        TextNormalizer.clean(" a  b\tc ", changes);
        TextNormalizer.clean("d\u00A0e", changes);
        TextNormalizer.clean("f g", changes);

        assertThat(changes.textsWithWhitespaceCollapsed()).isEqualTo(2);
    }

    @Test
    void shouldCountNoWhitespaceForATextLeftEmpty() {
        assertThat(TextNormalizer.clean(" \u00A0\t ", changes)).isEmpty();

        assertThat(changes.isEmpty()).isTrue();
    }

    @Test
    void shouldCountNothingAndReturnCleanTextAsItIs() {
        final String clean = "Vladimir Putin ha ricevuto l'invito: \"Caro amico\" - disse.";

        assertThat(TextNormalizer.clean(clean, changes)).isSameAs(clean);
        assertThat(changes.isEmpty()).isTrue();
        assertThat(changes.repair()).isEmpty();
    }

    @Test
    void shouldCountEveryKindInOnePass() {
        final String dirty = " \u201CCon\u00ADtratto\u200B\u202B firmato\u202C\u201D \u2014 e\u0301  l\u2019ultimo\u2013";

        assertThat(TextNormalizer.clean(dirty, changes)).isEqualTo("\"Contratto firmato\" - \u00E9 l'ultimo-");

        assertThat(changes.repair()).contains("normalize: 1 soft hyphen, 1 zero-width character, 2 bidi controls "
            + "removed; 3 typographic quotes, 2 dashes unified; 1 text recomposed to NFC; whitespace collapsed in 1 text");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {" \u201CCon\u00ADtratto\u200B\u202B firmato\u202C\u201D \u2014 e\u0301  l\u2019ultimo",
        "caffe\u200B\u0301", "\u00ABCiao\u00BB \u2014\u00A0Mosca\t\n ", "5\u2032 `x` \u2026"})
    void shouldChangeNothingTheSecondTime(final String text) {
        final String once = TextNormalizer.clean(text);

        assertThat(TextNormalizer.clean(once, changes)).isEqualTo(once);
        assertThat(changes.isEmpty()).isTrue();
    }

    @Test
    void shouldKeepTheTypographyOfIdentifiersButCleanTheRest() {
        assertThat(TextNormalizer.cleanIdentifier(" tass\u2013123\u200B\u2019x\u00A0 ")).isEqualTo("tass\u2013123\u2019x");
        assertThat(TextNormalizer.cleanIdentifier("e\u0301")).isEqualTo("\u00E9");
    }

    @Test
    void shouldUnifyTypographyAndCaseInKeys() {
        assertThat(TextNormalizer.key("\u201CHello\u201D \u2013 It\u2019s 5\u2032 `ok`"))
            .isEqualTo("\"hello\" - it's 5' 'ok'");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {" \u201CCon\u00ADtratto\u200B\u202B firmato\u202C\u201D \u2014 e\u0301  l\u2019ultimo",
        "\u00ABCiao\u00BB \u2014\u00A0Mosca\t\n ", "5\u2032 30\u2033 `x` \u2026 \u2212 3",
        "\u041C\u043E\u0441\u043A\u0432\u0430 \u2014 \u00AB\u0422\u0410\u0421\u0421\u00BB",
        "\u201EGuten Tag\u201C, sagte er \u2013 \u201Aja\u2018."})
    void shouldGiveACleanedTextTheKeyOfTheText(final String text) {
        // Item ids and dedup hash cleaned text: cleaning must not move an item to another content hash.
        assertThat(TextNormalizer.key(TextNormalizer.clean(text))).isEqualTo(TextNormalizer.key(text));
    }
}

package io.newswire.schema.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextChangesTest {

    @Test
    void shouldSayNothingWhenNothingChanged() {
        final TextChanges changes = new TextChanges();

        assertThat(changes.isEmpty()).isTrue();
        assertThat(changes.repair()).isEmpty();
    }

    @Test
    void shouldNameEachKindWithItsCountInOneLine() {
        final TextChanges changes = new TextChanges();
        TextNormalizer.clean("Con\u00ADtrat\u00ADto\u200B \u202Bfirmato\u202C", changes);
        TextNormalizer.clean("\u201CS\u00EC\u201D \u2014 \u00ABno\u00BB \u2013 l\u2019altro", changes);
        TextNormalizer.clean("citta\u0300", changes);
        TextNormalizer.clean(" a  b ", changes);
        TextNormalizer.clean("c\u00A0d", changes);
        changes.emptyTextDropped();

        assertThat(changes.repair()).contains("normalize: 2 soft hyphens, 1 zero-width character, 2 bidi controls "
            + "removed; 5 typographic quotes, 2 dashes unified; 1 text recomposed to NFC; whitespace collapsed in 2 "
            + "texts; 1 empty text dropped");
    }

    @Test
    void shouldLeaveOutKindsThatDidNotOccur() {
        final TextChanges changes = new TextChanges();
        TextNormalizer.clean("l\u2019altro", changes);

        assertThat(changes.repair()).contains("normalize: 1 typographic quote unified");
    }

    @Test
    void shouldAddAnotherTally() {
        final TextChanges item = new TextChanges();
        TextNormalizer.clean("a\u2014b", item);
        final TextChanges title = new TextChanges();
        TextNormalizer.clean("c\u2013d \u2019", title);

        item.add(title);

        assertThat(item.dashes()).isEqualTo(2);
        assertThat(item.typographicQuotes()).isEqualTo(1);
        assertThat(title.dashes()).isEqualTo(1);
    }
}

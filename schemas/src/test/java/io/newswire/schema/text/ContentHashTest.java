package io.newswire.schema.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ContentHashTest {

    @Test
    void shouldIgnoreWhitespaceTypographyAndCase() {
        final String plain = ContentHash.of("Putin meets Tokayev", List.of("He said: \"trade grew - by 33%\"."));
        final String typographic = ContentHash.of(" Putin\u00A0meets  Tokayev ",
            List.of("He said: \u201Ctrade grew \u2013 by 33%\u201D.", "   "));

        assertThat(typographic).isEqualTo(plain);
    }

    @Test
    void shouldDifferWhenTheTextDiffers() {
        assertThat(ContentHash.of("Putin meets Tokayev", List.of("Trade grew by 33%.")))
            .isNotEqualTo(ContentHash.of("Putin meets Tokayev", List.of("Trade grew by 34%.")));
    }

    @Test
    void shouldTellItemsApartByTheirLead() {
        assertThat(ContentHash.of("Flash", "Talks in Moscow ended.", List.of()))
            .isNotEqualTo(ContentHash.of("Flash", "Talks in Minsk ended.", List.of()))
            .isNotEqualTo(ContentHash.of("Flash", List.of()));
        assertThat(ContentHash.of("Flash", null, List.of("a"))).isEqualTo(ContentHash.of("Flash", List.of("a")));
        // A lead is not a body paragraph: moving text between the two is a different item.
        assertThat(ContentHash.of("Flash", "a", List.of())).isNotEqualTo(ContentHash.of("Flash", List.of("a")));
    }

    @Test
    void shouldKeepParagraphBoundaries() {
        assertThat(ContentHash.of("t", List.of("a b", "c")))
            .isNotEqualTo(ContentHash.of("t", List.of("a", "b c")));
    }
}

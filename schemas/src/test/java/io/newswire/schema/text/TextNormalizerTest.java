package io.newswire.schema.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void shouldComposeToNfcAndDropInvisibleCharacters() {
        // "e" + combining acute, a soft hyphen, a zero-width space and a right-to-left mark.
        assertThat(TextNormalizer.clean("caffe\u0301 con\u00ADtrat\u200Bto\u200F")).isEqualTo("caff\u00E9 contratto");
    }

    @Test
    void shouldCollapseWhitespaceButKeepTypography() {
        assertThat(TextNormalizer.clean("  \u00ABCiao\u00BB \u2014\u00A0Mosca\t\n ")).isEqualTo("\u00ABCiao\u00BB \u2014 Mosca");
    }

    @Test
    void shouldUnifyTypographyAndCaseInKeys() {
        assertThat(TextNormalizer.key("\u201CHello\u201D \u2013 It\u2019s")).isEqualTo("\"hello\" - it's");
    }
}

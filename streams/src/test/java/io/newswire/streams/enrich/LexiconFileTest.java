package io.newswire.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LexiconFileTest {

    @Test
    void shouldExpandAlternatives() {
        assertThat(LexiconFile.expand("Казахстан{,а,е}")).containsExactly("Казахстан", "Казахстана", "Казахстане");
        assertThat(LexiconFile.expand("{Latin,South} America{,n}"))
                .containsExactly("Latin America", "Latin American", "South America", "South American");
        assertThat(LexiconFile.expand("Russia")).containsExactly("Russia");
    }
}

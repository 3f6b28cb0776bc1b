package io.newswire.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TokenTest {

    @Test
    void shouldSplitWordsAtPunctuationHyphensAndApostrophes() {
        assertThat(Token.of("dell'Afghanistan, Nur-Sultan; Rusya'nın")).extracting(Token::text)
                .containsExactly("dell", "Afghanistan", "Nur", "Sultan", "Rusya", "nın");
    }

    @Test
    void shouldKeepEachWordsPositionInTheText() {
        final String text = "Vladimir Putin: «Казахстан»";

        final List<Token> tokens = Token.of(text);

        assertThat(tokens).extracting(token -> text.substring(token.start(), token.end()))
                .containsExactly("Vladimir", "Putin", "Казахстан");
    }

    @Test
    void shouldFoldCaseAndTheRussianYo() {
        assertThat(Token.of("ЁЛКА Kazakhstan éTÉ")).extracting(Token::lower)
                .containsExactly("елка", "kazakhstan", "été");
    }

    @Test
    void shouldSplitRunsOfHanCharactersFromOtherWords() {
        final List<Token> tokens = Token.of("普京在WTO框架2021年");

        assertThat(tokens).extracting(Token::text).containsExactly("普京在", "WTO", "框架", "2021", "年");
        assertThat(tokens).extracting(Token::isHan).containsExactly(true, false, true, false, true);
    }
}

package io.newswire.producer.parse;

import static io.newswire.producer.parse.TranscriptBuilder.aTranscript;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.newswire.producer.Fixtures;
import io.newswire.producer.source.RejectReason;
import io.newswire.schema.Turn;
import io.newswire.schema.WireItem;
import io.newswire.schema.text.ContentHash;

class TranscriptParserTest {

    private final TranscriptParser parser = new TranscriptParser(Fixtures.CLOCK);

    private WireItem seed() throws ParseException {
        return parser.parse(Fixtures.SEED_NAME, Fixtures.seedText());
    }

    @Test
    void shouldReadTitleDatelineAndSourceOfTheSeed() throws ParseException {
        final WireItem item = seed();

        assertThat(item.getTitle()).isEqualTo("Russia/Kazakistan - Incontro tra Putin e Tokayev");
        assertThat(item.getDateline().getPlace()).isEqualTo("Mosca");
        assertThat(item.getDateline().getDate()).isEqualTo("2021-08-21");
        assertThat(item.getSource().getName()).isEqualTo("kremlin.ru");
        assertThat(item.getSource().getUrl()).isNull();
        assertThat(item.getFormat()).isEqualTo("txt");
        assertThat(item.getOrigin()).isEqualTo(Fixtures.SEED_NAME);
        assertThat(item.getIngestedAt()).isEqualTo(Fixtures.NOW);
    }

    @Test
    void shouldFindBothSpeakerTurnsOfTheSeedInOrder() throws ParseException {
        final WireItem item = seed();

        assertThat(item.getTurns()).extracting(Turn::getSpeaker)
            .containsExactly("Vladimir Putin", "Kassym-Zhomart Tokayev");
        assertThat(item.getTurns().get(0).getText()).startsWith("Caro Kassym-Jomart Kemelevich")
            .contains("\n\nI nostri contatti non si interrompono")
            .endsWith("legate alla sicurezza.");
        assertThat(item.getTurns().get(1).getText()).startsWith("Grazie, Vladimir Vladimirovich")
            .endsWith("da una posizione comune.");
    }

    @Test
    void shouldKeepSourceLineAndCaptionsOutOfTheBody() throws ParseException {
        final WireItem item = seed();

        assertThat(item.getBody()).first().isEqualTo("Vladimir Putin ha ricevuto al Cremlino il presidente della"
            + " Repubblica del Kazakistan Kassym-Zhomart Tokayev.");
        assertThat(item.getBody().get(1)).startsWith("Vladimir Putin: Caro Kassym-Jomart Kemelevich");
        assertThat(item.getBody()).hasSize(15)
            .noneMatch(paragraph -> paragraph.contains("Fonte"))
            .noneMatch(paragraph -> paragraph.contains("Con il presidente del Kazakistan"))
            .noneMatch(paragraph -> paragraph.startsWith("Mosca"));
        assertThat(item.getContentHash()).isEqualTo(ContentHash.of(item.getTitle(), item.getBody()));
    }

    @Test
    void shouldRepairTheSeedCaptions() throws ParseException {
        final WireItem item = seed();

        assertThat(item.getCaptions()).containsExactly(
            "Mosca - Vladimir Putin incontra al Cremlino il presidente della Repubblica del Kazakistan"
                + " Kassym-Zhomart Tokayev.",
            "Con il presidente del Kazakistan Kassym-Zhomart Tokayev.");
        assertThat(item.getRepairs()).containsExactly(
            "normalize: " + apostrophes(Fixtures.seedText()) + " typographic quotes unified",
            "caption 1: removed stuttered word \"Mosca\"",
            "caption 2: removed stuttered word \"Con\"",
            "caption 3: dropped, same as caption 2");
    }

    @Test
    void shouldGiveTheSameIdWhenParsedTwiceOrAtAnotherTime() throws ParseException {
        final Clock later = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);

        final WireItem first = seed();
        final WireItem again = new TranscriptParser(later).parse("copy.txt", Fixtures.seedText());

        assertThat(first.getId()).startsWith("sha256:").isEqualTo("sha256:" + first.getContentHash());
        assertThat(again.getId()).isEqualTo(first.getId());
    }

    @Test
    void shouldKeepTheIdWhenOnlyWhitespaceChanges() throws ParseException {
        final String reflowed = Fixtures.seedText()
            .replace("\n\n", "\n\n\n")
            .replace("Sono molto lieto", "Sono  molto\u00A0lieto")
            .replace("\n", "\r\n");

        assertThat(parser.parse("reflowed.txt", reflowed).getId()).isEqualTo(seed().getId());
    }

    @Test
    void shouldKeepTheIdWhenOnlyTypographyAndInvisibleCharactersChange() throws ParseException {
        final String typeset = Fixtures.seedText()
            .replace("Sono molto lieto", "Sono mol\u00ADto lie\u200Bto")
            .replace("l'invito", "l\u2019invito")
            .replace("governativa - abbastanza", "governativa \u2014 abbastanza");

        final WireItem item = parser.parse("typeset.txt", typeset);

        assertThat(item.getId()).isEqualTo(seed().getId());
        assertThat(item.getBody()).isEqualTo(seed().getBody());
        assertThat(item.getRepairs()).first().isEqualTo("normalize: 1 soft hyphen, 1 zero-width character removed; "
            + apostrophes(typeset) + " typographic quotes, 1 dash unified");
    }

    @Test
    void shouldAddNoNormalizeRepairToCleanText() throws ParseException {
        final String text = aTranscript().paragraph("Vladimir Putin ha ricevuto l'invito \"ufficiale\".").build();

        assertThat(parser.parse("clean.txt", text).getRepairs()).isEmpty();
    }

    @Test
    void shouldChangeTheIdWhenTheWordsChange() throws ParseException {
        final String edited = Fixtures.seedText().replace("Sono molto lieto", "Sono lieto");

        assertThat(parser.parse("edited.txt", edited).getId()).isNotEqualTo(seed().getId());
    }

    @Test
    void shouldReadATranscriptWithoutSourceLineAsAllBody() throws ParseException {
        final String text = aTranscript()
            .paragraph("Vladimir Putin ha ricevuto il presidente.")
            .turn("Vladimir Putin", "Buon pomeriggio.")
            .build();

        final WireItem item = parser.parse("plain.txt", text);

        assertThat(item.getSource().getName()).isNull();
        assertThat(item.getCaptions()).isEmpty();
        assertThat(item.getBody()).containsExactly("Vladimir Putin ha ricevuto il presidente.",
            "Vladimir Putin: Buon pomeriggio.");
    }

    @Test
    void shouldTakeTheYearOfAYearlessDatelineFromTheClock() throws ParseException {
        final String text = aTranscript().titled("Putin meets Tokayev")
            .dateline("MOSCOW, Aug 21 - ")
            .paragraph("Vladimir Putin received the President of Kazakhstan.")
            .build();

        final WireItem item = parser.parse("moscow.txt", text);

        assertThat(item.getDateline().getPlace()).isEqualTo("MOSCOW");
        assertThat(item.getDateline().getDate()).isEqualTo("2021-08-21");
        assertThat(item.getBody()).containsExactly("Vladimir Putin received the President of Kazakhstan.");
    }

    @Test
    void shouldReadADatelineWhoseClosedUpDashNormalizingMadeAHyphen() throws ParseException {
        final String text = aTranscript().titled("Putin meets Tokayev")
            .dateline("MOSCOW, Aug 21 (Reuters)\u2014")
            .paragraph("Vladimir Putin received the President of Kazakhstan.")
            .build();

        final WireItem item = parser.parse("moscow.txt", text);

        assertThat(item.getDateline().getPlace()).isEqualTo("MOSCOW");
        assertThat(item.getDateline().getDate()).isEqualTo("2021-08-21");
        assertThat(item.getBody()).containsExactly("Vladimir Putin received the President of Kazakhstan.");
        assertThat(item.getRepairs()).containsExactly("normalize: 1 dash unified");
    }

    @Test
    void shouldReadAChineseAgencyDatelineAndKeepTheTextAfterIt() throws ParseException {
        final String text = aTranscript().titled("习近平同哈萨克斯坦总统通电话")
            .dateline("新华社北京8月21日电（记者张三）")
            .paragraph("国家主席习近平同总统通电话。")
            .build();

        final WireItem item = parser.parse("xinhua.txt", text);

        assertThat(item.getDateline().getPlace()).isEqualTo("北京");
        assertThat(item.getDateline().getDate()).isEqualTo("2021-08-21");
        assertThat(item.getBody()).containsExactly("国家主席习近平同总统通电话。");
    }

    @Test
    void shouldReadCopyThatOpensWithItsDatelineAsUntitled() throws ParseException {
        final String text = aTranscript().untitled()
            .paragraph("Vladimir Putin ha ricevuto il presidente.")
            .build();

        final WireItem item = parser.parse("untitled.txt", text);

        assertThat(item.getTitle()).isNull();
        assertThat(item.getDateline().getPlace()).isEqualTo("Mosca");
        assertThat(item.getBody()).containsExactly("Vladimir Putin ha ricevuto il presidente.");
    }

    @Test
    void shouldJoinHardWrappedLinesIntoOneParagraph() throws ParseException {
        final String text = "Title\n\nThe first line of a paragraph that was\nwrapped by an editor at a fixed width.\n"
            + "A new sentence on a new line starts a paragraph.\n";

        final WireItem item = parser.parse("wrapped.txt", text);

        assertThat(item.getBody()).containsExactly(
            "The first line of a paragraph that was wrapped by an editor at a fixed width.",
            "A new sentence on a new line starts a paragraph.");
    }

    @Test
    void shouldRejectTextWithoutContent() {
        assertThatThrownBy(() -> parser.parse("blank.txt", " \n\u00A0\n\t\n"))
            .isInstanceOf(ParseException.class)
            .hasMessageContaining("no title and no text")
            .extracting(e -> ((ParseException) e).reason()).isEqualTo(RejectReason.NO_CONTENT);
    }

    private static long apostrophes(final String text) {
        return text.chars().filter(c -> c == '\u2019').count();
    }
}

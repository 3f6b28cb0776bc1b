package io.newswire.producer.parse;

import static io.newswire.producer.parse.JsonItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.newswire.producer.Fixtures;
import io.newswire.producer.source.RejectReason;
import io.newswire.schema.Turn;
import io.newswire.schema.WireItem;
import io.newswire.schema.text.ContentHash;

class JsonlParserTest {

    private static final String FILE = "kremlin-sample.jsonl";

    private final JsonlParser parser = new JsonlParser(Fixtures.CLOCK);

    private WireItem parse(final String line) throws ParseException {
        return parser.parseLine(FILE, 7, line);
    }

    @Test
    void shouldReadACorpusLine() throws ParseException {
        final WireItem item = parse(Fixtures.sampleLines().get(1));

        assertThat(item.getId()).isEqualTo("57083");
        assertThat(item.getSource().getName()).isEqualTo("kremlin.ru");
        assertThat(item.getSource().getUrl()).isEqualTo("http://en.kremlin.ru/events/president/news/57083");
        assertThat(item.getTitle()).isEqualTo("Vladimir Putin has cast his vote in the Russian presidential elections");
        assertThat(item.getPublished()).isEqualTo("2018-03-18");
        assertThat(item.getDeclaredLanguage()).isEqualTo("en");
        assertThat(item.getDateline().getPlace()).isEqualTo("Moscow");
        assertThat(item.getDateline().getDate()).isEqualTo("2018-03-18");
        assertThat(item.getLead()).startsWith("The President of the Russian Federation voted");
        assertThat(item.getBody()).hasSize(7).first().isEqualTo("* * *");
        assertThat(item.getTurns()).extracting(Turn::getSpeaker)
            .containsExactly("Question", "Vladimir Putin", "Question", "Vladimir Putin", "Question", "Vladimir Putin");
        assertThat(item.getContentHash()).isEqualTo(ContentHash.of(item.getTitle(), item.getLead(), item.getBody()));
        assertThat(item.getFormat()).isEqualTo("jsonl");
        assertThat(item.getOrigin()).isEqualTo(FILE + ":7");
        assertThat(item.getIngestedAt()).isEqualTo(Fixtures.NOW);
    }

    @Test
    void shouldCleanNoBreakSpacesInCorpusTitles() throws ParseException {
        final String line = Fixtures.sampleLines().get(2);

        assertThat(line).contains("Russian-Belarusian talks continued with the\u00A0participation");
        assertThat(parse(line).getTitle())
            .isEqualTo("Russian-Belarusian talks continued with the participation of the delegations");
    }

    @Test
    void shouldFindTitledSpeakersAndNoneInNarrative() throws ParseException {
        assertThat(parse(Fixtures.sampleLines().get(2)).getTurns()).extracting(Turn::getSpeaker)
            .containsExactly("President of Russia Vladimir Putin");
        assertThat(parse(Fixtures.sampleLines().get(0)).getTurns()).isEmpty();
    }

    @Test
    void shouldIgnoreLabelsThatCameWithTheInput() throws ParseException {
        final String line = Fixtures.sampleLines().get(1);
        final String junkLabels = JsonItemBuilder.from(line)
            .labels("Cooking", "Somebody Else")
            .raw("speakers", "{\"not\": [\"a\", \"list\"]}")
            .raw("topics", "42")
            .toLine();
        final String noLabels = JsonItemBuilder.from(line)
            .without("topics").without("persons").without("speakers").without("tag_sections")
            .toLine();

        assertThat(parse(junkLabels)).isEqualTo(parse(line)).isEqualTo(parse(noLabels));
    }

    @Test
    void shouldUseAStringIdAsGiven() throws ParseException {
        assertThat(parse(anItem().id("wire-2021-0042").toLine()).getId()).isEqualTo("wire-2021-0042");
    }

    @Test
    void shouldKeepTheTypographyOfAnIdAndAUrl() throws ParseException {
        final WireItem item = parse(anItem().id("tass\u2013wire\u2019s-1").set("url", "https://example.org/\u00AB1\u00BB")
            .toLine());

        assertThat(item.getId()).isEqualTo("tass\u2013wire\u2019s-1");
        assertThat(item.getSource().getUrl()).isEqualTo("https://example.org/\u00AB1\u00BB");
        assertThat(item.getRepairs()).isEmpty();
    }

    @Test
    void shouldRecordWhatNormalizingTheContentChangedFirst() throws ParseException {
        final String line = anItem().title("Meeting with the Gover\u00ADnor").set("lead", "The\u00A0Governor  reported.")
            .set("place", "Novo\u2011Ogaryovo").set("date", "21/08/2021")
            .paragraphs("He said: \u201CThe meeting took place.\u201D", "\u200B ").toLine();

        final WireItem item = parse(line);

        assertThat(item.getTitle()).isEqualTo("Meeting with the Governor");
        assertThat(item.getLead()).isEqualTo("The Governor reported.");
        assertThat(item.getDateline().getPlace()).isEqualTo("Novo-Ogaryovo");
        assertThat(item.getBody()).containsExactly("He said: \"The meeting took place.\"");
        assertThat(item.getRepairs()).hasSize(2).first().isEqualTo("normalize: 1 soft hyphen, 1 zero-width character "
            + "removed; 2 typographic quotes, 1 dash unified; whitespace collapsed in 1 text; 1 empty text dropped");
    }

    @Test
    void shouldUseTheUrlWhenThereIsNoId() throws ParseException {
        final String line = anItem().set("url", "https://example.org/news/1").toLine();

        assertThat(parse(line).getId()).isEqualTo("https://example.org/news/1");
    }

    @Test
    void shouldUseTheContentHashWhenThereIsNeitherIdNorUrl() throws ParseException {
        final WireItem item = parse(anItem().toLine());

        assertThat(item.getId()).isEqualTo("sha256:" + ContentHash.of("Meeting with the Governor",
            List.of("The meeting took place.")));
    }

    @Test
    void shouldSplitABodyStringIntoParagraphs() throws ParseException {
        final String line = anItem().without("paragraphs")
            .set("body", "First paragraph.\n\nVladimir Putin: Good afternoon.\nQuestion: How are you?\n\n(Source: kremlin.ru)")
            .toLine();

        final WireItem item = parse(line);

        assertThat(item.getBody()).containsExactly("First paragraph.", "Vladimir Putin: Good afternoon.",
            "Question: How are you?");
        assertThat(item.getTurns()).extracting(Turn::getSpeaker).containsExactly("Vladimir Putin", "Question");
        assertThat(item.getSource().getName()).isEqualTo("kremlin.ru");
    }

    @Test
    void shouldTakeTheDatelineFromTheFirstParagraphWhenThereIsNoPlace() throws ParseException {
        final String line = anItem().set("date", "2021-08-22").set("place", "")
            .paragraphs("MOSCOW, Aug 21 - Vladimir Putin received the President of Kazakhstan.")
            .toLine();

        final WireItem item = parse(line);

        assertThat(item.getDateline().getPlace()).isEqualTo("MOSCOW");
        assertThat(item.getDateline().getDate()).isEqualTo("2021-08-21");
        assertThat(item.getBody()).containsExactly("Vladimir Putin received the President of Kazakhstan.");
    }

    @Test
    void shouldNoteADateThatIsNoIsoDate() throws ParseException {
        final WireItem item = parse(anItem().set("date", "21/08/2021").toLine());

        assertThat(item.getPublished()).isNull();
        assertThat(item.getRepairs()).singleElement().asString().contains("21/08/2021").contains("not an ISO date");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"title\": \"x\"                       | INVALID_JSON  | not valid JSON at column",
        "{\"title\": \"x\"} trailing            | INVALID_JSON  | not valid JSON",
        "[\"a\", \"b\"]                          | NOT_AN_OBJECT | the line is an array, not a JSON object",
        "\"just a string\"                       | NOT_AN_OBJECT | the line is a string",
        "{\"title\": 42}                         | INVALID_FIELD | field \"title\" is a number; expected a string",
        "{\"title\": \"x\", \"paragraphs\": [1]} | INVALID_FIELD | field \"paragraphs\" item 1 is a number",
        "{\"id\": true, \"title\": \"x\"}        | INVALID_FIELD | field \"id\" is a boolean",
        "{\"id\": 1, \"topics\": [\"Energy\"]}   | NO_CONTENT    | no title and no text",
        "{\"title\": \" \", \"paragraphs\": [\"\\u00A0\"]} | NO_CONTENT | no title and no text",
    })
    void shouldRejectBadLinesSayingWhatWasWrong(final String line, final RejectReason reason, final String message) {
        assertThatThrownBy(() -> parse(line))
            .isInstanceOf(ParseException.class)
            .hasMessageContaining(message)
            .extracting(e -> ((ParseException) e).reason()).isEqualTo(reason);
    }
}

package io.newswire.streams.dedup;

import static io.newswire.streams.dedup.KremlinItem.aKremlinItem;
import static io.newswire.streams.dedup.SketchBuilder.aSketch;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.newswire.schema.DedupSketch;
import org.junit.jupiter.api.Test;

/** The decision rules alone, on sketches of real Kremlin copy and its edits: no Kafka, no stores. */
class DedupRulesTest {

    private static final String TEXT = aKremlinItem(59513).text();
    private static final String OTHER_TEXT = aKremlinItem(60676).text();
    private final DedupRules rules = new DedupRules(DedupSettings.defaults(), SketchBuilder.SETTINGS);

    @Test
    void shouldCallAnItemWithNothingEarlierNew() {
        final DedupRules.Verdict verdict = rules.decide(aSketch("a").of(TEXT).build(), List.of());

        assertThat(verdict.decision()).isEqualTo(DedupRules.NEW);
        assertThat(verdict.original()).isNull();
        assertThat(verdict.storyOf()).isNull();
    }

    @Test
    void shouldCallTheSameIdWithTheSameContentADuplicateOfIt() {
        final DedupSketch first = aSketch("a").of(TEXT).decided("new", "a").build();

        final DedupRules.Verdict verdict = rules.decide(aSketch("a").at(1_000).of(TEXT).build(), List.of(first));

        assertThat(verdict.decision()).isEqualTo(DedupRules.DUPLICATE);
        assertThat(verdict.original()).isSameAs(first);
        assertThat(verdict.similarity()).isEqualTo(1.0);
        assertThat(verdict.reason()).contains("same id and the same content");
    }

    @Test
    void shouldCallTheSameIdWithChangedContentAnUpdateOfTheLatestWithItsStory() {
        final DedupSketch first = aSketch("a").of(TEXT).decided("new", "root").build();
        final DedupSketch second = aSketch("a").at(1_000).of(TEXT + " One more line.").decided("update", "root")
            .build();

        final DedupRules.Verdict verdict = rules.decide(aSketch("a").at(2_000).of(OTHER_TEXT).build(),
            List.of(first, second));

        assertThat(verdict.decision()).isEqualTo(DedupRules.UPDATE);
        assertThat(verdict.original()).isSameAs(second);
        assertThat(verdict.storyOf()).isEqualTo("root");
        assertThat(verdict.reason()).contains("changed content");
    }

    @Test
    void shouldCallTheSameTextUnderAnotherIdADuplicate() {
        final DedupSketch original = aSketch("a").of(TEXT).decided("new", "a").build();

        final DedupRules.Verdict verdict = rules.decide(aSketch("b").at(1_000).of(TEXT).build(), List.of(original));

        assertThat(verdict.decision()).isEqualTo(DedupRules.DUPLICATE);
        assertThat(verdict.similarity()).isEqualTo(1.0);
        assertThat(verdict.reason()).isEqualTo("the same text as a");
    }

    @Test
    void shouldCallACopyWithAParagraphLessADuplicateByContainment() {
        final DedupSketch original = aSketch("a").of(TEXT).decided("new", "a").build();
        final String shorter = aKremlinItem(59513).withoutParagraph(2).withoutParagraph(2).text();

        final DedupRules.Verdict verdict = rules.decide(aSketch("b").at(1_000).of(shorter).build(), List.of(original));

        assertThat(verdict.decision()).isEqualTo(DedupRules.DUPLICATE);
        assertThat(verdict.reason()).contains("near-duplicate of a").contains("contained in the other");
    }

    @Test
    void shouldCallANearIdenticalTextWithNewFiguresAnUpdate() {
        final DedupSketch original = aSketch("a").of(TEXT).withNumbers("2018").decided("new", "a").build();
        final String edited = aKremlinItem(59513).rewritten(part -> part.replace("separate", "second")).text();

        final DedupRules.Verdict verdict = rules.decide(aSketch("b").at(1_000).of(edited).withNumbers("2018", "42")
            .build(), List.of(original));

        assertThat(verdict.decision()).isEqualTo(DedupRules.UPDATE);
        assertThat(verdict.similarity()).isGreaterThanOrEqualTo(0.8);
        assertThat(verdict.reason()).contains("new figures [42]");
    }

    @Test
    void shouldCallACorrectionOfANearIdenticalTextAnUpdateUnlessTheEarlierCorrectedToo() {
        final String edited = aKremlinItem(59513).rewritten(part -> part.replace("separate", "second")).text();
        final DedupSketch original = aSketch("a").of(TEXT).decided("new", "a").build();
        final DedupSketch correction = aSketch("b").at(1_000).of(edited).corrected().build();

        assertThat(rules.decide(correction, List.of(original)).decision()).isEqualTo(DedupRules.UPDATE);

        final DedupSketch decidedCorrection = aSketch("b").at(1_000).of(edited).corrected().decided("update", "a")
            .build();
        final DedupRules.Verdict copyOfIt = rules.decide(aSketch("c").at(2_000).of(edited + " ").corrected()
            .withContentHash("another").build(), List.of(original, decidedCorrection));
        assertThat(copyOfIt.decision()).isEqualTo(DedupRules.DUPLICATE);
        assertThat(copyOfIt.original()).isSameAs(decidedCorrection);
        assertThat(copyOfIt.storyOf()).isEqualTo("a");
    }

    @Test
    void shouldCallACopyOfAnUpdateADuplicateOfTheUpdateNotAnotherUpdateOfTheOriginal() {
        final DedupSketch original = aSketch("a").of(TEXT).withNumbers("1").decided("new", "a").build();
        final DedupSketch update = aSketch("b").at(1_000).of(TEXT).withContentHash("b").withNumbers("1", "2")
            .decided("update", "a").build();

        final DedupRules.Verdict verdict = rules.decide(aSketch("c").at(2_000).of(TEXT).withContentHash("c")
            .withNumbers("1", "2").build(), List.of(original, update));

        assertThat(verdict.decision()).isEqualTo(DedupRules.DUPLICATE);
        assertThat(verdict.original()).isSameAs(update);
        assertThat(verdict.storyOf()).isEqualTo("a");
    }

    @Test
    void shouldLinkACopyToTheEarliestOfSeveralEarlierCopies() {
        final DedupSketch first = aSketch("z-first").of(TEXT).decided("new", "z-first").build();
        final DedupSketch second = aSketch("a-second").at(500).of(TEXT).withContentHash("x").decided("duplicate",
            "z-first").build();

        final DedupRules.Verdict verdict = rules.decide(aSketch("m").at(1_000).of(TEXT).withContentHash("y").build(),
            List.of(first, second));

        assertThat(verdict.original()).isSameAs(first);
    }

    @Test
    void shouldNotCompareWithADuplicateKeptWithoutItsText() {
        final DedupSketch slimDuplicate = aSketch("d").decided("duplicate", "a").build();

        final DedupRules.Verdict verdict = rules.decide(aSketch("b").at(1_000).of(TEXT).build(),
            List.of(slimDuplicate));

        assertThat(verdict.decision()).isEqualTo(DedupRules.NEW);
    }

    @Test
    void shouldCallAChangedResendOfTheSameUrlAnUpdateFromTheLowerSimilarity() {
        final KremlinItem item = aKremlinItem(59513);
        final String url = "http://en.kremlin.ru/events/president/news/59513";
        final DedupSketch original = aSketch("a").of(item.text()).at(url).decided("new", "a").build();
        // A quarter of the text dropped, as much of another text added: about 0.6 similar, 0.75 contained.
        final String halfRewritten = item.withoutParagraph(7).withoutParagraph(7).text() + "\n"
            + String.join("\n", aKremlinItem(60676).paragraphs().subList(0, 8));
        final DedupSketch resend = aSketch("b").at(1_000).of(halfRewritten).at(url).build();
        final double similarity = rules.fingerprintOf(resend).similarity(rules.fingerprintOf(original));
        assertThat(similarity).as("a re-send between the two thresholds").isBetween(0.5, 0.8);

        assertThat(rules.decide(resend, List.of(original)).decision()).isEqualTo(DedupRules.UPDATE);
        final DedupSketch elsewhere = aSketch("c").at(1_000).of(halfRewritten).at("http://example.org/c").build();
        assertThat(rules.decide(elsewhere, List.of(original)).decision()).isNotEqualTo(DedupRules.UPDATE);
    }

    @Test
    void shouldLinkARenderingInAnotherLanguageOfTheSameEventAsATranslation() {
        final DedupSketch english = aSketch("en").of(TEXT).inLanguage("en").withNumbers("21", "2021")
            .naming("Vladimir Putin", "KZ").withEventKeys("2021-08-21|Moscow").decided("new", "en").build();
        final DedupSketch italian = aSketch("it").at(1_000).of("Testo italiano del tutto diverso").inLanguage("it")
            .withNumbers("21", "2021").naming("Vladimir Putin", "KZ", "SCO").withEventKeys("2021-08-21|Moscow")
            .build();

        final DedupRules.Verdict verdict = rules.decide(italian, List.of(english));

        assertThat(verdict.decision()).isEqualTo(DedupRules.TRANSLATION);
        assertThat(verdict.storyOf()).isEqualTo("en");
        assertThat(verdict.reason()).contains("same event as en in en");
    }

    @Test
    void shouldNotLinkRenderingsWithoutACommonEventKeyOrInTheSameLanguage() {
        final DedupSketch english = aSketch("en").of(TEXT).inLanguage("en").withNumbers("21")
            .naming("Vladimir Putin").withEventKeys("2021-08-21|Moscow").decided("new", "en").build();
        final DedupSketch otherDay = aSketch("it").at(1_000).of("Testo").inLanguage("it").withNumbers("21")
            .naming("Vladimir Putin").withEventKeys("2021-08-22|Moscow").build();
        final DedupSketch sameLanguage = aSketch("en2").at(1_000).of(OTHER_TEXT).inLanguage("en").withNumbers("21")
            .naming("Vladimir Putin").withEventKeys("2021-08-21|Moscow").build();

        assertThat(rules.decide(otherDay, List.of(english)).decision()).isEqualTo(DedupRules.NEW);
        assertThat(rules.decide(sameLanguage, List.of(english)).decision()).isEqualTo(DedupRules.NEW);
    }

    @Test
    void shouldKeepUnrelatedItemsApart() {
        final DedupSketch other = aSketch("a").of(OTHER_TEXT).decided("new", "a").build();

        assertThat(rules.decide(aSketch("b").at(1_000).of(TEXT).build(), List.of(other)).decision())
            .isEqualTo(DedupRules.NEW);
    }

    @Test
    void shouldEstimateContainmentFromSimilarityAndLengths() {
        // |A| = 100, |B| = 50, B inside A: J = 50 / 100 = 0.5, the shorter wholly contained.
        assertThat(DedupRules.containment(0.5, 100, 50)).isEqualTo(1.0);
        assertThat(DedupRules.containment(0.2, 100, 100)).isCloseTo(0.333, org.assertj.core.data.Offset.offset(0.001));
        assertThat(DedupRules.containment(0.7, 0, 10)).isEqualTo(0.7);
    }
}

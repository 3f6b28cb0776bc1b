package io.newswire.streams.stage;

import static io.newswire.streams.testing.WireItems.aWireItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

import io.newswire.schema.Turn;
import io.newswire.schema.WireItem;
import io.newswire.schema.text.ContentHash;
import io.newswire.streams.testing.WireItems;
import org.junit.jupiter.api.Test;

class NormalizerTest {

    private static final String PARSER_REPAIR = "parse: caption moved out of the body";

    private final Normalizer normalizer = new Normalizer();

    @Test
    void shouldComposeTextToNfc() {
        final WireItem item = aWireItem().titled("Cafe\u0301 society")
            .paragraph("Il Presidente e\u0300 arrivato in citta\u0300.").build();

        final WireItem normalized = normalizer.normalize(item);

        assertThat(normalized.getTitle()).isEqualTo("Caf\u00e9 society");
        assertThat(normalized.getBody()).containsExactly("Il Presidente \u00e8 arrivato in citt\u00e0.");
    }

    @Test
    void shouldRemoveInvisibleAndBidiControlCharacters() {
        final WireItem item = aWireItem().titled("\uFEFFPut\u200Bin meets To\u00ADkayev")
            .paragraph("The \u202Bsummit\u202C was \u2066held\u2069 in Mos\u200Dcow.").build();

        final WireItem normalized = normalizer.normalize(item);

        assertThat(normalized.getTitle()).isEqualTo("Putin meets Tokayev");
        assertThat(normalized.getBody()).containsExactly("The summit was held in Moscow.");
    }

    @Test
    void shouldCollapseWhitespaceAndTrim() {
        final WireItem item = aWireItem().titled("  Putin\u00A0meets   Tokayev ")
            .paragraph("\tThe minister\u2003said\r\nthat  trade   grew.  ").build();

        final WireItem normalized = normalizer.normalize(item);

        assertThat(normalized.getTitle()).isEqualTo("Putin meets Tokayev");
        assertThat(normalized.getBody()).containsExactly("The minister said that trade grew.");
    }

    @Test
    void shouldDropEmptyParagraphsAndCaptions() {
        final WireItem item = aWireItem().titled("Putin meets Tokayev")
            .paragraph("First.").paragraph("   ").paragraph("\u200B\u200C").paragraph("").paragraph("Second.")
            .caption("Moscow, the Kremlin.").caption(" \u00A0 ")
            .build();

        final WireItem normalized = normalizer.normalize(item);

        assertThat(normalized.getBody()).containsExactly("First.", "Second.");
        assertThat(normalized.getCaptions()).containsExactly("Moscow, the Kremlin.");
    }

    @Test
    void shouldKeepTheParagraphBreaksOfTurns() {
        final WireItem item = aWireItem().titled("Putin meets Tokayev")
            .turnWithText(" Vladimir\u00A0 Putin",
                "Caro  amico,\tbuon\npomeriggio!\n\n\n   Sono molto lieto.\n \nGrazie. ")
            .build();

        final Turn turn = normalizer.normalize(item).getTurns().get(0);

        assertThat(turn.getSpeaker()).isEqualTo("Vladimir Putin");
        assertThat(turn.getText()).isEqualTo("Caro amico, buon pomeriggio!\n\nSono molto lieto.\n\nGrazie.");
    }

    @Test
    void shouldCleanTheLeadAndTheDatelinePlace() {
        final WireItem item = aWireItem().titled("Putin meets Tokayev").withLead("  The  leaders\u200B met. ")
            .datelined(" Mosca\u00A0", "2021-08-21").paragraph("Body.").build();

        final WireItem normalized = normalizer.normalize(item);

        assertThat(normalized.getLead()).isEqualTo("The leaders met.");
        assertThat(normalized.getDateline().getPlace()).isEqualTo("Mosca");
        assertThat(normalized.getDateline().getDate()).isEqualTo("2021-08-21");
    }

    @Test
    void shouldRecomputeTheContentHashFromTheNormalizedText() {
        final WireItem stale = aWireItem().titled(" Putin  meets Tokayev")
            .paragraph("Trade\u00A0grew.").paragraph(" ").withContentHash("0".repeat(64)).build();

        final WireItem normalized = normalizer.normalize(stale);

        assertThat(normalized.getContentHash())
            .isEqualTo(ContentHash.of("Putin meets Tokayev", List.of("Trade grew.")));
    }

    @Test
    void shouldGiveTheSameContentHashToCopiesDifferingOnlyInWhitespaceAndTypography() {
        final WireItem typeset = aWireItem().withId("typeset").titled("Putin meets Tokayev")
            .paragraph("\u201cWe are allies,\u201d he said \u2014 and it\u2019s true.")
            .paragraph("Trade grew.").build();
        final WireItem plain = aWireItem().withId("plain").titled("Putin  meets\u00A0Tokayev ")
            .paragraph("\"We are  allies,\"\nhe said - and it's true.").paragraph("  ")
            .paragraph("Trade grew.").build();
        final WireItem reworded = aWireItem().withId("reworded").titled("Putin meets Tokayev")
            .paragraph("\u201cWe are partners,\u201d he said \u2014 and it\u2019s true.")
            .paragraph("Trade grew.").build();

        final String hash = normalizer.normalize(typeset).getContentHash();

        assertThat(normalizer.normalize(plain).getContentHash()).isEqualTo(hash);
        assertThat(normalizer.normalize(reworded).getContentHash()).isNotEqualTo(hash);
    }

    @Test
    void shouldUnifyTypographyInTheTextAndCountIt() {
        final WireItem item = aWireItem().titled("Putin meets Tokayev")
            .paragraph("\u201cWe are allies,\u201d he said \u2014 and it\u2019s true.")
            .caption("\u00abMosca\u00bb \u2013 il Cremlino.").build();

        final WireItem normalized = normalizer.normalize(item);

        assertThat(normalized.getBody()).containsExactly("\"We are allies,\" he said - and it's true.");
        assertThat(normalized.getCaptions()).containsExactly("\"Mosca\" - il Cremlino.");
        assertThat(normalized.getRepairs()).containsExactly("normalize: 5 typographic quotes, 2 dashes unified");
    }

    @Test
    void shouldRecordWhatItChangedAfterEarlierRepairs() {
        final WireItem item = aWireItem().titled("Putin  meets Tokayev").repairedBefore(PARSER_REPAIR)
            .paragraph("Clean.").paragraph("Dirty\u200B.").paragraph("   ").caption("A  caption.").build();

        final WireItem normalized = normalizer.normalize(item);

        assertThat(normalized.getRepairs()).containsExactly(
            PARSER_REPAIR,
            "normalize: 1 zero-width character removed; whitespace collapsed in 2 texts; 1 empty text dropped");
    }

    @Test
    void shouldCountTheChangesOfEveryFieldInOneLine() {
        final WireItem item = aWireItem().titled("Cafe\u0301 \u00absociety\u00bb").withLead("The\u00ADleaders met.")
            .datelined("Mosca\u200B", "2021-08-21").paragraph("Il Presidente \u202Bha detto\u202C.")
            .turnWithText("Vladimir\u00A0Putin", "Caro amico \u2014 grazie.")
            .caption("Con il presidente\u2019s.").build();

        final WireItem normalized = normalizer.normalize(item);

        assertThat(normalized.getRepairs()).containsExactly("normalize: 1 soft hyphen, 1 zero-width character, "
            + "2 bidi controls removed; 3 typographic quotes, 1 dash unified; 1 text recomposed to NFC; "
            + "whitespace collapsed in 1 text");
    }

    @Test
    void shouldCountReflowedParagraphBreaksOfATurnAsWhitespace() {
        final WireItem item = aWireItem().titled("Putin meets Tokayev")
            .turnWithText("Vladimir Putin", "One.\n\n\nTwo.").build();

        final WireItem normalized = normalizer.normalize(item);

        assertThat(normalized.getTurns().get(0).getText()).isEqualTo("One.\n\nTwo.");
        assertThat(normalized.getRepairs()).containsExactly("normalize: whitespace collapsed in 1 text");
    }

    @Test
    void shouldLeaveCleanInputAsItIsWithoutARepairLine() {
        final WireItem clean = aWireItem().titled("Putin meets Tokayev").repairedBefore(PARSER_REPAIR)
            .withLead("The leaders met.").datelined("Mosca", "2021-08-21")
            .turn("Vladimir Putin", "Caro amico, buon pomeriggio!", "Sono molto lieto.")
            .caption("Con il presidente del Kazakistan.").build();

        final WireItem normalized = normalizer.normalize(clean);

        assertThat(normalized.getRepairs()).containsExactly(PARSER_REPAIR);
        assertThat(normalized).isEqualTo(clean);
    }

    @Test
    void shouldOnlyUnifyTheApostrophesOfTheSeedTranscript() {
        final WireItem seed = WireItems.theSeedTranscript();
        final long apostrophes = String.join("\n", seed.getBody()).chars().filter(c -> c == '\u2019').count()
            + seed.getTurns().stream().mapToLong(turn -> turn.getText().chars().filter(c -> c == '\u2019').count())
            .sum();

        final WireItem normalized = normalizer.normalize(seed);

        assertThat(apostrophes).isPositive();
        assertThat(normalized.getBody()).isEqualTo(seed.getBody().stream().map(p -> p.replace('\u2019', '\'')).toList());
        assertThat(normalized.getRepairs()).containsExactly("normalize: " + apostrophes + " typographic quotes unified");
        assertThat(WireItem.newBuilder(normalized).setBody(seed.getBody()).setTurns(seed.getTurns())
            .setRepairs(seed.getRepairs()).build()).isEqualTo(seed);
    }

    @Test
    void shouldChangeNothingMoreTheSecondTime() {
        final WireItem dirty = aWireItem().titled(" Putin  meets Tokayev").withLead("A\u200B lead.")
            .paragraph("Dirty\u00A0 text.").paragraph("").turnWithText("Putin ", "One.\n\n\nTwo.").build();

        final WireItem once = normalizer.normalize(dirty);

        assertThat(normalizer.normalize(once)).isEqualTo(once);
    }

    @Test
    void shouldRecordARepairWhenOnlyTheLeadOrATurnChanged() {
        final WireItem dirtyLead = aWireItem().titled("Putin meets Tokayev").withLead("The  leaders\u200B met.")
            .paragraph("Body.").build();
        final WireItem dirtyTurn = aWireItem().titled("Putin meets Tokayev").paragraph("Vladimir Putin: Thank you.")
            .turnWithText("Vladimir Putin", "Thank\u00A0 you.").build();

        assertThat(normalizer.normalize(dirtyLead).getRepairs()).anyMatch(repair -> repair.startsWith("normalize:"));
        assertThat(normalizer.normalize(dirtyTurn).getRepairs()).anyMatch(repair -> repair.startsWith("normalize:"));
    }

    @Test
    void shouldNormalizeInAJvmWhereNoSerdeWasBuilt() throws Exception {
        try (URLClassLoader freshJvm = new URLClassLoader(testClassPath(), ClassLoader.getPlatformClassLoader())) {
            final Runnable normalizeOnce = (Runnable) freshJvm.loadClass(NormalizeOnce.class.getName())
                .getDeclaredConstructor().newInstance();

            assertThatCode(normalizeOnce::run).doesNotThrowAnyException();
        }
    }

    /** Loaded by a class loader of its own, where Avro's global class trust starts from its default again. */
    public static final class NormalizeOnce implements Runnable {

        @Override
        public void run() {
            // WireItems builds without copying a record, so only the Normalizer can fail here.
            new Normalizer().normalize(WireItems.aWireItem().titled("Putin meets Tokayev").about(WireItems.TRADE)
                .build());
        }
    }

    private static URL[] testClassPath() throws MalformedURLException {
        final List<URL> urls = new ArrayList<>();
        for (final String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(new File(entry).toURI().toURL());
        }
        return urls.toArray(URL[]::new);
    }
}

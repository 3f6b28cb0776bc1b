package io.newswire.streams.dedup;

import static io.newswire.streams.dedup.KremlinItem.aKremlinItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class FingerprinterTest {

    private static final FingerprintSettings SETTINGS = FingerprintSettings.defaults();
    /** 4.7 KB, 15 paragraphs: Putin meets the Communist Party leader (2018-12-25, "Parties"). */
    private static final KremlinItem ZYUGANOV = aKremlinItem(59513);
    /** The same day and topic: Putin meets the Liberal Democratic Party leader. */
    private static final KremlinItem ZHIRINOVSKY = aKremlinItem(59514);
    /** Putin meets the President of Bulgaria (2019-06-06, "Foreign policy"). */
    private static final KremlinItem RADEV = aKremlinItem(60676);
    /** The same day and topic: Putin meets the Prime Minister of Slovakia. */
    private static final KremlinItem PELLEGRINI = aKremlinItem(60677);

    private final Fingerprinter fingerprinter = new Fingerprinter(SETTINGS);

    @Test
    void shouldGiveIdenticalTextsTheSameFingerprint() {
        final Fingerprint first = fingerprinter.fingerprint(ZYUGANOV.parts());
        final Fingerprint again = new Fingerprinter(SETTINGS).fingerprint(aKremlinItem(59513).parts());

        assertThat(again).isEqualTo(first);
        assertThat(again.similarity(first)).isEqualTo(1.0);
        assertThat(again.bandKeys()).hasSize(SETTINGS.bands()).isEqualTo(first.bandKeys());
    }

    @Test
    void shouldIgnoreWhitespaceCaseTypographyAndSoftHyphens() {
        final KremlinItem retyped = ZYUGANOV.rewritten(part -> part
            .replace('\'', '\u2019')
            .replace(" ", "  ")
            .replace(", ", ",\u00A0")
            .replace("-", "\u2013")
            .replace("Duma", "Du\u00ADma")
            .replace("percent", "per\u200Bcent")
            .toUpperCase(Locale.ROOT));

        assertThat(retyped.text()).isNotEqualTo(ZYUGANOV.text());
        assertThat(fingerprinter.fingerprint(retyped.parts())).isEqualTo(fingerprinter.fingerprint(ZYUGANOV.parts()));
        assertThat(fingerprinter.fingerprint(String.join("\r\n\r\n", ZYUGANOV.parts())))
            .isEqualTo(fingerprinter.fingerprint(ZYUGANOV.parts()));
    }

    @Test
    void shouldFindACopyWithANewTitleAndAParagraphDroppedAboveTheDuplicateThreshold() {
        final KremlinItem copy = ZYUGANOV.retitled("Putin and Zyuganov discuss poverty, the regions and the Komsomol")
            .withoutParagraph(9);

        final Fingerprint original = fingerprinter.fingerprint(ZYUGANOV.parts());
        final Fingerprint copied = fingerprinter.fingerprint(copy.parts());

        assertThat(copied.similarity(original)).isGreaterThanOrEqualTo(DedupSettings.DEFAULT_DUPLICATE_SIMILARITY).isLessThan(1.0);
        assertThat(sharedBands(original, copied)).isNotEmpty();
    }

    @Test
    void shouldFindACorrectionOfANumberAndAFewWordsAboveTheUpdateThreshold() {
        final KremlinItem correction = ZYUGANOV
            .correcting(8, "90,000 rubles", "95,000 rubles")
            .correcting(8, "A wonderful children\u2019s centre", "A new children\u2019s centre")
            .correcting(8, "Many ministers", "Several ministers");

        final Fingerprint original = fingerprinter.fingerprint(ZYUGANOV.parts());
        final Fingerprint corrected = fingerprinter.fingerprint(correction.parts());

        assertThat(corrected.similarity(original)).isGreaterThanOrEqualTo(DedupSettings.DEFAULT_UPDATE_SIMILARITY).isLessThan(1.0);
        assertThat(sharedBands(original, corrected)).isNotEmpty();
    }

    @Test
    void shouldFindUnrelatedItemsOfTheSameDayAndTopicDissimilar() {
        assertThat(ZHIRINOVSKY.date()).isEqualTo(ZYUGANOV.date());
        assertThat(ZHIRINOVSKY.topics()).isEqualTo(ZYUGANOV.topics());
        assertThat(PELLEGRINI.date()).isEqualTo(RADEV.date());
        assertThat(PELLEGRINI.topics()).isEqualTo(RADEV.topics());

        final Fingerprint zyuganov = fingerprinter.fingerprint(ZYUGANOV.parts());
        final Fingerprint zhirinovsky = fingerprinter.fingerprint(ZHIRINOVSKY.parts());
        final Fingerprint radev = fingerprinter.fingerprint(RADEV.parts());
        final Fingerprint pellegrini = fingerprinter.fingerprint(PELLEGRINI.parts());

        assertThat(zyuganov.similarity(zhirinovsky)).isLessThan(0.3);
        assertThat(radev.similarity(pellegrini)).isLessThan(0.3);
        assertThat(sharedBands(zyuganov, zhirinovsky)).isEmpty();
        assertThat(sharedBands(radev, pellegrini)).isEmpty();
    }

    @Test
    void shouldEstimateTheJaccardSimilarityOfTheShingleSets() {
        final KremlinItem copy = ZYUGANOV.retitled("Meeting with Gennady Zyuganov").withoutParagraph(7);

        assertThat(similarity(ZYUGANOV, copy)).isCloseTo(jaccard(ZYUGANOV, copy), within(0.1));
        assertThat(similarity(RADEV, PELLEGRINI)).isCloseTo(jaccard(RADEV, PELLEGRINI), within(0.1));
    }

    @Test
    void shouldReadAnItemsPartsAsOneText() {
        assertThat(fingerprinter.fingerprint(ZYUGANOV.parts())).isEqualTo(fingerprinter.fingerprint(ZYUGANOV.text()));
        assertThat(fingerprinter.fingerprint(Arrays.asList("Putin arrived", null, "in Minsk")))
            .isEqualTo(fingerprinter.fingerprint("Putin arrived in Minsk"));
    }

    @Test
    void shouldFingerprintATextShorterThanAShingleByItsWords() {
        final Fingerprint arrived = fingerprinter.fingerprint("Putin arrived.");

        assertThat(fingerprinter.shingleHashes("Putin arrived.")).hasSize(2);
        assertThat(arrived.isEmpty()).isFalse();
        assertThat(arrived.bandKeys()).hasSize(SETTINGS.bands());
        assertThat(fingerprinter.fingerprint("ARRIVED: Putin").similarity(arrived)).isEqualTo(1.0);
        assertThat(fingerprinter.fingerprint("Putin left.").similarity(arrived)).isBetween(0.2, 0.8);
        assertThat(fingerprinter.fingerprint("Lukashenko left.").similarity(arrived)).isZero();
    }

    @Test
    void shouldGiveATextWithoutWordsTheEmptyFingerprint() {
        assertThat(fingerprinter.fingerprint((String) null)).isSameAs(Fingerprint.EMPTY);
        assertThat(fingerprinter.fingerprint(" \n\t ")).isSameAs(Fingerprint.EMPTY);
        assertThat(fingerprinter.fingerprint("\u00AB \u2013 \u2026 ! \u00BB")).isSameAs(Fingerprint.EMPTY);
        assertThat(fingerprinter.fingerprint(List.of())).isSameAs(Fingerprint.EMPTY);
    }

    @Test
    void shouldTakeEachChineseCharacterAsAWord() {
        final String text = udhrChinese(1, 2, 3);
        final String spaced = text.chars().mapToObj(c -> String.valueOf((char) c))
            .collect(Collectors.joining(" ")).replace(',', '\uFF0C');

        assertThat(fingerprinter.fingerprint(spaced)).isEqualTo(fingerprinter.fingerprint(text));
    }

    @Test
    void shouldTellCorrectedChineseTextFromUnrelatedChineseText() {
        final String text = udhrChinese(1, 2, 3);
        // "the highest aspiration of the common people" becomes "the common aspiration of all peoples".
        final String corrected = text.replace("普通人民的最高愿望", "各国人民的共同愿望");

        assertThat(corrected).isNotEqualTo(text);
        assertThat(fingerprinter.fingerprint(corrected).similarity(fingerprinter.fingerprint(text)))
            .isGreaterThanOrEqualTo(DedupSettings.DEFAULT_DUPLICATE_SIMILARITY).isLessThan(1.0);
        assertThat(fingerprinter.fingerprint(udhrChinese(6)).similarity(fingerprinter.fingerprint(udhrChinese(9))))
            .isLessThan(0.3);
    }

    /**
     * The same text gives the same fingerprint in every JVM and on every replay of news.raw: no seed is drawn at run
     * time. A change here changes every stored fingerprint; it must be a decision, with a migration.
     */
    @Test
    void shouldGiveTheFingerprintItGaveWhenItWasWritten() {
        final Fingerprint fingerprint = fingerprinter.fingerprint(RADEV.paragraphs().get(0));

        assertThat(Arrays.copyOf(fingerprint.signature(), 4)).containsExactly(-1128302121, -381955930, -1892235582,
            1573190033);
        assertThat(fingerprint.bandKeys().subList(0, 2)).containsExactly("b00:84d589943440972e", "b01:efd5b8065d81e004");
    }

    private double similarity(final KremlinItem a, final KremlinItem b) {
        return fingerprinter.fingerprint(a.parts()).similarity(fingerprinter.fingerprint(b.parts()));
    }

    /** The exact Jaccard similarity of the two items' shingle sets, which the fingerprints estimate. */
    private double jaccard(final KremlinItem a, final KremlinItem b) {
        final Set<Long> left = hashSet(fingerprinter.shingleHashes(a.text()));
        final Set<Long> right = hashSet(fingerprinter.shingleHashes(b.text()));
        final Set<Long> union = new HashSet<>(left);
        union.addAll(right);
        left.retainAll(right);
        return (double) left.size() / union.size();
    }

    private static Set<Long> hashSet(final long[] hashes) {
        return Arrays.stream(hashes).boxed().collect(Collectors.toCollection(HashSet::new));
    }

    private static Set<String> sharedBands(final Fingerprint a, final Fingerprint b) {
        final Set<String> shared = new HashSet<>(a.bandKeys());
        shared.retainAll(b.bandKeys());
        return shared;
    }

    /**
     * Chinese paragraphs of the Universal Declaration of Human Rights, kept for the language tests (MIT, see
     * {@code enrich/eval/udhr-snippets.LICENSE}), joined by line breaks.
     */
    private static String udhrChinese(final int... snippets) {
        final String resource = "/io/newswire/streams/enrich/eval/udhr-snippets.jsonl";
        final Set<String> ids = Arrays.stream(snippets).mapToObj(n -> "udhr-zh-" + n).collect(Collectors.toSet());
        final StringBuilder text = new StringBuilder();
        final ObjectMapper json = new ObjectMapper();
        try (InputStream in = Objects.requireNonNull(FingerprinterTest.class.getResourceAsStream(resource), resource);
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                final JsonNode snippet = json.readTree(line);
                if (ids.contains(snippet.path("id").asText())) {
                    snippet.path("paragraphs").forEach(paragraph -> text.append(paragraph.asText()).append('\n'));
                }
            }
        } catch (final IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
        assertThat(text).as("UDHR snippets %s", ids).isNotEmpty();
        return text.toString();
    }
}

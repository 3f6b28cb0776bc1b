package io.newswire.streams.enrich;

import static io.newswire.streams.testing.WireItems.theSeedTranscript;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import opennlp.tools.langdetect.LanguageDetectorContextGenerator;
import opennlp.tools.langdetect.LanguageDetectorFactory;

/**
 * {@link LanguageNgrams} must give exactly the features OpenNLP's own context generator gives (the one
 * {@code LanguageDetectorME} uses with langdetect-183), or the model's accuracy figures would no longer hold.
 */
class LanguageNgramsTest {

    private static final LanguageDetectorContextGenerator OPENNLP = new LanguageDetectorFactory().getContextGenerator();

    /** Texts that wake each of OpenNLP's normalization passes, and texts that look close but must not. */
    static Stream<String> tricky() {
        return Stream.of(
                "",
                "   ",
                "Read more at https://en.kremlin.ru/events/president/news/66415 and http://kremlin.ru?a=1&b=2 now",
                "Write to press@kremlin.ru or to a.b-c+d@mail.example.org; not to @ alone or x@y",
                "#Russia #Kazakhstan @KremlinRussia_E: talks in Moscow #CSTO",
                "RT @user: rt: RT RT text; art start rtist Rt:done _rt here épart rt",
                "Smiles :) :-) ;-( xD XP x-o :P ;o and words: export, expect, next), box(",
                "hahaha HAHA jajaja hehe jiji hoho ha he hai h j haaah jha",
                "On 21 August 2021 at 12:00, 3,500 people; 1990s; ٣٤ and ४२ are not ASCII digits",
                "Tabs\t\tand  spaces \n\n new\r\nlines\u000B\f end ",
                "Sooooo gooood!!! ...... AAAaaa ÄÄä ßßß ---- Oo0",
                "Emoji 😀😀😀 flags 🇷🇺🇰🇿 and a lone \uD83D surrogate \uDE00 here",
                "İstanbul ve İzmir'de ISPARTA; ΟΔΥΣΣΕΥΣ σοφός; Straße GROSS",
                "Владимир Путин: Касым-Жомарт Кемелевич, добрый день! 2021 год.",
                "习近平同中国共产党的领导人举行会谈。２０２１年",
                "قال الرئيس إن المحادثات كانت مثمرة في عام 2021",
                Samples.ITALIAN, Samples.ENGLISH, Samples.RUSSIAN, Samples.GERMAN, Samples.FRENCH, Samples.SPANISH);
    }

    @ParameterizedTest
    @MethodSource("tricky")
    void shouldGiveTheNgramsOpenNlpGives(final String text) {
        assertThat(set(LanguageNgrams.of(text))).isEqualTo(openNlp(text));
    }

    @Test
    void shouldGiveTheNgramsOpenNlpGivesForTheSeedTranscript() {
        final String text = ItemText.of(theSeedTranscript());

        assertThat(set(LanguageNgrams.of(text))).isEqualTo(openNlp(text));
    }

    @Test
    void shouldGiveTheNgramsOpenNlpGivesForRandomTextsOfTrickyCharacters() {
        // Characters each normalization pass looks at, in random runs: the guards must never skip a pass that
        // would have changed the text.
        final String[] alphabet = {"a", "A", "e", "i", "o", "u", "h", "H", "j", "J", "x", "X", "r", "R", "t", "T",
            "d", "D", "p", "P", ":", ";", "-", "(", ")", "#", "@", "_", ".", "/", "0", "7", " ", "  ", "\t", "\n",
            "\r", "é", "É", "İ", "ß", "ς", "Σ", "中", "😀", "\uD83D", "\uDE00", "http://", "https://x.y", "-", "２",
            "\uE000", "\uFEFF", "\uD83B", "\uD83C", "\uDFFF", "\uDBFF\uDC00", "\uDBFF\uDC01", "\uDBFF\uDFFF",
            "\uD800\uDC00", "\u0301", "٣"};
        final Random random = new Random(20210821L);
        for (int round = 0; round < 5000; round++) {
            final StringBuilder text = new StringBuilder();
            final int pieces = random.nextInt(40);
            for (int i = 0; i < pieces; i++) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            final String sample = text.toString();
            if (keepsSurrogates(sample)) {
                // OpenNLP's own pass can throw there (shouldNotThrowWhereOpenNlpsRegexWould); compared apart.
                continue;
            }
            assertThat(set(LanguageNgrams.of(sample))).as("text %s", escaped(sample)).isEqualTo(openNlp(sample));
        }
    }

    @Test
    void shouldNotThrowWhereOpenNlpsRegexWould() {
        // U+10FC01 is past the emoji pass's range; Java 17's case-insensitive back-reference in OpenNLP's
        // repeated-character pass reads past the end of such a text.
        final String text = "ab \uDBFF\uDC01\uDBFF\uDC01";

        assertThat(LanguageNgrams.normalize(text)).isEqualTo(text);
        assertThat(LanguageNgrams.shortenRepeats("x\uDBFF\uDC01\uDBFF\uDC01\uDBFF\uDC01"))
                .isEqualTo("x\uDBFF\uDC01\uDBFF\uDC01");
    }

    @Test
    void shouldListEachNgramOnce() {
        final String[] ngrams = LanguageNgrams.of("abab abab");

        assertThat(ngrams).doesNotHaveDuplicates().contains("a", "b", " ", "ab", "ba", "b ", " a", "aba", "bab");
    }

    private static Set<String> openNlp(final String text) {
        final Set<String> grams = new HashSet<>();
        for (final CharSequence gram : OPENNLP.getContext(text)) {
            grams.add(gram.toString());
        }
        return grams;
    }

    /** Surrogates that OpenNLP's emoji pass leaves: lone ones below U+D83C and pairs above U+10FC00. */
    private static boolean keepsSurrogates(final String text) {
        return LanguageNgrams.replaceEmojiClass(text).chars().anyMatch(c -> Character.isSurrogate((char) c));
    }

    private static Set<String> set(final String[] grams) {
        return new HashSet<>(Arrays.asList(grams));
    }

    private static String escaped(final String text) {
        final StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c < 32 || c > 126 ? String.format("\\u%04X", c) : String.valueOf((char) c)));
        return out.toString();
    }
}

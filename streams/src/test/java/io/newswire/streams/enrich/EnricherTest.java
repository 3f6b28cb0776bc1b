package io.newswire.streams.enrich;

import static io.newswire.streams.testing.WireItems.aWireItem;
import static io.newswire.streams.testing.WireItems.theSeedTranscript;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.newswire.schema.TopicScore;
import io.newswire.schema.WireItem;

class EnricherTest {

    private static Enricher enricher;
    private static ExecutorService threads;

    @BeforeAll
    static void loadModelsOnce() {
        enricher = Enricher.create(EnrichmentSettings.defaults());
        threads = Executors.newFixedThreadPool(4);
    }

    @AfterAll
    static void stopThreads() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Test
    void shouldDetectItalianInTheSeedTranscript() {
        final Enrichment enrichment = enricher.enrich(theSeedTranscript());

        assertThat(enrichment.language()).isEqualTo("it");
        assertThat(enrichment.languageConfidence()).isBetween(EnrichmentSettings.DEFAULT_MIN_LANGUAGE_CONFIDENCE, 1.0);
    }

    @Test
    void shouldListTheSeedSpeakersAsPersons() {
        final Enrichment enrichment = enricher.enrich(theSeedTranscript());

        assertThat(enrichment.speakers()).containsExactly("Vladimir Putin", "Kassym-Zhomart Tokayev");
        assertThat(enrichment.entities().getPersons()).containsExactly("Vladimir Putin", "Kassym-Zhomart Tokayev");
    }

    @Test
    void shouldFindTheSeedCountriesOrganizationsAndPlaces() {
        final Enrichment enrichment = enricher.enrich(theSeedTranscript());

        assertThat(enrichment.entities().getCountries()).contains("RU", "KZ", "AF").doesNotHaveDuplicates();
        assertThat(enrichment.entities().getOrganizations()).contains("SCO", "CSTO", "EAEU");
        assertThat(enrichment.entities().getPlaces()).contains("Moscow", "Nur-Sultan");
    }

    @Test
    void shouldScoreTheSeedAsSecurityAndTrade() {
        final Enrichment enrichment = enricher.enrich(theSeedTranscript());

        assertThat(enrichment.topics()).extracting(TopicScore::getName).contains("security", "trade");
        assertThat(enrichment.topics()).allSatisfy(topic ->
                assertThat(topic.getScore()).isBetween(EnrichmentSettings.DEFAULT_TOPIC_THRESHOLD, 1.0));
        assertThat(enrichment.topics()).extracting(TopicScore::getScore).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void shouldKeepRolesInSpeakersButNotInPersons() {
        final WireItem item = aWireItem()
                .turn("President of Russia Vladimir Putin", "Good afternoon, colleagues.")
                .turn("Question", "Mr President, what about the talks?")
                .turn("Vladimir Putin", "They went well.")
                .build();

        final Enrichment enrichment = enricher.enrich(item);

        assertThat(enrichment.speakers()).containsExactly("President of Russia Vladimir Putin", "Question",
                "Vladimir Putin");
        assertThat(enrichment.entities().getPersons()).containsExactly("Vladimir Putin");
    }

    @Test
    void shouldGiveAChineseHeadlineTheLexiconCannotPlaceATopicFromTheSecondStage() {
        // A star's name and nothing else: no word of the lexicon (written for this test).
        final WireItem item = aWireItem().titled("郑伊健与妻子同游巴黎").about(List.of()).build();
        final Enricher without = Enricher.create(EnrichmentSettings.defaults().withTopicEmbedding(false));

        assertThat(without.enrich(item).topics()).as("the lexicon alone").isEmpty();
        final List<TopicScore> topics = enricher.enrich(item).topics();
        assertThat(topics).extracting(TopicScore::getName).containsExactly("culture");
        assertThat(topics.get(0).getIptc()).as("the taxonomy's code").isNotBlank();
    }

    @Test
    void shouldLoadTheSecondStageOnceAndGoOnWithoutItWhenItCannotLoad() {
        final AtomicInteger loads = new AtomicInteger();
        final Supplier<TopicEmbedding> failing = TopicEmbedding.lazily(() -> {
            loads.incrementAndGet();
            throw new UnsatisfiedLinkError("no onnxruntime for this platform");
        });
        final Enricher withoutModel = new Enricher(new ScriptLanguageDetector(text -> DetectedLanguage.unknown()),
                EntityFinder.load(), new TopicClassifier(TopicLexicon.bundled(), TopicScoring.DEFAULT, 0.5)
                        .withSecondStage("zh", failing));
        final WireItem item = aWireItem().titled("郑伊健与妻子同游巴黎").about(List.of()).build();

        assertThat(withoutModel.enrich(item).topics()).as("the lexicon's topics (none), no failure").isEmpty();
        assertThat(withoutModel.enrich(item).topics()).isEmpty();
        assertThat(loads).as("one attempt, not one per item").hasValue(1);
    }

    @Test
    void shouldGiveNoLanguageNorTopicsForAnEmptyItem() {
        final Enrichment enrichment = enricher.enrich(aWireItem().untitled().undated().build());

        assertThat(enrichment.language()).isNull();
        assertThat(enrichment.languageConfidence()).isZero();
        assertThat(enrichment.speakers()).isEmpty();
        assertThat(enrichment.topics()).isEmpty();
        assertThat(enrichment.entities().getCountries()).isEmpty();
    }

    @Test
    void shouldBeDeterministic() {
        final WireItem seed = theSeedTranscript();

        assertThat(enricher.enrich(seed)).isEqualTo(enricher.enrich(seed));
        assertThat(Enricher.create(EnrichmentSettings.defaults()).enrich(seed)).isEqualTo(enricher.enrich(seed));
    }

    @Test
    void shouldGiveTheSameResultsWhenSharedBetweenThreads() throws Exception {
        final List<WireItem> items = List.of(theSeedTranscript(), Samples.securityItem(), Samples.tradeItem(),
                Samples.securityAndTradeItem());
        final List<Enrichment> expected = items.stream().map(enricher::enrich).toList();
        final List<Future<List<Enrichment>>> runs = new ArrayList<>();
        for (int run = 0; run < 8; run++) {
            runs.add(threads.submit(() -> {
                final List<Enrichment> results = new ArrayList<>();
                for (int round = 0; round < 20; round++) {
                    results.clear();
                    items.forEach(item -> results.add(enricher.enrich(item)));
                }
                return results;
            }));
        }

        for (final Future<List<Enrichment>> run : runs) {
            assertThat(run.get(60, TimeUnit.SECONDS)).isEqualTo(expected);
        }
    }

    @Test
    void shouldUseATopicLexiconGivenInTheSettings() throws URISyntaxException {
        final Path lexicon = Path.of(EnricherTest.class.getResource("/enrich/custom-topics.tsv").toURI());
        final Enricher custom = Enricher.create(EnrichmentSettings.defaults().withTopicLexicon(lexicon));
        final WireItem item = aWireItem()
                .titled("Cosmonauts return to Earth")
                .paragraph("The rocket carrying two cosmonauts left orbit this morning; the cosmonauts are well.")
                .build();

        final Enrichment enrichment = custom.enrich(item);

        assertThat(enrichment.topics()).extracting(TopicScore::getName).containsExactly("space");
    }

    @Test
    void shouldNameTheFileWhenATopicLexiconCannotBeRead() {
        final EnrichmentSettings settings = EnrichmentSettings.defaults()
                .withTopicLexicon(Path.of("/no/such/topics.tsv"));

        assertThatThrownBy(() -> Enricher.create(settings)).hasMessageContaining("/no/such/topics.tsv");
    }
}

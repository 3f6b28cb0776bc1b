package io.newswire.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.newswire.schema.TopicScore;

/**
 * General news, not Kremlin transcripts: headlines and flashes in several languages, written for this test (none is
 * from the development sets), classified the way the enricher does it, with the bundled lexicon and English model.
 */
class GeneralNewsTopicsTest {

    private static final TopicClassifier CLASSIFIER = new TopicClassifier(TopicLexicon.bundled(),
            TopicScoring.DEFAULT, EnrichmentSettings.DEFAULT_TOPIC_THRESHOLD, List.of(TopicModel.bundled("en")));

    private static List<String> topicsOf(final String language, final String headline) {
        return CLASSIFIER.classify(language, headline, headline).stream().map(TopicScore::getName).toList();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "en | Hearts 2-1 Livingston | sport",
        "en | Bayern 3:0 Dortmund | sport",
        "en | Arsenal through on penalties | sport",
        "en | Vodafone shares jump as quarterly profit beats forecasts | economy",
        "en | Dollar slides as Fed signals rate cut | economy",
        "en | Madonna's new album tops the charts | culture",
        "pt | Flamengo vence o Palmeiras e assume a liderança do Brasileirão | sport",
        "pt | Ibovespa fecha em alta com ações de bancos | economy",
        "fr | La banque centrale relève ses taux d'intérêt pour freiner l'inflation | economy",
        "tr | Merkez Bankası faiz kararını açıkladı | economy",
        "tr | Galatasaray deplasmanda galibiyetle döndü | sport",
        "ru | Индекс Мосбиржи упал на 2% на фоне снижения котировок | economy",
        "ru | Новый сериал режиссера выйдет в кинотеатрах весной | culture",
        "de | DAX schließt im Plus, Bankaktien gefragt | economy",
        "de | Siemens steigert Gewinn im dritten Quartal | economy",
        "de | Bayern gewinnt gegen Dortmund im Elfmeterschießen | sport",
        "de | Neuer Roman der Nobelpreisträgerin erscheint im Herbst | culture",
        "de | Grippewelle: Krankenhäuser in Bayern am Limit | health",
        "zh | 沪指午盘上涨 券商板块领涨 | economy",
        "zh | 易建联伤愈复出 主场击败对手 | sport",
        "zh | 新专辑首发 演唱会门票售罄 | culture",
    })
    void shouldGiveAHeadlineTheTopicItsWordsSay(final String language, final String headline, final String topic) {
        assertThat(topicsOf(language, headline)).contains(topic);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "en | Apple unveils new iPhone with faster chip and longer battery life",
        "en | NASA telescope spots the most distant galaxy yet",
        "pt | Nova versão do aplicativo permite editar mensagens enviadas",
        "de | Künstliche Intelligenz: Software erkennt Hautkrebs",
        "tr | Yeni akıllı telefon yapay zeka destekli kamerayla geliyor",
        "fr | Des chercheurs découvrent une planète semblable à la Terre",
        "ru | Учёные обнаружили новую планету у ближайшей звезды",
        "zh | 科学家发现迄今最遥远的星系",
    })
    void shouldGiveTechnologyAndScienceTheirOwnTopicNotEconomyOrCulture(final String language,
                                                                        final String headline) {
        assertThat(topicsOf(language, headline)).contains("technology").doesNotContain("economy", "culture");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "en | Samsung quarterly profit falls 30% as chip prices slump",
        "tr | Apple hisseleri rekor kâr açıklamasının ardından yükseldi",
        "pt | Ações da Apple sobem após lucro recorde no trimestre",
    })
    void shouldKeepTheBusinessOfTechnologyCompaniesInEconomy(final String language, final String headline) {
        assertThat(topicsOf(language, headline)).contains("economy");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Windows 3.1 Released Today",
        "Talks resume at 10:30 GMT in Geneva",
        "Parliament votes 12-3 to approve the budget",
    })
    void shouldNotTakeVersionsTimesOrVotesForResults(final String headline) {
        assertThat(ScoreLine.count(headline)).isZero();
    }

    @Test
    void shouldCountEveryResultsLine() {
        assertThat(ScoreLine.count("Celtic 2-0 Rangers; Hibernian 1–1 Aberdeen")).isEqualTo(2);
    }

    @Test
    void shouldWeighTheFewWordsOfAShortItemMore() {
        final List<TermHits> oneWordInTheTitle = List.of(new TermHits("sport", 1.5, 1, 1));
        final double headline = TopicScoring.DEFAULT.scores(List.of("sport"), oneWordInTheTitle, 6).get("sport");
        final double story = TopicScoring.DEFAULT.scores(List.of("sport"), oneWordInTheTitle, 200).get("sport");
        final double flash = TopicScoring.DEFAULT.scores(List.of("sport"), oneWordInTheTitle, 1).get("sport");

        assertThat(headline).isGreaterThanOrEqualTo(EnrichmentSettings.DEFAULT_TOPIC_THRESHOLD);
        assertThat(story).isLessThan(EnrichmentSettings.DEFAULT_TOPIC_THRESHOLD);
        assertThat(flash).as("the boost is capped").isEqualTo(headline);
    }

    @Test
    void shouldCountAboutOneWordEveryTwoHanCharacters() {
        assertThat(TopicClassifier.words(Token.of("沪指午盘上涨 券商板块领涨"))).isEqualTo(6);
        assertThat(TopicClassifier.words(Token.of("Shares rose in Shanghai"))).isEqualTo(4);
    }

    @Test
    void shouldLetTheLexiconSpeakWhereTheItemIsUnlikeTheModelsTrainingData() {
        final String title = "Shares and profits: dividend raised after quarterly earnings";
        final Set<String> everyWord = TopicModel.counts(Token.of(title)).keySet();

        assertThat(economy(withModel(Set.of(), 6.0), title))
                .as("an item of words the model never saw keeps the lexicon's sure economy score")
                .isGreaterThanOrEqualTo(TopicClassifier.LEXICON_SURE);
        assertThat(economy(withModel(everyWord, 6.0), title))
                .as("an item the model knows every word of, and is sure about, gets the model's economy probability")
                .isLessThan(0.01);
        assertThat(economy(withModel(everyWord, -6.0), title))
                .as("a headline of known words that leaves the model quiet keeps the lexicon's sure score")
                .isGreaterThanOrEqualTo(TopicClassifier.LEXICON_SURE);
    }

    private static double economy(final TopicClassifier classifier, final String title) {
        return classifier.scores("en", Token.of(title), Token.of(title)).get("economy");
    }

    @Test
    void shouldMeasureFamiliarityAsTheShareOfWordsTheModelKnows() {
        final TopicModel model = new TopicModel("en", List.of("economy"), new double[] {0.0}, Map.of(),
                Map.of("shares", new TopicModel.Feature(1.0, new float[] {1f})), Map.of(), Set.of("the"));

        assertThat(model.familiarity(Token.of("The shares of Arsenal"))).as("the, shares known; of, arsenal not")
                .isEqualTo(0.5);
        assertThat(model.familiarity(Token.of("Arsenal"))).isEqualTo(0.0);
        assertThat(model.familiarity(Token.of("2-1"))).as("no words at all").isEqualTo(0.0);
    }

    /** A model at economy -6 (p = 0.0025) and diplomacy at the given bias, knowing the given words with no weight. */
    private static TopicClassifier withModel(final Set<String> known, final double diplomacyBias) {
        final Map<String, TopicModel.Feature> features = new HashMap<>();
        known.forEach(word -> features.put(word, new TopicModel.Feature(1.0, new float[] {0f, 0f})));
        final TopicModel model = new TopicModel("en", List.of("economy", "diplomacy"),
                new double[] {-6.0, diplomacyBias}, Map.of(), features, Map.of());
        return new TopicClassifier(TopicLexicon.bundled(), TopicScoring.DEFAULT,
                EnrichmentSettings.DEFAULT_TOPIC_THRESHOLD, List.of(model));
    }
}

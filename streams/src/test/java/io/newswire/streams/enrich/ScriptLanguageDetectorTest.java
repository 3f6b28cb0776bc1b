package io.newswire.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Headlines and flashes whose script settles their language, and those it must leave to the model. */
class ScriptLanguageDetectorTest {

    /** A model that never knows: what the script leaves undecided stays unknown. */
    private final ScriptLanguageDetector detector = new ScriptLanguageDetector(text -> DetectedLanguage.unknown());

    @ParameterizedTest
    @CsvSource({
        "'国足1-0战胜叙利亚 晋级世界杯十二强赛', zh",
        "'央行下调存款准备金率0.5个百分点', zh",
        "'東京株式市場、日経平均が大幅反落', ja",
        "'한국은행, 기준금리 동결', ko",
        "'البنك المركزي يرفع أسعار الفائدة', ar",
        "'بانک مرکزی نرخ بهره را افزایش داد', fa",
        "'اسٹیٹ بینک نے شرح سود بڑھا دی', ur",
        "'Центробанк повысил ключевую ставку', ru",
        "'Нацбанк України підвищив облікову ставку', uk",
        "'Η Κεντρική Τράπεζα αυξάνει τα επιτόκια', el",
        "'בנק ישראל העלה את הריבית', he",
        "'ธนาคารกลางขึ้นดอกเบี้ย', th",
        "'საქართველოს ეროვნული ბანკი', ka"})
    void shouldSettleTheLanguageFromTheScriptAlone(final String headline, final String language) {
        final DetectedLanguage detected = detector.detect(headline);
        assertThat(detected.language()).isEqualTo(language);
        assertThat(detected.confidence()).isEqualTo(1.0);
    }

    @ParameterizedTest
    @CsvSource({
        "'Arsenal through on penalties'",
        "'Банка повиши лихвите'",
        "'Ұлттық банк базалық мөлшерлемені көтерді'",
        "'Народна банка Србије повећала каматну стопу'",
        "'Нацбанк павысіў стаўку'",
        "'ناوەندی بانک'",
        "'NBA季'",
        "'Xi Jinping 习近平 meets the delegation in Beijing today'",
        "'12:45 — 3,5 %'"})
    void shouldLeaveToTheModelWhatTheScriptDoesNotSettle(final String text) {
        assertThat(detector.detect(text).isKnown()).as(text).isFalse();
    }

    @Test
    void shouldAskTheModelForLatinScript() {
        final ScriptLanguageDetector withModel = new ScriptLanguageDetector(text -> new DetectedLanguage("en", 0.9));
        assertThat(withModel.detect("The central bank raised rates").language()).isEqualTo("en");
        assertThat(withModel.detect("央行下调存款准备金率").language()).isEqualTo("zh");
        assertThat(withModel.detect(null).isKnown()).isFalse();
    }
}

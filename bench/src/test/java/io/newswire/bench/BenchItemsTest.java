package io.newswire.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.newswire.schema.WireItem;
import io.newswire.streams.enrich.ItemText;

/** The benchmark inputs are what their names say, so a figure in bench/README.md means what it claims. */
class BenchItemsTest {

    @Test
    void shouldParseTheSeedTranscriptWithTheProducersParser() {
        final WireItem seed = BenchItems.normalized(BenchItems.SEED_IT);

        assertThat(seed.getTitle()).isNotBlank();
        assertThat(seed.getTurns()).isNotEmpty();
        assertThat(seed.getDateline().getPlace()).isEqualTo("Mosca");
    }

    @Test
    void shouldBuildEnglishItemsOfAboutTheirNamedSize() {
        assertThat(ItemText.of(BenchItems.normalized(BenchItems.EN_4K)).length()).isBetween(4096, 4096 + 1024);
        assertThat(ItemText.of(BenchItems.normalized(BenchItems.EN_10K)).length()).isBetween(10240, 10240 + 1024);
    }

    @Test
    void shouldKeepEverySampleParagraphAsRealCopy() {
        final WireItem tenK = BenchItems.normalized(BenchItems.EN_10K);

        assertThat(BenchItems.englishSamples()).hasSize(5);
        assertThat(tenK.getBody()).allSatisfy(paragraph -> assertThat(paragraph).isNotBlank());
    }
}

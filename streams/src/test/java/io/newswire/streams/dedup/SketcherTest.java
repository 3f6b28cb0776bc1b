package io.newswire.streams.dedup;

import static io.newswire.streams.testing.WireItems.aWireItem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import io.newswire.schema.DedupSketch;
import io.newswire.schema.EnrichedItem;
import io.newswire.schema.WireItem;
import io.newswire.streams.PipelineConfig;
import io.newswire.streams.enrich.Enricher;
import io.newswire.streams.stage.Normalizer;
import io.newswire.streams.stage.RouteDecider;
import io.newswire.streams.stage.StatelessPipeline;
import io.newswire.streams.testing.WireItems;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the sketch of an item holds, from items enriched as the topology enriches them. */
class SketcherTest {

    private static final Sketcher SKETCHER = new Sketcher(new Fingerprinter(FingerprintSettings.defaults()));
    private static StatelessPipeline stages;

    @BeforeAll
    static void loadModels() {
        final PipelineConfig config = PipelineConfig.defaults();
        stages = new StatelessPipeline(new Normalizer(), Enricher.create(config.enrichment()),
            new RouteDecider(config.routes()));
    }

    @Test
    void shouldSketchTheSeedTranscriptWithWhatTranslationsOfItShare() {
        final DedupSketch sketch = sketch(WireItems.theSeedTranscript(), 7L, 2, 41L);

        assertThat(sketch.getEventTime()).isEqualTo(7L);
        assertThat(sketch.getSourcePartition()).isEqualTo(2);
        assertThat(sketch.getSourceOffset()).isEqualTo(41L);
        assertThat(sketch.getLanguage()).isEqualTo("it");
        assertThat(sketch.getEventKeys()).contains("2021-08-21|Moscow", "2021-08-21|Vladimir Putin",
            "2021-08-21|Kassym-Zhomart Tokayev");
        assertThat(sketch.getNames()).contains("Vladimir Putin", "Kassym-Zhomart Tokayev", "KZ");
        assertThat(sketch.getSignature().remaining()).as("128 values of 4 bytes, not Base64").isEqualTo(512);
        assertThat(sketch.getWords()).isGreaterThan(300);
        assertThat(sketch.getCorrected()).isFalse();
        assertThat(sketch.getDecision()).isNull();
        assertThat(sketch.getStoryId()).isNull();
    }

    @Test
    void shouldGiveACopyWithMarkupTheSameSignatureButNotTheSameContentHash() {
        final List<String> body = List.of(WireItems.TRADE.get(0), WireItems.TRADE.get(1));
        final DedupSketch plain = sketch(aWireItem().withId("a").titled("Trade talks").about(body).build(), 0, 0, 0);
        final DedupSketch marked = sketch(aWireItem().withId("b").titled("Trade talks (updated)")
            .about(List.of("<p>" + body.get(0) + "</p>", body.get(1) + " &nbsp;")).build(), 0, 0, 1);

        assertThat(marked.getSignature()).isEqualTo(plain.getSignature());
        assertThat(marked.getContentHash()).isNotEqualTo(plain.getContentHash());
    }

    @Test
    void shouldReadTheFiguresOfTheStoryNotThoseOfShortCaptions() {
        final List<String> numbers = Sketcher.numbers(null, List.of(
            "The ministers agreed that the trade turnover of 1,500 million dollars should double by 2030 at least.",
            "Photo 12 of 40.",
            "Exports reached 1 500 million dollars, and 2.5 percent of them went to the region of the twelve ports."));

        assertThat(numbers).containsExactly("1500", "2030", "2.5");
    }

    @Test
    void shouldFlagAHeadlineThatSaysItCorrects() {
        assertThat(sketch(aWireItem().withId("c").titled("CORRECTED: Trade talks").about(WireItems.TRADE).build(),
            0, 0, 0).getCorrected()).isTrue();
        assertThat(sketch(aWireItem().withId("d").titled("Correctional facility opens").about(WireItems.TRADE)
            .build(), 0, 0, 0).getCorrected()).isFalse();
    }

    @Test
    void shouldHaveNoEventKeysWithoutADatelineDate() {
        assertThat(sketch(aWireItem().withId("e").titled("Trade talks").about(WireItems.TRADE).undated().build(),
            0, 0, 0).getEventKeys()).isEmpty();
    }

    private static DedupSketch sketch(final WireItem item, final long eventTime, final int partition,
                                      final long offset) {
        final EnrichedItem enriched = stages.route(stages.enrich(stages.normalize(item), Instant.EPOCH));
        return SKETCHER.sketch(enriched, eventTime, partition, offset);
    }
}

package io.newswire.streams.dedup;

import static io.newswire.streams.dedup.KremlinItem.aKremlinItem;
import static io.newswire.streams.dedup.SketchBuilder.aSketch;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import io.newswire.schema.DedupSketch;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.Test;

class PostingsTest {

    @Test
    void shouldPostAnItemUnderItsIdContentUrlEventKeysAndEveryBand() {
        final DedupSketch sketch = aSketch("a").of(aKremlinItem(59513).text()).at("http://example.org/a")
            .withEventKeys("2021-08-21|Moscow", "2021-08-21|Vladimir Putin").decided("new", "a").build();

        final Postings.Key[] keys = Postings.keysOf(sketch, SketchBuilder.SETTINGS);

        assertThat(keys).hasSize(1 + 1 + 1 + 2 + SketchBuilder.SETTINGS.bands());
        assertThat(Arrays.stream(keys).map(Postings.Key::kind)).containsSequence(Postings.Kind.ID,
            Postings.Kind.CONTENT, Postings.Kind.URL, Postings.Kind.EVENT, Postings.Kind.EVENT, Postings.Kind.BAND);
        assertThat(Arrays.stream(keys).mapToLong(Postings.Key::hash).distinct().count()).isEqualTo(keys.length);
    }

    @Test
    void shouldPostADuplicateUnderItsIdOnly() {
        final DedupSketch duplicate = aSketch("copy").of(aKremlinItem(59513).text()).decided("duplicate", "a").build();

        assertThat(Postings.keysOf(duplicate, SketchBuilder.SETTINGS)).extracting(Postings.Key::kind)
            .containsExactly(Postings.Kind.ID);
    }

    @Test
    void shouldOrderAKeysPostingsByEventTimeInTheStore() {
        final long key = 42L;
        final Bytes early = Bytes.wrap(Postings.storeKey(key, 1_000L, -1L));
        final Bytes late = Bytes.wrap(Postings.storeKey(key, 2_000L, 0L));

        assertThat(early.compareTo(late)).isNegative();
        assertThat(Bytes.wrap(Postings.lowest(key, 1_000L)).compareTo(early)).isLessThanOrEqualTo(0);
        assertThat(Bytes.wrap(Postings.highest(key, 1_000L)).compareTo(early)).isGreaterThanOrEqualTo(0);
        assertThat(Postings.eventTimeOf(late.get())).isEqualTo(2_000L);
        assertThat(Postings.itemOf(early.get())).isEqualTo(-1L);
    }

    @Test
    void shouldKeepTheArrivalWatermarkAndLanguageInAPostingsValue() {
        final DedupSketch sketch = aSketch("a").arrivedAt(123L).inLanguage("ru").build();

        final byte[] value = Postings.value(sketch);

        assertThat(Postings.arrivalWatermarkOf(value)).isEqualTo(123L);
        assertThat(Postings.languageOf(value)).isEqualTo("ru");
        assertThat(Postings.languageOf(Postings.value(aSketch("b").inLanguage(null).build()))).isNull();
    }
}

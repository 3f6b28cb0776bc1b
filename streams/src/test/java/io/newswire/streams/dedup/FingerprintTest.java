package io.newswire.streams.dedup;

import static io.newswire.streams.dedup.KremlinItem.aKremlinItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class FingerprintTest {

    @Test
    void shouldEstimateSimilarityAsTheShareOfEqualValues() {
        final Fingerprint a = Fingerprint.of(new int[] {1, 2, 3, 4}, 2);
        final Fingerprint b = Fingerprint.of(new int[] {1, 2, 3, 9}, 2);

        assertThat(a.similarity(b)).isEqualTo(0.75);
        assertThat(b.similarity(a)).isEqualTo(0.75);
        assertThat(a.similarity(a)).isEqualTo(1.0);
    }

    @Test
    void shouldGiveOneKeyPerBandNamedByItsIndex() {
        final Fingerprint fingerprint = Fingerprint.of(new int[] {1, 2, 3, 4, 5, 6}, 3);

        assertThat(fingerprint.bandKeys()).hasSize(3)
            .allMatch(key -> key.matches("b0[0-2]:[0-9a-f]{16}"))
            .extracting(key -> key.substring(0, 4)).containsExactly("b00:", "b01:", "b02:");
    }

    @Test
    void shouldShareABandKeyOnlyWhereAllTheBandsValuesAreEqual() {
        final List<String> keys = Fingerprint.of(new int[] {1, 2, 3, 4, 5, 6}, 3).bandKeys();
        final List<String> others = Fingerprint.of(new int[] {1, 2, 3, 7, 5, 6}, 3).bandKeys();

        assertThat(others.get(0)).isEqualTo(keys.get(0));
        assertThat(others.get(1)).isNotEqualTo(keys.get(1));
        assertThat(others.get(2)).isEqualTo(keys.get(2));
    }

    @Test
    void shouldKeepEqualValuesInDifferentBandsApart() {
        final List<String> keys = Fingerprint.of(new int[] {7, 7, 7, 7}, 2).bandKeys();

        assertThat(keys.get(0).substring(4)).isNotEqualTo(keys.get(1).substring(4));
    }

    @Test
    void shouldRoundTripThroughItsBytes() {
        final Fingerprint fingerprint = new Fingerprinter(FingerprintSettings.defaults())
            .fingerprint(aKremlinItem(59513).parts());

        final byte[] bytes = fingerprint.toBytes();

        assertThat(bytes).hasSize(4 * 128);
        assertThat(Fingerprint.fromBytes(java.nio.ByteBuffer.wrap(bytes), 32)).isEqualTo(fingerprint)
            .satisfies(decoded -> assertThat(decoded.bandHashes()).isEqualTo(fingerprint.bandHashes()));
    }

    @Test
    void shouldWriteTheEmptyFingerprintAsNoBytes() {
        assertThat(Fingerprint.EMPTY.toBytes()).isEmpty();
        assertThat(Fingerprint.fromBytes(java.nio.ByteBuffer.allocate(0), 32)).isSameAs(Fingerprint.EMPTY);
    }

    @Test
    void shouldMatchNothingWhenEmpty() {
        final Fingerprint some = Fingerprint.of(new int[] {1, 2}, 1);

        assertThat(Fingerprint.EMPTY.bandKeys()).isEmpty();
        assertThat(Fingerprint.EMPTY.similarity(Fingerprint.EMPTY)).isZero();
        assertThat(Fingerprint.EMPTY.similarity(some)).isZero();
        assertThat(some.similarity(Fingerprint.EMPTY)).isZero();
    }

    @Test
    void shouldRefuseToCompareFingerprintsOfDifferentSizes() {
        final Fingerprint four = Fingerprint.of(new int[] {1, 2, 3, 4}, 2);
        final Fingerprint two = Fingerprint.of(new int[] {1, 2}, 2);

        assertThatThrownBy(() -> four.similarity(two)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("4 and 2 hashes");
    }

    @Test
    void shouldRejectBytesThatAreNotWholeValuesInItsBands() {
        assertThatThrownBy(() -> Fingerprint.fromBytes(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3}), 1))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 bytes");
        assertThatThrownBy(() -> Fingerprint.fromBytes(java.nio.ByteBuffer.allocate(12), 2))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 equal bands");
    }

    @Test
    void shouldRejectASignatureThatDoesNotSplitIntoItsBands() {
        assertThatThrownBy(() -> Fingerprint.of(new int[] {1, 2, 3}, 2)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("3 values").hasMessageContaining("2 equal bands");
        assertThatThrownBy(() -> Fingerprint.of(new int[0], 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldNotChangeWhenTheArraysItWasGivenOrGaveChange() {
        final int[] values = {1, 2, 3, 4};
        final Fingerprint fingerprint = Fingerprint.of(values, 2);

        values[0] = 99;
        fingerprint.signature()[1] = 99;

        assertThat(fingerprint.signature()).containsExactly(1, 2, 3, 4);
    }
}

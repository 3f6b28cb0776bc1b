package io.newswire.schema.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import io.newswire.schema.serde.AvroDecoderPropertiesTest;
import io.newswire.schema.serde.NewswireSerdes;
import org.apache.avro.SystemLimitException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroLimitsTest {

    @Test
    void shouldNameTheLimitsAsAvroDoes() {
        assertThat(AvroLimits.PROPERTIES).containsExactlyInAnyOrder(SystemLimitException.MAX_BYTES_LENGTH_PROPERTY,
            SystemLimitException.MAX_STRING_LENGTH_PROPERTY, SystemLimitException.MAX_COLLECTION_LENGTH_PROPERTY);
    }

    /** The parent pom's argLine sets them as the launcher does; a test JVM without them would test another Avro. */
    @Test
    void shouldRunTheTestsWithTheLimitsTheAppRunsWith() {
        for (final String property : AvroLimits.PROPERTIES) {
            assertThat(System.getProperty(property)).as(property).isEqualTo(Integer.toString(AvroLimits.MAX_LENGTH));
        }
    }

    /** A DedupRequest whose headers map claims one entry more than the limit is refused by the limit itself. */
    @Test
    void shouldRefuseACollectionOverTheLimit() {
        final NewswireSerdes serdes = new NewswireSerdes();
        byte[] bytes = Arrays.copyOf(serdes.dedupRequest().encode(AvroDecoderPropertiesTest.aDedupRequest()), 10);
        // source_partition 1, time 0, sketch null, item null, then the headers map's entry count.
        for (final long value : List.of(1L, 0L, 0L, 0L, AvroLimits.MAX_LENGTH + 1L)) {
            bytes = AvroDecoderPropertiesTest.concat(bytes, AvroDecoderPropertiesTest.zigZagVarint(value));
        }
        final byte[] message = bytes;

        assertThatThrownBy(() -> serdes.dedupRequest().decode(message))
            .isInstanceOf(SerializationException.class)
            .hasRootCauseInstanceOf(SystemLimitException.class)
            .hasMessageContaining(Integer.toString(AvroLimits.MAX_LENGTH));
    }
}

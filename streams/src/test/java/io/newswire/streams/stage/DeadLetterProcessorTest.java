package io.newswire.streams.stage;

import static io.newswire.streams.stage.MockFixedKeyContext.fixedKeyRecord;
import static io.newswire.streams.testing.WireItems.aWireItem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.newswire.schema.DeadLetter;
import io.newswire.schema.WireItem;
import io.newswire.schema.serde.NewswireSerdes;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeadLetterProcessorTest {

    private static final Instant EVENT_TIME = Instant.parse("2021-08-21T10:00:00Z");
    private static final Instant NOW = Instant.parse("2021-08-21T10:00:03.250Z");
    private static final byte[] POISON = "{\"not\": \"avro\"}".getBytes(StandardCharsets.UTF_8);

    private final NewswireSerdes serdes = new NewswireSerdes();
    private final List<Object> encoded = new ArrayList<>();
    private final MockProcessorContext<String, DeadLetter> context = new MockProcessorContext<>();
    private final DeadLetterProcessor<WireItem> processor = new DeadLetterProcessor<>(value -> {
        encoded.add(value);
        return serdes.wireItem().encode((WireItem) value);
    });

    @BeforeEach
    void initProcessor() {
        context.setRecordMetadata("news.raw", 2, 41L);
        context.setCurrentSystemTimeMs(NOW.toEpochMilli());
        processor.init(new MockFixedKeyContext<>(context));
    }

    @Test
    void shouldCarryTheStageTheErrorAndTheOriginalRecord() {
        final SerializationException error = new SerializationException("cannot decode WireItem: bad header");

        processor.process(fixedKeyRecord("poison", Staged.failed("deserialize", error, POISON), EVENT_TIME));

        final DeadLetter dead = onlyForwarded().value();
        assertThat(dead.getStage()).isEqualTo("deserialize");
        assertThat(dead.getError()).isEqualTo("cannot decode WireItem: bad header");
        assertThat(dead.getErrorClass()).isEqualTo("org.apache.kafka.common.errors.SerializationException");
        assertThat(bytes(dead.getOriginal())).isEqualTo(POISON);
        assertThat(dead.getOriginalKey()).isEqualTo("poison");
        assertThat(encoded).as("original bytes at hand: nothing re-encoded").isEmpty();
    }

    @Test
    void shouldSayWhereTheRecordWasRead() {
        processor.process(fixedKeyRecord("poison", Staged.failed("deserialize", new IllegalArgumentException("bad"),
            POISON), EVENT_TIME));

        final DeadLetter dead = onlyForwarded().value();
        assertThat(dead.getTopic()).isEqualTo("news.raw");
        assertThat(dead.getPartition()).isEqualTo(2);
        assertThat(dead.getOffset()).isEqualTo(41L);
        assertThat(dead.getFailedAt()).isEqualTo(NOW);
    }

    @Test
    void shouldKeepTheKeyAndTimestampOfTheFailedRecord() {
        processor.process(fixedKeyRecord("poison", Staged.failed("deserialize", new IllegalArgumentException("bad"),
            POISON), EVENT_TIME));

        final Record<? extends String, ? extends DeadLetter> record = onlyForwarded();
        assertThat(record.key()).isEqualTo("poison");
        assertThat(record.timestamp()).isEqualTo(EVENT_TIME.toEpochMilli());
    }

    @Test
    void shouldEncodeTheLastGoodValueWhenTheOriginalBytesAreGone() {
        final WireItem item = aWireItem().withId("after-repartition").titled("Trade talks").build();
        final Staged<WireItem> failed = Staged.ok(item, null)
            .then("enrich", value -> {
                throw new IllegalStateException("language model missing");
            });

        processor.process(fixedKeyRecord("after-repartition", failed, EVENT_TIME));

        final DeadLetter dead = onlyForwarded().value();
        assertThat(dead.getStage()).isEqualTo("enrich");
        assertThat(dead.getError()).isEqualTo("language model missing");
        assertThat(dead.getErrorClass()).isEqualTo("java.lang.IllegalStateException");
        assertThat(encoded).containsExactly(item);
        assertThat(serdes.wireItem().decode(bytes(dead.getOriginal()))).isEqualTo(item);
    }

    @Test
    void shouldNameTheErrorClassWhenTheErrorHasNoMessage() {
        processor.process(fixedKeyRecord("k", Staged.failed("route", new NullPointerException(), POISON), EVENT_TIME));

        final DeadLetter dead = onlyForwarded().value();
        assertThat(dead.getError()).isEqualTo("java.lang.NullPointerException");
        assertThat(dead.getErrorClass()).isEqualTo("java.lang.NullPointerException");
    }

    @Test
    void shouldDeadLetterWithEmptyBytesWhenThereIsNothingToKeep() {
        processor.process(fixedKeyRecord("tombstone",
            Staged.failed("deserialize", new IllegalArgumentException("record has no value"), null), EVENT_TIME));

        final DeadLetter dead = onlyForwarded().value();
        assertThat(bytes(dead.getOriginal())).isEmpty();
        assertThat(dead.getError()).isEqualTo("record has no value");
        assertThat(encoded).isEmpty();
    }

    @Test
    void shouldStillDeadLetterWhenTheLastGoodValueCannotBeEncoded() {
        final DeadLetterProcessor<WireItem> failingEncoder = new DeadLetterProcessor<>(value -> {
            throw new SerializationException("cannot encode WireItem");
        });
        failingEncoder.init(new MockFixedKeyContext<>(context));
        final Staged<WireItem> failed = Staged.ok(aWireItem().build(), null)
            .fail("dedup", new IllegalStateException("store closed"));

        failingEncoder.process(fixedKeyRecord("item-1", failed, EVENT_TIME));

        final DeadLetter dead = onlyForwarded().value();
        assertThat(dead.getStage()).isEqualTo("dedup");
        assertThat(dead.getError()).isEqualTo("store closed");
        assertThat(bytes(dead.getOriginal())).isEmpty();
    }

    private Record<? extends String, ? extends DeadLetter> onlyForwarded() {
        assertThat(context.forwarded()).hasSize(1);
        return context.forwarded().get(0).record();
    }

    private static byte[] bytes(final ByteBuffer buffer) {
        final ByteBuffer copy = buffer.duplicate();
        final byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}

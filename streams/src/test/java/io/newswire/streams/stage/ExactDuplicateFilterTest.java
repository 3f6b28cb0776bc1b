package io.newswire.streams.stage;

import static io.newswire.streams.stage.MockFixedKeyContext.fixedKeyRecord;
import static io.newswire.streams.testing.EnrichedItemBuilder.anEnrichedItem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.newswire.schema.DedupDecision;
import io.newswire.schema.EnrichedItem;
import io.newswire.streams.testing.WireItems;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExactDuplicateFilterTest {

    private static final String STORE = "seen-content";
    private static final Duration WINDOW = Duration.ofDays(1);
    private static final Instant START = Instant.parse("2021-08-21T10:00:00Z");

    private final MockProcessorContext<String, Staged<DedupOutcome>> context = new MockProcessorContext<>();
    private final ExactDuplicateFilter filter =
        new ExactDuplicateFilter(STORE, WINDOW, EnrichedItem::getContentHash, "normalized content");
    private WindowStore<String, String> store;

    @BeforeEach
    void initFilterWithAStore() {
        // As the topology's store (retention and window size = the dedup window), without a changelog.
        store = Stores.windowStoreBuilder(Stores.inMemoryWindowStore(STORE, WINDOW, WINDOW, false),
                Serdes.String(), Serdes.String())
            .withLoggingDisabled()
            .build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        filter.init(new MockFixedKeyContext<>(context));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void shouldMakeTheFirstItemNewAndItsOwnStory() {
        final EnrichedItem first = anEnrichedItem().withId("first").build();

        final DedupOutcome outcome = process(first, START);

        assertThat(outcome.isDuplicate()).isFalse();
        assertThat(outcome.item().getStoryId()).isEqualTo("first");
        assertThat(outcome.item().getDuplicateOf()).isNull();
        final DedupDecision decision = outcome.decision();
        assertThat(decision.getId()).isEqualTo("first");
        assertThat(decision.getDecision()).isEqualTo(DedupOutcome.NEW);
        assertThat(decision.getStoryId()).isEqualTo("first");
        assertThat(decision.getDuplicateOf()).isNull();
        assertThat(decision.getSimilarity()).isZero();
        assertThat(decision.getReason()).isEqualTo("no item with the same normalized content within the last 1 day");
    }

    @Test
    void shouldMakeTheSameKeyWithinTheWindowADuplicateOfTheFirst() {
        process(anEnrichedItem().withId("first").build(), START);

        final DedupOutcome outcome = process(anEnrichedItem().withId("copy").build(), START.plus(Duration.ofHours(23)));

        assertThat(outcome.isDuplicate()).isTrue();
        assertThat(outcome.item().getId()).isEqualTo("copy");
        assertThat(outcome.item().getDuplicateOf()).isEqualTo("first");
        assertThat(outcome.item().getStoryId()).isEqualTo("first");
        final DedupDecision decision = outcome.decision();
        assertThat(decision.getId()).isEqualTo("copy");
        assertThat(decision.getDecision()).isEqualTo(DedupOutcome.DUPLICATE);
        assertThat(decision.getDuplicateOf()).isEqualTo("first");
        assertThat(decision.getStoryId()).isEqualTo("first");
        assertThat(decision.getSimilarity()).isEqualTo(1.0);
        assertThat(decision.getReason()).isEqualTo("same normalized content as first, seen within the last 1 day");
    }

    @Test
    void shouldKeepOnlyTheFirstIdInTheStore() {
        final EnrichedItem first = anEnrichedItem().withId("first").build();
        process(first, START);
        process(anEnrichedItem().withId("copy").build(), START.plusSeconds(1));
        process(anEnrichedItem().withId("another-copy").build(), START.plusSeconds(2));

        assertThat(remembered(first.getContentHash())).containsExactly(KeyValue.pair(START.toEpochMilli(), "first"));
    }

    @Test
    void shouldTellOtherContentApart() {
        process(anEnrichedItem().withId("trade").build(), START);

        final DedupOutcome outcome = process(anEnrichedItem().withId("security").withBody(WireItems.SECURITY).build(),
            START.plusSeconds(1));

        assertThat(outcome.isDuplicate()).isFalse();
        assertThat(outcome.item().getStoryId()).isEqualTo("security");
    }

    @Test
    void shouldMakeTheSameKeyNewAgainOnceTheWindowHasPassed() {
        final EnrichedItem first = anEnrichedItem().withId("first").build();
        process(first, START);
        final Instant afterTheWindow = START.plus(WINDOW).plusMillis(1);

        final DedupOutcome outcome = process(anEnrichedItem().withId("much-later").build(), afterTheWindow);

        assertThat(outcome.isDuplicate()).isFalse();
        assertThat(outcome.item().getStoryId()).isEqualTo("much-later");
        assertThat(outcome.decision().getDuplicateOf()).isNull();
        assertThat(remembered(first.getContentHash()))
            .contains(KeyValue.pair(afterTheWindow.toEpochMilli(), "much-later"));
    }

    @Test
    void shouldStampTheDecisionWithTheRecordTimestamp() {
        final Instant eventTime = Instant.parse("2021-08-21T17:45:12.345Z");
        context.setCurrentSystemTimeMs(Instant.parse("2030-01-01T00:00:00Z").toEpochMilli());

        final DedupOutcome outcome = process(anEnrichedItem().withId("first").build(), eventTime);

        assertThat(outcome.decision().getDecidedAt()).isEqualTo(eventTime);
    }

    @Test
    void shouldForwardOneRecordWithTheInputKeyAndTimestamp() {
        filter.process(fixedKeyRecord("the-key", Staged.ok(anEnrichedItem().withId("first").build(), null), START));

        final List<MockProcessorContext.CapturedForward<? extends String, ? extends Staged<DedupOutcome>>> forwarded =
            context.forwarded();
        assertThat(forwarded).hasSize(1);
        assertThat(forwarded.get(0).record().key()).isEqualTo("the-key");
        assertThat(forwarded.get(0).record().timestamp()).isEqualTo(START.toEpochMilli());
        assertThat(forwarded.get(0).childName()).isEmpty();
    }

    @Test
    void shouldPassAFailureThroughWithoutTouchingTheStore() {
        final IllegalArgumentException error = new IllegalArgumentException("cannot decode WireItem");
        final byte[] original = {1, 2, 3};

        filter.process(fixedKeyRecord("poison", Staged.<EnrichedItem>failed("deserialize", error, original), START));

        final Staged<DedupOutcome> passed = onlyForwarded().value();
        assertThat(passed.isFailed()).isTrue();
        assertThat(passed.failure().stage()).isEqualTo("deserialize");
        assertThat(passed.failure().error()).isSameAs(error);
        assertThat(passed.original()).isSameAs(original);
        assertThat(everythingIn(store)).isEmpty();
    }

    @Test
    void shouldFailAtTheDedupStageWhenTheKeyCannotBeTaken() {
        final ExactDuplicateFilter broken = new ExactDuplicateFilter(STORE, WINDOW, item -> {
            throw new IllegalStateException("no content hash");
        }, "normalized content");
        broken.init(new MockFixedKeyContext<>(context));
        final EnrichedItem item = anEnrichedItem().withId("first").build();

        broken.process(fixedKeyRecord("first", Staged.ok(item, null), START));

        final Staged<DedupOutcome> failed = onlyForwarded().value();
        assertThat(failed.failure().stage()).isEqualTo(ExactDuplicateFilter.STAGE);
        assertThat(failed.failure().message()).isEqualTo("no content hash");
        assertThat(failed.lastGood()).isEqualTo(item);
        assertThat(everythingIn(store)).isEmpty();
    }

    private DedupOutcome process(final EnrichedItem item, final Instant eventTime) {
        context.resetForwards();
        filter.process(fixedKeyRecord(item.getContentHash(), Staged.ok(item, null), eventTime));
        final Staged<DedupOutcome> staged = onlyForwarded().value();
        if (staged.isFailed()) {
            // Show the stage's own error; value() would only say that the record failed.
            throw new AssertionError("failed at " + staged.failure().stage(), staged.failure().error());
        }
        return staged.value();
    }

    private Record<? extends String, ? extends Staged<DedupOutcome>> onlyForwarded() {
        assertThat(context.forwarded()).hasSize(1);
        return context.forwarded().get(0).record();
    }

    private List<KeyValue<Long, String>> remembered(final String key) {
        final List<KeyValue<Long, String>> values = new ArrayList<>();
        try (WindowStoreIterator<String> iterator =
                 store.fetch(key, START.minus(WINDOW), START.plus(WINDOW.multipliedBy(3)))) {
            iterator.forEachRemaining(values::add);
        }
        return values;
    }

    private static List<KeyValue<Windowed<String>, String>> everythingIn(final WindowStore<String, String> store) {
        final List<KeyValue<Windowed<String>, String>> entries = new ArrayList<>();
        try (KeyValueIterator<Windowed<String>, String> iterator = store.all()) {
            iterator.forEachRemaining(entries::add);
        }
        return entries;
    }
}

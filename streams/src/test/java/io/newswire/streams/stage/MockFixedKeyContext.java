package io.newswire.streams.stage;

import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.StreamsMetrics;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.Punctuator;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.InternalFixedKeyRecordFactory;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * A {@link MockProcessorContext} seen as a {@link FixedKeyProcessorContext}, to test a {@code processValues}
 * processor alone: kafka-streams-test-utils 4.4.0 ships a mock context for {@code Processor} only. Stores, record
 * metadata and clocks are the mock's; forwarded records land in the mock's {@code forwarded()}.
 *
 * @param <K> forwarded key type
 * @param <V> forwarded value type
 */
final class MockFixedKeyContext<K, V> implements FixedKeyProcessorContext<K, V> {

    private final MockProcessorContext<K, V> mock;

    MockFixedKeyContext(final MockProcessorContext<K, V> mock) {
        this.mock = mock;
    }

    /**
     * An input record for a fixed-key processor. FixedKeyRecord's constructor is package-private (only Kafka may
     * make one, so that the key cannot change); its factory is the one way in from outside.
     */
    static <K, V> FixedKeyRecord<K, V> fixedKeyRecord(final K key, final V value, final Instant timestamp) {
        return InternalFixedKeyRecordFactory.create(new Record<>(key, value, timestamp.toEpochMilli()));
    }

    @Override
    public <K1 extends K, V1 extends V> void forward(final FixedKeyRecord<K1, V1> record) {
        mock.forward(asRecord(record));
    }

    @Override
    public <K1 extends K, V1 extends V> void forward(final FixedKeyRecord<K1, V1> record, final String childName) {
        mock.forward(asRecord(record), childName);
    }

    private static <K1, V1> Record<K1, V1> asRecord(final FixedKeyRecord<K1, V1> record) {
        return new Record<>(record.key(), record.value(), record.timestamp(), record.headers());
    }

    @Override
    public String applicationId() {
        return mock.applicationId();
    }

    @Override
    public TaskId taskId() {
        return mock.taskId();
    }

    @Override
    public Optional<RecordMetadata> recordMetadata() {
        return mock.recordMetadata();
    }

    @Override
    public Serde<?> keySerde() {
        return mock.keySerde();
    }

    @Override
    public Serde<?> valueSerde() {
        return mock.valueSerde();
    }

    @Override
    public File stateDir() {
        return mock.stateDir();
    }

    @Override
    public StreamsMetrics metrics() {
        return mock.metrics();
    }

    @Override
    public <S extends StateStore> S getStateStore(final String name) {
        return mock.getStateStore(name);
    }

    @Override
    public Cancellable schedule(final Duration interval, final PunctuationType type, final Punctuator callback) {
        return mock.schedule(interval, type, callback);
    }

    @Override
    public Cancellable schedule(final Instant startTime, final Duration interval, final PunctuationType type,
                                final Punctuator callback) {
        return mock.schedule(startTime, interval, type, callback);
    }

    @Override
    public void commit() {
        mock.commit();
    }

    @Override
    public Map<String, Object> appConfigs() {
        return mock.appConfigs();
    }

    @Override
    public Map<String, Object> appConfigsWithPrefix(final String prefix) {
        return mock.appConfigsWithPrefix(prefix);
    }

    @Override
    public long currentSystemTimeMs() {
        return mock.currentSystemTimeMs();
    }

    @Override
    public long currentStreamTimeMs() {
        return mock.currentStreamTimeMs();
    }
}

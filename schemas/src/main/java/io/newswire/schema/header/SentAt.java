package io.newswire.schema.header;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The header {@value #HEADER}: when a newswire producer sent the record, in microseconds since the epoch, as ASCII
 * digits. news.raw stamps records with the broker's append time, which orders each partition but not the items one
 * producer spreads over several partitions within a few milliseconds; this header keeps the order in which they
 * were sent, so the dedup stage takes the item sent first for the original. Any client may set it (kcat:
 * {@code -H newswire.sent=1764859200000000}); without it, or with a value that is not a number, the append time
 * alone orders.
 */
public final class SentAt {

    public static final String HEADER = "newswire.sent";
    /** Returned by {@link #read} when a record has no usable header. */
    public static final long UNKNOWN = 0L;

    private static final Instant EPOCH = Instant.EPOCH;
    private final AtomicLong last = new AtomicLong();

    /**
     * The send time of the next record: the clock in microseconds, and always after the previous one, so records
     * sent within one microsecond (or across a clock step back) keep their order.
     */
    public long next() {
        final long now = ChronoUnit.MICROS.between(EPOCH, Instant.now());
        return last.updateAndGet(previous -> Math.max(previous + 1, now));
    }

    /** Replaces the header with {@code micros}. */
    public static void write(final Headers headers, final long micros) {
        headers.remove(HEADER);
        headers.add(HEADER, Long.toString(micros).getBytes(StandardCharsets.US_ASCII));
    }

    /** The send time in microseconds, or {@link #UNKNOWN} when the header is missing, empty or not a positive number. */
    public static long read(final Headers headers) {
        final Header header = headers.lastHeader(HEADER);
        return header == null ? UNKNOWN : parse(header.value());
    }

    /** The send time held in a header's value, or {@link #UNKNOWN}. */
    public static long parse(final byte[] value) {
        if (value == null || value.length == 0 || value.length > 18) {
            return UNKNOWN;
        }
        long micros = 0;
        for (final byte digit : value) {
            if (digit < '0' || digit > '9') {
                return UNKNOWN;
            }
            micros = micros * 10 + (digit - '0');
        }
        return micros;
    }
}

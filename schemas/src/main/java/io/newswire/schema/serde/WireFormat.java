package io.newswire.schema.serde;

/**
 * The two framings a newswire value can have, told apart by the first byte: Avro single-object encoding
 * ({@code C3 01} + 8-byte schema fingerprint) and the Confluent wire format ({@code 00} + 4-byte registry schema id).
 * Readers accept both, so a cluster switches to registry mode without losing what is already on its topics.
 */
public enum WireFormat {
    SINGLE_OBJECT,
    CONFLUENT,
    UNKNOWN;

    /** The Confluent wire format's magic byte, then a big-endian 4-byte schema id. */
    static final byte CONFLUENT_MAGIC = 0x00;
    static final int CONFLUENT_HEADER_LENGTH = 1 + Integer.BYTES;

    /** The framing of {@code bytes}, from their first byte (and second, for single-object encoding). */
    public static WireFormat of(final byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return UNKNOWN;
        }
        if (bytes[0] == CONFLUENT_MAGIC) {
            return CONFLUENT;
        }
        if (bytes[0] == (byte) 0xC3 && (bytes.length == 1 || bytes[1] == 0x01)) {
            return SINGLE_OBJECT;
        }
        return UNKNOWN;
    }

    /** The registry schema id of a Confluent-format value; -1 when it is too short to hold one. */
    public static long confluentSchemaId(final byte[] bytes) {
        if (bytes.length < CONFLUENT_HEADER_LENGTH) {
            return -1;
        }
        return ((bytes[1] & 0xFFL) << 24) | ((bytes[2] & 0xFFL) << 16) | ((bytes[3] & 0xFFL) << 8) | (bytes[4] & 0xFFL);
    }
}

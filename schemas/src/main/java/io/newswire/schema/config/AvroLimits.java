package io.newswire.schema.config;

import java.util.List;

/**
 * Avro's decoder limits (the {@code org.apache.avro.limits.*} system properties of
 * {@code org.apache.avro.SystemLimitException}) sized to newswire's records: the longest string or bytes field and the
 * largest array or map a newswire value can hold, since a whole record is at most {@link Limits#MAX_MESSAGE_BYTES}.
 * Avro's default is about 2^31 each, so a hostile length prefix could make it try to allocate gigabytes.
 *
 * <p>Avro reads the properties once, when {@code SystemLimitException} loads, so they belong in the JVM options
 * (the {@code ./newswire} launcher, the Dockerfile, surefire and failsafe). {@link #setUnlessSet()} is the fallback
 * for a JVM started otherwise ({@code java -jar newswire.jar}); this class touches no Avro class for that reason.
 */
public final class AvroLimits {

    /** The limit of each property: no field or collection of a newswire record can be longer than a record. */
    public static final int MAX_LENGTH = Limits.MAX_MESSAGE_BYTES;

    /** The properties, as named by {@code SystemLimitException}'s constants (a test checks the names). */
    public static final List<String> PROPERTIES = List.of(
        "org.apache.avro.limits.bytes.maxLength",
        "org.apache.avro.limits.string.maxLength",
        "org.apache.avro.limits.collectionItems.maxLength");

    private AvroLimits() {
    }

    /**
     * Sets each property that is not set yet to {@link #MAX_LENGTH}; one set by the JVM options or the user is kept.
     * Call before anything touches Avro: once {@code SystemLimitException} is loaded, the properties are not read again.
     */
    public static void setUnlessSet() {
        for (final String property : PROPERTIES) {
            if (System.getProperty(property) == null) {
                System.setProperty(property, Integer.toString(MAX_LENGTH));
            }
        }
    }
}

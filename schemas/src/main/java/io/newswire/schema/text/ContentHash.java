package io.newswire.schema.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * SHA-256 of an item's normalized title, lead and body ({@link TextNormalizer#key}): equal for copies of the same
 * content, whatever their id, whitespace, typography or captions. The producer derives ids from it; dedup compares it.
 */
public final class ContentHash {

    private ContentHash() {
    }

    /** Hex SHA-256 over the normalized title and the normalized non-empty paragraphs, one per line. */
    public static String of(final String title, final List<String> paragraphs) {
        return of(title, null, paragraphs);
    }

    /**
     * Hex SHA-256 over the normalized title, lead (when there is one) and non-empty paragraphs, one per line. An item
     * without a lead hashes as {@link #of(String, List)}.
     */
    public static String of(final String title, final String lead, final List<String> paragraphs) {
        final StringBuilder canonical = new StringBuilder(TextNormalizer.key(title));
        final String leadKey = TextNormalizer.key(lead);
        if (!leadKey.isEmpty()) {
            canonical.append("\nlead: ").append(leadKey);
        }
        for (final String paragraph : paragraphs) {
            final String key = TextNormalizer.key(paragraph);
            if (!key.isEmpty()) {
                canonical.append('\n').append(key);
            }
        }
        return sha256(canonical.toString());
    }

    private static String sha256(final String text) {
        try {
            final MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
